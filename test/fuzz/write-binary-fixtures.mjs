#!/usr/bin/env node
// Writes the hostile fixtures whose bytes editors and git filters like to "fix":
// binary, invalid UTF-8, UTF-16, BOMs and line-break variants. Idempotent.
//   node test/fuzz/write-binary-fixtures.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'hostile', 'encoding');
mkdirSync(dir, { recursive: true });

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: enc\nspec:\n  hostNetwork: true\n  containers:\n    - name: app\n      image: nginx\n      securityContext:\n        privileged: true\n';
const TASK = '{"family": "bom", "requiresCompatibilities": ["FARGATE"], "networkMode": "host",\n "containerDefinitions": [{"name": "a", "image": "nginx"}]}\n';
const files = {
  'binary.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xd8, 0xff, 0x00]),
  'binary.json': Buffer.concat([Buffer.from('{"family": "x", "containerDefinitions": []}'), Buffer.from([0, 0, 0, 1, 2, 3])]),
  // A manifest saved as Latin-1: one 0xE9 byte in a comment makes it invalid UTF-8.
  'latin1.yaml': Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\n' + POD)]),
  // Windows PowerShell 5 `kubectl get -o yaml > x.yaml` writes UTF-16LE with a BOM.
  'utf16le.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(POD, 'utf16le')]),
  'utf16be.json': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TASK, 'utf16le').swap16()]),
  'overlong-utf8.yaml': Buffer.concat([Buffer.from(POD), Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80])]),
  'bom.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(POD)]),
  'bom.json': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TASK)]),
  'double-bom.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), Buffer.from(POD)]),
  'crlf.yaml': Buffer.from(POD.replace(/\n/g, '\r\n')),
  'bom-crlf.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(POD.replace(/\n/g, '\r\n'))]),
  'crlf.json': Buffer.from(TASK.replace(/\n/g, '\r\n')),
  'lone-cr.yaml': Buffer.from(POD.replace(/\n/g, '\r')),
  'mixed-eol.yaml': Buffer.from(POD.split('\n').map((l, i) => l + ['\n', '\r\n', '\r'][i % 3]).join('')),
  'unicode-separators.yaml': Buffer.from(POD.replace('name: enc', 'name: "enc\u2028line\u2029para\u0085nel"') + '# \u2028 in a comment\n'),
  'unicode.yaml': Buffer.from(
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "\u{1F600}\u{1F469}\u200D\u{1F4BB}-\u202Eevil\u202C-e\u0301"\n  labels: {"\u{1D49C}": "\u{1F4A9}"}\nspec:\n  hostNetwork: true   # \u{1F600}\u{1F600}\n  containers: [{name: "\u{1F600}", image: nginx, securityContext: {privileged: true}}]\n',
  ),
  'empty.yaml': Buffer.alloc(0),
  'empty.json': Buffer.alloc(0),
  'whitespace.yaml': Buffer.from('  \n\t\n   \r\n\n'),
  'comments-only.yaml': Buffer.from('# just a comment\n   # another\n#\n'),
  'comments-only.json': Buffer.from('// a comment\n/* and a block */\n'),
  'bom-only.yaml': Buffer.from([0xef, 0xbb, 0xbf]),
  'nul-in-middle.yaml': Buffer.from(POD.replace('nginx', 'ngi\u0000nx')),
  'no-final-newline.yaml': Buffer.from(POD.trimEnd()),
};
for (const [name, bytes] of Object.entries(files)) {
  const file = join(dir, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
}
console.log(`wrote ${Object.keys(files).length} files to ${dir}`);
