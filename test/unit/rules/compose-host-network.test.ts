import rule from '../../../src/engine/rules/compose-host-network';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['pass.yaml'],
  invalid: [
    {
      file: 'fail.yaml',
      errors: [
        { line: 4, column: 19, endColumn: 23, message: 'Service "node-exporter" uses network_mode: host' },
        { line: 7, column: 19, endColumn: 25, message: 'Service "proxy" uses network_mode: host' },
      ],
    },
  ],
});
