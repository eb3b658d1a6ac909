import * as assert from 'node:assert/strict';
import { applyEdits } from '../../../src/engine';
import type { TextEdit } from '../../../src/engine';

const edit = (sl: number, sc: number, el: number, ec: number, newText: string): TextEdit => ({
  range: { start: { line: sl, character: sc }, end: { line: el, character: ec } },
  newText,
});

describe('fix: applyEdits', () => {
  it('applies edits given in any order, by position', () => {
    const text = 'cpu: 512\nmemory: 512\n';
    const r = applyEdits(text, [edit(1, 8, 1, 11, '1024'), edit(0, 5, 0, 8, '256')]);
    assert.equal(r.text, 'cpu: 256\nmemory: 1024\n');
    assert.equal(r.applied.length, 2);
    assert.deepEqual(r.skipped, []);
  });

  it('skips an edit that overlaps one already taken, and reports it', () => {
    const text = 'abcdef';
    const first = edit(0, 1, 0, 4, 'X');
    const overlapping = edit(0, 3, 0, 5, 'Y');
    const r = applyEdits(text, [overlapping, first]);
    assert.equal(r.text, 'aXef');
    assert.deepEqual(r.applied, [first]);
    assert.deepEqual(r.skipped, [overlapping]);
  });

  it('touching edits and insertions at the same point both apply', () => {
    assert.equal(applyEdits('abc', [edit(0, 1, 0, 2, 'B'), edit(0, 2, 0, 3, 'C')]).text, 'aBC');
    assert.equal(applyEdits('ab', [edit(0, 1, 0, 1, 'x'), edit(0, 1, 0, 1, 'y')]).text, 'axyb');
  });

  it('keeps CRLF line ends and everything outside the edits byte for byte', () => {
    const text = '{\r\n  "networkMode": "bridge", // why\r\n  "cpu": "512"\r\n}\r\n';
    const r = applyEdits(text, [edit(1, 17, 1, 25, '"awsvpc"')]);
    assert.equal(r.text, '{\r\n  "networkMode": "awsvpc", // why\r\n  "cpu": "512"\r\n}\r\n');
  });

  it('inserts whole lines', () => {
    const text = 'spec:\n  containers: []\n';
    assert.equal(applyEdits(text, [edit(1, 0, 1, 0, '  hostNetwork: false\n')]).text, 'spec:\n  hostNetwork: false\n  containers: []\n');
  });

  it('an edit whose end comes before its start is skipped', () => {
    const bad = edit(0, 3, 0, 1, 'x');
    const r = applyEdits('abcd', [bad]);
    assert.equal(r.text, 'abcd');
    assert.deepEqual(r.skipped, [bad]);
  });

  it('positions past a line end clamp to it, in UTF-16 units', () => {
    assert.equal(applyEdits('😀a\nb', [edit(0, 2, 0, 99, '!')]).text, '😀!\nb');
  });

  it('no edits, same text', () => {
    assert.deepEqual(applyEdits('x', []), { text: 'x', applied: [], skipped: [] });
  });
});
