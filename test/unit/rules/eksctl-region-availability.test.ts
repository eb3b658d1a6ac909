import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/engine';
import { rules } from '../../../src/engine/rules';
import rule from '../../../src/engine/rules/eksctl-region-availability';
import { TODAY, ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['pass.yaml'],
  invalid: [
    {
      file: 'fail.unknown.yaml',
      errors: [{ line: 5, column: 11, endColumn: 22, message: '"eu-wset-1" is not an AWS region code; did you mean eu-west-1' }],
      // One suggestion per candidate, in the value's own quotes.
      suggestionOutputs: { 0: 'fail.unknown.suggested.yaml' },
    },
    {
      file: 'fail.case.yaml',
      errors: [{ line: 5, column: 11, endColumn: 20, message: 'Region codes are lower case without spaces: write eu-west-1.' }],
    },
    {
      file: 'fail.govcloud.yaml',
      errors: [{ line: 6, column: 11, endColumn: 24, message: 'This config has Fargate profiles, but Fargate on EKS is not available in us-gov-west-1 (AWS GovCloud (US-West))' }],
    },
    {
      file: 'fail.opt-in.yaml',
      errors: [
        { line: 6, column: 11, endColumn: 23, message: 'whether Fargate on EKS is available in il-central-1 (Israel (Tel Aviv)) is not in Offload\'s region data' },
        { line: 6, message: 'il-central-1 (Israel (Tel Aviv)) is an opt-in region' },
      ],
    },
  ],
});

describe('eksctl rules on malformed ClusterConfigs', () => {
  const shapes = [
    'metadata: [a, b]\nfargateProfiles: {shop: x}\nnodeGroups: gpu',
    'metadata:\n  version: {major: 1}\n  region: [eu-west-1]\nfargateProfiles:\n  - selectors: shop\n  - name: x\n    selectors:\n      - labels: [a]\n      - namespace: {a: 1}\n',
    'metadata:\n  version: true\n  region: 12\nmanagedNodeGroups:\n  - instanceTypes: m5.large\n    instanceSelector: [gpus]\n  - instanceType: 7\n    instancesDistribution: {instanceTypes: {a: b}}\n',
    'metadata:\n  version: ""\n  region: ""\nfargateProfiles: []\nnodeGroups: []\n',
    'metadata:\n  version: 1\n  region: "  "\nfargateProfiles:\n  - name: p\n    selectors:\n      - namespace: "[(*"\n        labels: {"a(": "?)"}\n',
  ];
  const workload = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w, namespace: "[(x"}\nspec:\n  template:\n    metadata: {labels: {"a(": "b)"}}\n    spec: {containers: [{name: c, image: i}]}\n';
  for (const [i, body] of shapes.entries()) {
    it(`never throws (shape ${i + 1})`, () => {
      const text = `apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\n${body}`;
      const ids = rules.filter((r) => r.meta.id.startsWith('eksctl-'));
      assert.equal(ids.length, 5);
      const r = analyze([{ path: 'cluster.yaml', text }, { path: 'w.yaml', text: workload }], { today: TODAY, rules: ids });
      assert.deepEqual(r.findings.filter((f) => f.ruleId === 'internal-error').map((f) => f.message), []);
    });
  }
});
