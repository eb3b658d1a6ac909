import * as assert from 'node:assert/strict';
import { deletesUsedAnchor } from '../../../src/engine/fix/anchors';

describe('fix: anchors that an edit would delete', () => {
  const compose = 'services:\n  a:\n    image: x\n    cap_add: &caps [SYS_ADMIN]\n  b:\n    image: y\n    cap_add: *caps\n';
  const line = (t: string, needle: string) => {
    const start = t.lastIndexOf('\n', t.indexOf(needle)) + 1;
    return { start, end: t.indexOf('\n', start) + 1, newText: '' };
  };

  it('is true when the removed line defines an anchor used below', () => {
    assert.equal(deletesUsedAnchor(compose, [line(compose, '&caps')]), true);
  });

  it('is false when the alias goes too, or nothing refers to the anchor', () => {
    assert.equal(deletesUsedAnchor(compose, [line(compose, '&caps'), line(compose, '*caps')]), false);
    const unused = compose.replace('cap_add: *caps', 'cap_add: [NET_ADMIN]');
    assert.equal(deletesUsedAnchor(unused, [line(unused, '&caps')]), false);
  });

  it('is false for edits that keep the anchor, or text without anchors', () => {
    assert.equal(deletesUsedAnchor(compose, [line(compose, 'image: y')]), false);
    assert.equal(deletesUsedAnchor('a: 1\nb: 2\n', [{ start: 0, end: 5, newText: '' }]), false);
  });

  it('is false when the edit writes the anchor back (a replacement)', () => {
    const l = line(compose, '&caps');
    assert.equal(deletesUsedAnchor(compose, [{ ...l, newText: '    cap_add: &caps [NET_ADMIN]\n' }]), false);
  });
});
