import rule from '../../../src/engine/rules/eks-fargate-daemonset';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['pass.yaml', 'pass.helm.yaml'],
  invalid: [
    {
      file: 'fail.yaml',
      errors: [
        { line: 9, column: 7, endLine: 9, endColumn: 16, message: 'DaemonSet "node-problem-detector"' },
        { line: 30, column: 11, endColumn: 20, message: 'DaemonSet "kube-proxy-like"' },
      ],
    },
  ],
});
