import rule from '../../../src/engine/rules/eks-fargate-pod-too-large';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['pass.yaml', 'pass.helm.yaml'],
  invalid: [
    {
      file: 'fail.yaml',
      errors: [
        // 120 GiB + 256 MiB is just past the 120 GB maximum: underlined at the memory request.
        { line: 22, column: 23, endColumn: 28, message: 'StatefulSet "analytics-db" requests 8 vCPU and 120.25 GiB of memory, including the 256 MiB Fargate adds to every pod; the largest Fargate size is 16vCPU 120GB' },
        // CPU is what does not fit: underlined at the biggest CPU request.
        { line: 43, column: 29, endColumn: 33, message: 'Deployment "transcoder" requests 18 vCPU' },
        { line: 65, column: 20, endColumn: 24, message: 'Job "spark-driver" requests 32 vCPU and 64.25 GiB' },
        { line: 79, column: 19, endColumn: 23, message: 'Pod "genome-index" requests no CPU and 121.32 GiB of memory' },
        // The native sidecar adds to the app's 12 vCPU instead of counting as an init container.
        { line: 103, column: 29, endColumn: 33, message: 'Deployment "mesh-heavy" requests 18 vCPU and 26.25 GiB' },
      ],
      output: false,
    },
  ],
});
