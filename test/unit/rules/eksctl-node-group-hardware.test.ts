import * as assert from 'node:assert/strict';
import rule from '../../../src/engine/rules/eksctl-node-group-hardware';
import { classifyInstanceType } from '../../../src/engine/rule-helpers/eksctl-helpers';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['pass.yaml'],
  invalid: [
    {
      file: 'fail.yaml',
      errors: [
        { line: 10, column: 19, endColumn: 28, message: 'Node group "gpu" has NVIDIA GPU instances (g5.xlarge): workloads that need nvidia.com/gpu run here, on EC2 nodes; Fargate has no accelerators.' },
        { line: 15, column: 21, endColumn: 32, message: 'Node group "graviton" runs arm64 (Graviton) instances (m7g.large, c7g.large): images of pods scheduled there must be built for linux/arm64' },
        { line: 17, message: 'Node group "inference" has AWS Inferentia instances (inf2.xlarge): workloads that need aws.amazon.com/neuron run here' },
        { line: 19, message: 'Node group "arm-gpu" has NVIDIA GPU instances (g5g.xlarge)' },
        { line: 19, message: 'Node group "arm-gpu" runs arm64 (Graviton) instances (g5g.xlarge)' },
        { line: 23, column: 13, endColumn: 14, message: 'Node group "selected" selects instances with 1 GPU(s)' },
        { line: 24, column: 24, endColumn: 29, message: 'Node group "selected" selects arm64 instances' },
        { line: 29, column: 23, endColumn: 33, message: 'Node group "spot-arm" runs arm64 (Graviton) instances (t4g.medium, t4g.large)' },
      ],
    },
  ],
});

describe('classifyInstanceType', () => {
  const cases: [string, { accelerator?: string; arm: boolean } | undefined][] = [
    ['m6i.large', { arm: false }],
    ['m6g.large', { arm: true }],
    ['c7gn.16xlarge', { arm: true }],
    ['r8g.medium', { arm: true }],
    ['x2gd.xlarge', { arm: true }],
    ['im4gn.large', { arm: true }],
    ['is4gen.medium', { arm: true }],
    ['hpc7g.4xlarge', { arm: true }],
    ['a1.large', { arm: true }],
    ['m5a.large', { arm: false }],
    ['g4dn.xlarge', { accelerator: 'NVIDIA GPU', arm: false }],
    ['g4ad.xlarge', { accelerator: 'AMD GPU', arm: false }],
    ['g5g.xlarge', { accelerator: 'NVIDIA GPU', arm: true }],
    ['p4d.24xlarge', { accelerator: 'NVIDIA GPU', arm: false }],
    ['p6-b200.48xlarge', { accelerator: 'NVIDIA GPU', arm: false }],
    ['inf2.xlarge', { accelerator: 'AWS Inferentia', arm: false }],
    ['trn1n.32xlarge', { accelerator: 'AWS Trainium', arm: false }],
    ['dl1.24xlarge', { accelerator: 'Habana Gaudi', arm: false }],
    ['f1.2xlarge', { accelerator: 'FPGA', arm: false }],
    ['mixed', undefined],
    ['', undefined],
  ];
  for (const [type, want] of cases) {
    it(`reads ${type || '(empty)'}`, () => {
      const got = classifyInstanceType(type);
      assert.deepEqual(got && { accelerator: got.accelerator, arm: got.arm }, want && { accelerator: want.accelerator, arm: want.arm });
    });
  }
});
