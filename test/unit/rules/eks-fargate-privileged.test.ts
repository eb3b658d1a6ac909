import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/engine';
import rule from '../../../src/engine/rules/eks-fargate-privileged';
import { FIXTURES, TODAY, ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['pass.yaml', 'pass.helm.yaml'],
  invalid: [
    {
      file: 'fail.yaml',
      errors: [
        // Init containers count: Fargate rejects the whole pod.
        { line: 20, column: 25, endColumn: 29, message: 'Container "sysctl" in StatefulSet "search" is privileged, which Fargate rejects.' },
        { line: 43, column: 25, endColumn: 29, message: 'Container "driver" in Deployment "fs-controller" is privileged with allowPrivilegeEscalation' },
        { line: 64, column: 39, endColumn: 43, message: 'Container "controller" in Deployment "ingress-controller" sets allowPrivilegeEscalation: true, which the EKS Fargate scheduler rejects' },
      ],
      output: false,
      suggestionOutputs: { 2: 'fail.suggested.yaml' },
    },
  ],
});

describe('rule eks-fargate-privileged, platforms', () => {
  it('blocks ECS Fargate for privileged, but only EKS Fargate for privilege escalation alone', () => {
    const text = fs.readFileSync(path.join(FIXTURES, rule.meta.id, 'fail.yaml'), 'utf8');
    const found = analyze([{ path: 'fail.yaml', text }], { today: TODAY, rules: [rule] }).findings;
    assert.deepEqual(found.map((f) => f.platforms), [['eks-fargate', 'ecs-fargate'], ['eks-fargate', 'ecs-fargate'], ['eks-fargate']]);
  });
});
