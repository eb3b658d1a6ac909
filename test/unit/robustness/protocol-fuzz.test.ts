import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { GUIDE_COMMANDS, GUIDE_TABS, parseFromWebview, parseGuideState } from '../../../src/extension/webview/protocol';

/**
 * The webview is untrusted (issue 7): whatever it posts, parseFromWebview never throws
 * and lets through only the closed union, with no extra fields, allow-listed commands
 * and bounded strings. (The hand-written cases are in test/unit/extension/protocol.test.ts.)
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);

const position = fc.record({ line: fc.oneof(fc.nat(), fc.integer(), fc.double(), fc.string()), character: fc.oneof(fc.nat(), fc.integer(), fc.constant(NaN)) });
const message = fc.oneof(
  fc.anything({ withNullPrototype: true, withObjectString: true, maxDepth: 3 }),
  fc.record({ type: fc.constantFrom('ready', 'state', 'reveal', 'command', '__proto__', 'constructor', 'toString'), command: fc.oneof(fc.constantFrom(...GUIDE_COMMANDS, 'workbench.action.terminal.new', 'vscode.open', '__proto__'), fc.string()) }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constant('reveal'), file: fc.oneof(fc.string(), fc.string({ minLength: 4000, maxLength: 5000 }), fc.anything()), range: fc.oneof(fc.record({ start: position, end: position }), fc.anything()) }),
  fc.record({
    type: fc.constant('state'),
    state: fc.oneof(fc.record({ tab: fc.oneof(fc.constantFrom(...GUIDE_TABS), fc.string()), regionFilter: fc.oneof(fc.string(), fc.string({ minLength: 190, maxLength: 400 }), fc.anything()), onlyTargeted: fc.anything(), workloadId: fc.anything() }), fc.anything()),
    rendered: fc.oneof(fc.record({ workloads: fc.integer(), findings: fc.nat(), regions: fc.nat(), versions: fc.nat(), sizes: fc.oneof(fc.nat(), fc.double()) }), fc.anything()),
  }),
);

const KEYS: Record<string, string[]> = { ready: ['type'], state: ['rendered', 'state', 'type'], reveal: ['file', 'range', 'type'], command: ['command', 'type'] };

describe('robustness: messages from the webview (fast-check)', () => {
  it('parseFromWebview never throws and returns only well-formed, allow-listed messages', () => {
    fc.assert(
      fc.property(message, (m) => {
        const r = parseFromWebview(m);
        if (r === undefined) return;
        assert.deepEqual(Object.keys(r).sort(), KEYS[r.type], `extra or missing fields: ${JSON.stringify(r)}`);
        assert.equal(Object.getPrototypeOf(r), Object.prototype);
        if (r.type === 'command') assert.ok(GUIDE_COMMANDS.includes(r.command));
        if (r.type === 'reveal') {
          assert.ok(typeof r.file === 'string' && r.file.length > 0 && r.file.length <= 4096);
          for (const p of [r.range.start, r.range.end]) assert.ok(Number.isInteger(p.line) && p.line >= 0 && Number.isInteger(p.character) && p.character >= 0);
        }
        if (r.type === 'state') {
          assert.ok(GUIDE_TABS.includes(r.state.tab));
          assert.ok(typeof r.state.regionFilter === 'string' && r.state.regionFilter.length <= 200);
          assert.equal(typeof r.state.onlyTargeted, 'boolean');
          for (const v of Object.values(r.rendered)) assert.ok(Number.isInteger(v) && v >= 0);
        }
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('parseGuideState (a serialized panel from disk) never throws and keeps only known fields', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, maxDepth: 2 }), (x) => {
        const s = parseGuideState(x);
        if (s) assert.ok(Object.keys(s).every((k) => ['tab', 'regionFilter', 'onlyTargeted', 'workloadId'].includes(k)));
      }),
      { seed: SEED + 1, numRuns: 500 },
    );
  });
});
