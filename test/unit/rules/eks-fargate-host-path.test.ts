import rule from '../../../src/engine/rules/eks-fargate-host-path';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['pass.yaml', 'pass.helm.yaml'],
  invalid: [
    {
      file: 'fail.yaml',
      errors: [
        { line: 33, column: 11, endColumn: 19, message: 'Volume "varlog" of DaemonSet "fluent-bit" mounts the node path "/var/log"' },
        { line: 36, column: 11, endColumn: 19, message: 'Volume "containers" of DaemonSet "fluent-bit" mounts the node path "/var/lib/docker/containers"' },
        { line: 59, column: 11, endColumn: 19, message: 'Volume "runtime-sock" of Deployment "build-agent"' },
      ],
      output: false,
    },
  ],
});
