import rule from '../../../src/engine/rules/eks-fargate-node-selector';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['pass.yaml', 'pass.helm.yaml'],
  invalid: [
    {
      file: 'fail.yaml',
      errors: [
        { line: 16, column: 27, endColumn: 34, message: 'Deployment "windows-web" has nodeSelector kubernetes.io/os: windows; EKS Fargate runs Linux pods only, not Windows.' },
        { line: 17, column: 43, endColumn: 55, message: 'node.kubernetes.io/windows-build: 10.0.20348; that label exists only on Windows nodes' },
        { line: 35, column: 29, endColumn: 34, message: 'Deployment "thumbnailer" has nodeSelector kubernetes.io/arch: arm64; EKS Fargate runs on amd64 (x86_64) only, not Arm' },
        { line: 50, column: 34, endColumn: 41, message: 'Job "reindex" has nodeSelector beta.kubernetes.io/arch: arm64' },
        { line: 69, column: 41, endColumn: 44, message: 'StatefulSet "kafka" has nodeSelector eks.amazonaws.com/compute-type: ec2; it asks for EC2 nodes, not Fargate.' },
        // Both terms exclude Fargate, so each is reported.
        { line: 91, column: 26, endColumn: 56, message: 'requires node affinity "eks.amazonaws.com/compute-type NotIn [fargate]"; it keeps the pod off Fargate nodes' },
        { line: 96, column: 26, endColumn: 42, message: 'requires node affinity "kubernetes.io/os In [windows]"; EKS Fargate runs Linux pods only' },
      ],
      output: false,
      suggestionOutputs: { 2: 'fail.arch-suggested.yaml', 3: 'fail.beta-suggested.yaml' },
    },
  ],
});
