import rule from '../../../src/engine/rules/eks-fargate-host-pid-ipc';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['pass.yaml', 'pass.helm.yaml'],
  invalid: [
    {
      file: 'fail.yaml',
      errors: [
        { line: 16, column: 16, endColumn: 20, message: 'DaemonSet "node-exporter" sets hostPID' },
        { line: 33, column: 12, endColumn: 16, message: 'Pod "shm-solver" sets hostIPC' },
        { line: 34, column: 12, endColumn: 16, message: 'Pod "shm-solver" sets hostPID' },
        // Flow style: reported, but no line-deleting suggestion.
        { line: 48, column: 25, endColumn: 29, message: 'CronJob "flame-graphs" sets hostPID' },
      ],
      suggestionOutputs: { 0: 'fail.suggested.yaml', 1: 'fail.ipc-suggested.yaml' },
    },
  ],
});
