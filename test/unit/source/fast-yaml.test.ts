import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFast } from '../../../src/engine/source/fast-yaml';
import { parseChunk } from '../../../src/engine/source/yaml-source';
import { chunksOf, compareChunk } from './fast-yaml-diff';
import type { DiffOutcome } from './fast-yaml-diff';
import { randomYaml, rng } from './fast-yaml-gen';

const REPO = path.resolve(__dirname, '..', '..', '..', '..');

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(path.join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

function tally(texts: Iterable<[string, string]>): { same: number; declined: number; differs: { where: string; text: string }[] } {
  const out = { same: 0, declined: 0, differs: [] as { where: string; text: string }[] };
  for (const [where, text] of texts) {
    const r: DiffOutcome = compareChunk(text);
    if (r.kind === 'same') out.same++;
    else if (r.kind === 'declined') out.declined++;
    else out.differs.push({ where: `${where}: ${r.where}`, text });
  }
  return out;
}

function* chunksUnder(...dirs: string[]): Generator<[string, string]> {
  for (const d of dirs) for (const f of yamlFiles(d)) for (const c of chunksOf(fs.readFileSync(f, 'utf8'))) yield [path.relative(REPO, f), c];
}

describe('fast YAML reader (differential against the yaml package)', () => {
  it('reads every chunk of the examples and fixtures as yaml does, or declines it', () => {
    const t = tally(chunksUnder(path.join(REPO, 'examples'), path.join(REPO, 'test', 'fixtures')));
    assert.deepEqual(t.differs.slice(0, 3), []);
    // Declining everything would pass the line above; the plain manifests must be read.
    assert.ok(t.same > 350, `only ${t.same} chunks read (${t.declined} declined)`);
  });

  it('reads all the bundled examples itself', () => {
    const t = tally(chunksUnder(path.join(REPO, 'examples')));
    assert.deepEqual(t.differs, []);
    assert.equal(t.declined, 0);
  });

  it('agrees with yaml on 4,000 generated documents with comments and blank lines everywhere', () => {
    const t = tally(Array.from({ length: 4000 }, (_, i): [string, string] => [`seed ${i}`, randomYaml(i)]));
    assert.deepEqual(t.differs.slice(0, 3), []);
    assert.ok(t.same > 2000, `only ${t.same} of 4,000 read`);
  });

  it('agrees with yaml on the same documents with CRLF line breaks (offsets mapped back)', () => {
    const t = tally(Array.from({ length: 2000 }, (_, i): [string, string] => [`crlf seed ${i}`, randomYaml(i).replace(/\n/g, '\r\n')]));
    assert.deepEqual(t.differs.slice(0, 3), []);
    assert.ok(t.same > 1000, `only ${t.same} of 2,000 read`);
  });

  it('agrees with yaml or declines on 4,000 generated documents with random edits', () => {
    const alphabet = [' ', '\n', '#', ':', '-', '"', "'", '[', ']', '{', '}', ',', '|', '>', 'a', '1', '.', '  ', '\n  ', '&', '*', '!', '?', '\\', '%', '\t', '\r\n'];
    const texts: [string, string][] = [];
    for (let i = 0; i < 4000; i++) {
      const r = rng(i * 7 + 1);
      let t = randomYaml(i);
      for (let j = 1 + Math.floor(r() * 3); j > 0; j--) {
        const at = Math.floor(r() * (t.length + 1));
        const op = r();
        if (op < 0.5) t = t.slice(0, at) + alphabet[Math.floor(r() * alphabet.length)] + t.slice(at);
        else if (op < 0.8) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(r() * 3));
        else {
          const b = t.lastIndexOf('\n', at - 1) + 1;
          t = t.slice(0, b) + ' ' + t.slice(b);
        }
      }
      texts.push([`mutated seed ${i}`, t]);
    }
    const t = tally(texts);
    assert.deepEqual(t.differs.slice(0, 3), []);
    assert.ok(t.same > 500, `only ${t.same} read`);
  });

  describe('ranges that come from yaml\'s CST', () => {
    const cases: [string, string][] = [
      ['a comment indented under a value extends it', 'a:\n  b: 1\n    # deeper\nc: 2\n'],
      ['a comment at the map\'s own column stays in the nested map', 'a:\n  b: 1\n  # same column\nc: 2\n'],
      ['a comment at column 0 goes to the parent', 'a:\n  b: 1\n# col 0\nc: 2\n'],
      ['blank lines then an indented comment', 'a:\n  b: 1\n\n\n      # far\nc: 2\n'],
      ['trailing comments at the end of the document', 'a:\n  b:\n  - x\n  # c\n'],
      ['a same-indent sequence under a key', 'spec:\n  containers:\n  - name: a\n    image: b\n  # between\n  - name: c\n  volumes: []\n'],
      ['block scalars with leading and trailing blank lines', 'a: |\n\n  one\n\n  two\n\n\nb: >-\n  x\n  y\n\n  z\n'],
      ['flow collections and quoted scalars', 'a: [x, "y", 1, {k: v}]   # c\nb: {}\nc: \'it\'\'s\'\n'],
      ['an empty value and an empty item', 'a:\nb:\n- \n-\nc: 1\n'],
      ['core-schema scalars', 'a: [0o17, 0x1F, -2, +3, 1.5, 5., .5, 1e3, .inf, -.Inf, .NaN, true, False, ~, null, yes, on]\n'],
    ];
    for (const [name, text] of cases) {
      it(name, () => {
        assert.ok(parseFast(text), 'the fast reader takes it');
        assert.deepEqual(compareChunk(text), { kind: 'same' });
      });
    }
  });

  describe('declines what it does not model, and yaml reads it instead', () => {
    const cases: [string, string][] = [
      ['anchors and aliases', 'a: &x 1\nb: *x\n'],
      ['tags', 'a: !!str 1\n'],
      ['a merge key', 'a: {x: 1}\nb:\n  <<: {x: 2}\n'],
      ['a duplicate key (yaml reports it)', 'a: 1\na: 2\n'],
      ['a multi-line plain scalar', 'a: one\n  two\n'],
      ['a multi-line flow sequence', 'a: [1,\n  2]\n'],
      ['tabs', 'a:\n\tb: 1\n'],
      ['lone CR line breaks', 'a: 1\rb: 2\r'],
      ['a CR inside a CRLF file', 'a: 1\r\nb: x\ry\r\n'],
      ['mixed CRLF and LF', 'a: 1\r\nb: 2\n'],
      ['escapes in double quotes', 'a: "x\\ty"\n'],
      ['keep chomping', 'a: |+\n  x\n\n'],
      ['an empty document', '# only a comment\n'],
      ['a scalar document', 'just text\n'],
      ['a syntax error', 'a: b: c\n'],
    ];
    for (const [name, text] of cases) {
      it(name, () => {
        assert.equal(parseFast(text), undefined);
        const chunk = parseChunk(text);
        assert.equal(chunk.fast, undefined);
        assert.ok(chunk.doc || chunk.errors.length, 'yaml read it');
      });
    }
    it('a duplicate key still gets yaml\'s finding through parseChunk', () => {
      assert.match(parseChunk('a: 1\na: 2\n').errors[0]?.message ?? '', /unique/);
    });
  });
});
