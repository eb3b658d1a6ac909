import { strict as assert } from 'node:assert';
import { parseFromWebview, parseGuideState } from '../../../src/extension/webview/protocol';

const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 9 } };
const rendered = { workloads: 3, findings: 2, regions: 40, versions: 10, sizes: 50 };

describe('extension: webview protocol validation', () => {
  it('accepts each well-formed message', () => {
    assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseFromWebview({ type: 'reveal', file: 'k8s/a.yaml', range }), { type: 'reveal', file: 'k8s/a.yaml', range });
    assert.deepEqual(parseFromWebview({ type: 'command', command: 'offload.setRegions' }), { type: 'command', command: 'offload.setRegions' });
    const state = { tab: 'regions', regionFilter: 'eu-', onlyTargeted: true };
    assert.deepEqual(parseFromWebview({ type: 'state', state, rendered }), { type: 'state', state, rendered });
  });

  it('rejects anything else, including commands outside the allowlist', () => {
    const bad: unknown[] = [
      null,
      'ready',
      [],
      { type: 'nope' },
      { type: 'command', command: 'workbench.action.terminal.new' },
      { type: 'command', command: 'offload.fixAllInFile' },
      { type: 'reveal', file: 42, range },
      { type: 'reveal', file: '', range },
      { type: 'reveal', file: 'a', range: { start: { line: -1, character: 0 }, end: range.end } },
      { type: 'reveal', file: 'a', range: { start: { line: 1.5, character: 0 }, end: range.end } },
      { type: 'reveal', file: 'x'.repeat(5000), range },
      { type: 'state', state: { tab: 'evil' }, rendered },
      { type: 'state', state: { tab: 'report' }, rendered: { ...rendered, regions: -1 } },
    ];
    for (const m of bad) assert.equal(parseFromWebview(m), undefined, JSON.stringify(m)?.slice(0, 80));
  });

  it('keeps only known state fields, with safe defaults', () => {
    assert.deepEqual(parseGuideState({ tab: 'versions', regionFilter: 7, onlyTargeted: 'yes', extra: 1 }), { tab: 'versions', regionFilter: '', onlyTargeted: false });
    assert.equal(parseGuideState(undefined), undefined);
  });
});
