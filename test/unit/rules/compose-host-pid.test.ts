import rule from '../../../src/engine/rules/compose-host-pid';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  // pid: "service:app" shares a PID namespace with one container, which ECS does with pidMode "task".
  valid: ['pass.yaml'],
  invalid: [{ file: 'fail.yaml', errors: [{ line: 4, column: 10, endColumn: 14, message: 'Service "node-exporter" uses pid: host' }] }],
});
