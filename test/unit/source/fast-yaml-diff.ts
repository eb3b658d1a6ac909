/**
 * The differential check behind the fast YAML reader: a chunk it reads must give the
 * same tree as the yaml package does (values, kinds, keys, every range), or it must
 * decline the chunk. Shared by the unit tests and `node out/test/unit/source/fast-yaml-diff.js <dir>`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFast } from '../../../src/engine/source/fast-yaml';
import { wrapFast } from '../../../src/engine/source/fast-source-node';
import { parseChunkWithYaml, placeChunk, splitYamlDocuments } from '../../../src/engine/source/yaml-source';
import type { SourceNode } from '../../../src/engine/source/source-node';

export type DiffOutcome = { kind: 'same' } | { kind: 'declined' } | { kind: 'differs'; where: string };

export function compareChunk(text: string): DiffOutcome {
  const fast = parseFast(text);
  if (!fast) return { kind: 'declined' };
  const ref = parseChunkWithYaml(text);
  if (ref.errors.length) return { kind: 'differs', where: `yaml reports errors the fast reader missed: ${ref.errors.map((e) => e.message).join('; ')}` };
  const want = placeChunk(ref, 0).root;
  if (!want) return { kind: 'differs', where: 'yaml found an empty document' };
  const where = diffNodes(wrapFast(fast, 0), want, '$');
  if (where) return { kind: 'differs', where };
  const a = JSON.stringify(wrapFast(fast, 0).toJS());
  const b = JSON.stringify(want.toJS());
  return a === b ? { kind: 'same' } : { kind: 'differs', where: `toJS: ${a.slice(0, 200)} vs ${b.slice(0, 200)}` };
}

function diffNodes(a: SourceNode, b: SourceNode, at: string): string | undefined {
  const fields = ['kind', 'start', 'end', 'key', 'keyStart', 'keyEnd', 'quoted'] as const;
  for (const f of fields) {
    if (a[f] !== b[f]) return `${at}: ${f} ${JSON.stringify(a[f])} (fast) vs ${JSON.stringify(b[f])} (yaml)`;
  }
  if (!Object.is(a.value, b.value)) return `${at}: value ${JSON.stringify(a.value)} (fast) vs ${JSON.stringify(b.value)} (yaml)`;
  const ac = a.kind === 'map' ? a.entries() : a.items();
  const bc = b.kind === 'map' ? b.entries() : b.items();
  if (ac.length !== bc.length) return `${at}: ${ac.length} children (fast) vs ${bc.length} (yaml)`;
  for (let i = 0; i < ac.length; i++) {
    const d = diffNodes(ac[i], bc[i], `${at}.${ac[i].key ?? i}`);
    if (d) return d;
  }
  return undefined;
}

/** Every chunk of a YAML stream. */
export function chunksOf(text: string): string[] {
  const starts = splitYamlDocuments(text);
  return starts.map((s, i) => text.slice(s, starts[i + 1] ?? text.length));
}

/** CLI: compares every chunk of every .yaml/.yml file under the given folders. */
if (require.main === module) {
  let same = 0;
  let declined = 0;
  let differs = 0;
  const declinedFirstLines = new Map<string, number>();
  const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : /\.ya?ml$/.test(e.name) ? [path.join(d, e.name)] : []));
  for (const dir of process.argv.slice(2)) {
    for (const file of walk(dir)) {
      for (const chunk of chunksOf(fs.readFileSync(file, 'utf8'))) {
        const r = compareChunk(chunk);
        if (r.kind === 'same') same++;
        else if (r.kind === 'declined') {
          declined++;
          const k = path.basename(path.dirname(file));
          declinedFirstLines.set(k, (declinedFirstLines.get(k) ?? 0) + 1);
        } else {
          differs++;
          if (differs <= 15) console.log(`DIFFERS ${file}: ${r.where}\n${chunk.length < 600 ? chunk : chunk.slice(0, 600) + '...'}\n----`);
        }
      }
    }
  }
  console.log(`same ${same}, declined ${declined}, differs ${differs}`);
  console.log('declined by folder:', [...declinedFirstLines].sort((a, b) => b[1] - a[1]).slice(0, 15));
}
