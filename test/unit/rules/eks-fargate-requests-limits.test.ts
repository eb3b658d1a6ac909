import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, applyEdits } from '../../../src/engine';
import rule from '../../../src/engine/rules/eks-fargate-requests-limits';
import { FIXTURES, TODAY, ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['pass.yaml', 'pass.helm.yaml'],
  invalid: [
    {
      file: 'fail.yaml',
      errors: [
        // The init container's 500m does not count towards the long-running request of 1 vCPU.
        { line: 30, column: 20, endColumn: 23, message: 'Deployment "api" sets a limit above the pod\'s total request (container "api": cpu limit 2 > pod request 1); AWS warns that Fargate pod launches might fail then. Fargate sizes the pod on its requests: 1vCPU 3GB (about $0.0538/hour, $39.28/month at us-east-1 list prices).' },
        { line: 51, column: 27, endColumn: 31, message: 'Deployment "web" sets limits above requests (container "web": cpu limit 750m > request 500m). Fargate sizes the pod on its requests and runs it with Guaranteed QoS, so it gets 1vCPU 2GB (about $0.0494/hour' },
        { line: 76, column: 20, endColumn: 25, message: 'cpu limit 1000m > pod request 50m; container "manager": memory limit 1Gi > pod request 64Mi' },
      ],
      output: false,
      suggestionOutputs: { 0: 'fail.lowered-api.yaml', 2: 'fail.lowered-flux.yaml' },
    },
  ],
});

describe('rule eks-fargate-requests-limits, details', () => {
  const text = fs.readFileSync(path.join(FIXTURES, rule.meta.id, 'fail.yaml'), 'utf8');
  const findings = analyze([{ path: 'fail.yaml', text }], { today: TODAY, rules: [rule] }).findings;

  it('warns (still as advice) only where AWS says launches might fail', () => {
    assert.deepEqual(findings.map((f) => [f.severity, f.effect]), [['warning', 'advice'], ['info', 'advice'], ['warning', 'advice']]);
  });

  it('prices the alternative of raising requests to limits', () => {
    assert.equal(findings[0].suggestions?.[1]?.title, 'Raise requests to limits (runs at 2vCPU 4GB, about $0.0987/hour)');
    const raised = applyEdits(text, findings[0].suggestions![1].edits).text;
    assert.match(raised.split('\n')[26], /^ {14}cpu: "2"$/);
    assert.deepEqual(analyze([{ path: 'fail.yaml', text: raised }], { today: TODAY, rules: [rule] }).findings.map((f) => f.range.start.line + 1), [51, 76]);
  });
});
