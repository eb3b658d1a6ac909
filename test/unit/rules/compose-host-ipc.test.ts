import rule from '../../../src/engine/rules/compose-host-ipc';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['pass.yaml'],
  invalid: [
    {
      file: 'fail.yaml',
      errors: [
        { line: 4, column: 10, endColumn: 14, message: 'Service "db" uses ipc: host' },
        { line: 7, column: 10, endColumn: 19, message: 'ipc: shareable' },
        { line: 10, column: 10, endColumn: 28, message: 'ipc: service:producer' },
      ],
    },
  ],
});
