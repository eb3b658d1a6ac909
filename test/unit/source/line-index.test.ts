import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { LineIndex } from '../../../src/engine/source/line-index';
import { loadFile } from '../../../src/engine/load';
import { analyze } from '../../../src/engine';

const TODAY = '2026-11-25';

/** Every offset's position, the slow and obvious way, to compare against. */
function naivePositions(text: string): { line: number; character: number }[] {
  const out: { line: number; character: number }[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i <= text.length; i++) {
    out.push({ line, character });
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') {
      // The \n of a CRLF pair still belongs to the end of this line.
      out.push({ line, character });
      i++;
      line++;
      character = 0;
    } else if (c === '\r' || c === '\n') {
      line++;
      character = 0;
    } else {
      character++;
    }
  }
  return out.slice(0, text.length + 1);
}

describe('source: LineIndex', () => {
  it('counts 0-based lines and characters with LF', () => {
    const li = new LineIndex('ab\ncd\n');
    assert.equal(li.lineCount, 3);
    assert.deepEqual(li.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(li.positionAt(2), { line: 0, character: 2 });
    assert.deepEqual(li.positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(li.positionAt(6), { line: 2, character: 0 });
    assert.equal(li.lineText(1), 'cd');
    assert.equal(li.eol, '\n');
  });

  it('treats CRLF as one break and puts an offset inside the pair at the end of its line', () => {
    const text = 'ab\r\ncd';
    const li = new LineIndex(text);
    assert.equal(li.lineCount, 2);
    assert.deepEqual(li.positionAt(2), { line: 0, character: 2 }, 'at \\r');
    assert.deepEqual(li.positionAt(3), { line: 0, character: 2 }, 'between \\r and \\n');
    assert.deepEqual(li.positionAt(4), { line: 1, character: 0 });
    assert.equal(li.lineEnd(0), 2);
    assert.equal(li.lineText(0), 'ab');
    assert.equal(li.eol, '\r\n');
  });

  it('treats a lone CR as a line break, as editors do', () => {
    const li = new LineIndex('a\rb\r\rc');
    assert.equal(li.lineCount, 4);
    assert.deepEqual(li.positionAt(2), { line: 1, character: 0 });
    assert.equal(li.lineText(2), '');
    assert.deepEqual(li.positionAt(5), { line: 3, character: 0 });
    assert.equal(li.lineText(3), 'c');
  });

  it('handles mixed line endings', () => {
    const text = 'a\nb\r\nc\rd';
    const li = new LineIndex(text);
    assert.deepEqual([0, 1, 2, 3].map((l) => li.lineText(l)), ['a', 'b', 'c', 'd']);
    assert.equal(li.offsetAt({ line: 3, character: 0 }), text.indexOf('d'));
  });

  it('counts a tab as one character', () => {
    const li = new LineIndex('\tkey:\tvalue');
    assert.deepEqual(li.positionAt('\tkey:\t'.length), { line: 0, character: 6 });
  });

  it('counts UTF-16 code units: BMP characters are 1, emoji and other astral characters are 2', () => {
    const text = 'é中: x\n😀: y\n👩‍💻z';
    const li = new LineIndex(text);
    assert.deepEqual(li.positionAt(text.indexOf('x')), { line: 0, character: 4 });
    assert.deepEqual(li.positionAt(text.indexOf('y')), { line: 1, character: 4 }, '😀 is a surrogate pair');
    // A ZWJ sequence: 2 + 1 + 2 code units before z.
    assert.deepEqual(li.positionAt(text.indexOf('z')), { line: 2, character: 5 });
  });

  it('clamps out-of-range offsets and positions instead of throwing', () => {
    const li = new LineIndex('ab\ncd');
    assert.deepEqual(li.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(li.positionAt(99), { line: 1, character: 2 });
    assert.equal(li.offsetAt({ line: -1, character: 3 }), 0);
    assert.equal(li.offsetAt({ line: 9, character: 0 }), 5);
    assert.equal(li.offsetAt({ line: 0, character: 99 }), 2, 'never past the line end into the break');
    assert.equal(li.offsetAt({ line: 1, character: -3 }), 3);
  });

  it('handles empty text and text without a final newline', () => {
    const empty = new LineIndex('');
    assert.equal(empty.lineCount, 1);
    assert.deepEqual(empty.positionAt(0), { line: 0, character: 0 });
    assert.equal(empty.lineText(0), '');
    const li = new LineIndex('abc');
    assert.deepEqual(li.range(1, 3), { start: { line: 0, character: 1 }, end: { line: 0, character: 3 } });
  });

  it('agrees with a naive scan on any text (property)', () => {
    const chars = fc.constantFrom('a', ' ', '\t', '\n', '\r', 'é', '😀', '#', ':');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }).map((a) => a.join('')), (text) => {
        const li = new LineIndex(text);
        const naive = naivePositions(text);
        for (let o = 0; o <= text.length; o++) {
          assert.deepEqual(li.positionAt(o), naive[o], `offset ${o} of ${JSON.stringify(text)}`);
          // Round trip, except for the \n of a CRLF, which maps back to its \r.
          const inPair = text[o - 1] === '\r' && text[o] === '\n';
          if (!inPair) assert.equal(li.offsetAt(li.positionAt(o)), o);
        }
      }),
      { numRuns: 300 },
    );
  });

  describe('BOM', () => {
    const withBom = '\uFEFFapiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: d\n';

    it('load strips a leading BOM so positions match what an editor shows', () => {
      const m = loadFile('ds.yaml', withBom, Infinity);
      assert.equal(m.text.charCodeAt(0), 0x61);
      assert.equal(m.summary.format, 'kubernetes');
      assert.deepEqual(m.lines.positionAt(m.text.indexOf('DaemonSet')), { line: 1, character: 6 });
    });

    it('findings in a file with a BOM sit where they sit without it', () => {
      const a = analyze([{ path: 'ds.yaml', text: withBom }], { today: TODAY }).findings;
      const b = analyze([{ path: 'ds.yaml', text: withBom.slice(1) }], { today: TODAY }).findings;
      assert.ok(a.length > 0);
      assert.deepEqual(a, b);
      assert.deepEqual(a.find((f) => f.ruleId === 'eks-fargate-daemonset')!.range, { start: { line: 1, character: 6 }, end: { line: 1, character: 15 } });
    });

    it('a JSON file with a BOM parses and keeps editor positions', () => {
      const text = '\uFEFF{"family": "f", "networkMode": "bridge", "containerDefinitions": [{"name": "a", "image": "a"}]}';
      const r = analyze([{ path: 'td.json', text }], { today: TODAY });
      assert.deepEqual(r.findings.filter((f) => f.ruleId === 'parse-error'), []);
      const f = r.findings.find((x) => x.ruleId === 'ecs-fargate-network-mode')!;
      assert.equal(f.range.start.character, text.slice(1).indexOf('"bridge"'));
    });
  });
});
