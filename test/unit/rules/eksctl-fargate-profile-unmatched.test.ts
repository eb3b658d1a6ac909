import * as assert from 'node:assert/strict';
import { wildcardMatch } from '../../../src/engine/rule-helpers/eksctl-helpers';
import rule from '../../../src/engine/rules/eksctl-fargate-profile-unmatched';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    // Wildcards, default namespace, kube-system, labels on pods only, a kubeconfig decoy.
    { file: 'pass.yaml', with: ['context-workloads.yaml'] },
    // No Kubernetes workload in the workspace: nothing to compare against.
    'fail.yaml',
    // A Helm template's namespace is unknown, so it may match any selector.
    { file: 'fail.yaml', with: ['context-workloads.yaml', 'templates/deployment.yaml'] },
  ],
  invalid: [
    {
      file: 'fail.yaml',
      with: ['context-workloads.yaml'],
      errors: [
        { line: 12, column: 20, endColumn: 25, message: 'Fargate profile "fp-web" of cluster "checkout" selects namespace bacth, but no Kubernetes workload' },
        { line: 16, column: 9, endColumn: 15, message: 'labels fargate=true, tier=critical: 2 workload(s) run in that namespace (Deployment ledger; Job settle)' },
      ],
    },
  ],
});

describe('Fargate profile wildcards', () => {
  const cases: [string, string, boolean][] = [
    ['prod*', 'prod', true],
    ['prod*', 'prod-metrics', true],
    ['value?', 'valuea', true],
    ['value?', 'value', false],
    ['value?', 'value-a', false],
    ['*dev', 'team-dev', true],
    ['frontend*?', 'frontend', false],
    ['frontend*?', 'frontend1', true],
    ['a.b', 'axb', false],
    ['shop', 'Shop', false],
  ];
  for (const [pattern, value, want] of cases) {
    it(`${pattern} ${want ? 'matches' : 'does not match'} ${value}`, () => assert.equal(wildcardMatch(pattern, value), want));
  }
});
