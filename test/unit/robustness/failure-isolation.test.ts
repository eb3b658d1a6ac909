import * as assert from 'node:assert/strict';
import { INTERNAL_ERROR, analyze, ruleById, rules } from '../../../src/engine';
import { defineRule } from '../../../src/engine/rules/define-rule';
import { TODAY } from '../rule-tester';

/**
 * Issue 7, failure isolation (the basic case is in test/unit/engine/analyze.test.ts): a
 * rule that throws, whatever it throws and on whichever document, costs one
 * internal-error finding naming the rule, on that document; every other rule, document
 * and file is still analysed.
 */
const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  hostNetwork: true\n  containers: [{name: a, image: nginx}]\n`;

function throwing(value: () => unknown, when: (name: string) => boolean = () => true) {
  const base = ruleById('eks-fargate-host-network')!;
  return defineRule({
    meta: { ...base.meta, id: 'test-throws', messages: { x: 'x' } },
    check(ctx) {
      for (const w of ctx.workloads()) if (when(w.name)) throw value();
    },
  });
}

describe('robustness: a failing rule is isolated', () => {
  it('throws on one document of one file: one internal-error there, everything else still found', () => {
    const files = [
      { path: 'a.yaml', text: `${pod('good')}---\n${pod('bad')}---\n${pod('fine')}` },
      { path: 'b.yaml', text: pod('other') },
    ];
    const r = analyze(files, { today: TODAY, rules: [throwing(() => new Error('boom'), (n) => n === 'bad'), ...rules] });
    const internal = r.findings.filter((f) => f.ruleId === INTERNAL_ERROR);
    assert.equal(internal.length, 1);
    assert.equal(internal[0].file, 'a.yaml');
    assert.equal(internal[0].range.start.line, 8, 'on the first line of the failing document');
    assert.match(internal[0].message, /Rule test-throws failed on this document: boom/);
    const hostNetwork = r.findings.filter((f) => f.ruleId === 'eks-fargate-host-network').map((f) => `${f.file}:${f.range.start.line}`);
    assert.deepEqual(hostNetwork, ['a.yaml:5', 'a.yaml:13', 'a.yaml:21', 'b.yaml:5']);
    assert.equal(r.workloads.length, 4);
  });

  for (const [label, value] of [
    ['a string', () => 'just a string'],
    ['null', () => null],
    ['undefined', () => undefined],
    ['a number', () => 42],
    ['a plain object', () => ({ code: 1 })],
    ['a null-prototype object', () => Object.create(null)],
    ['an object whose message getter throws', () => ({ get message(): string { throw new Error('getter'); } })],
    ['a stack overflow', () => { const f = (n: number): number => f(n + 1) + 1; return f(0); }],
  ] as [string, () => unknown][]) {
    it(`throwing ${label} still yields an internal-error, not an exception`, () => {
      const r = analyze([{ path: 'a.yaml', text: pod('p') }], { today: TODAY, rules: [throwing(value), ruleById('eks-fargate-host-network')!] });
      assert.deepEqual(r.findings.map((f) => f.ruleId).sort(), ['eks-fargate-host-network', INTERNAL_ERROR]);
      assert.match(r.findings.find((f) => f.ruleId === INTERNAL_ERROR)!.message, /^Rule test-throws failed on this document: /);
    });
  }
});
