import rule from '../../../src/engine/rules/compose-privileged';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['pass.yaml'],
  invalid: [
    {
      file: 'fail.yaml',
      errors: [
        { line: 4, column: 17, endColumn: 21, message: 'Service "dind" is privileged' },
        { line: 7, column: 17, endColumn: 21, message: 'Service "exporter" is privileged' },
      ],
    },
  ],
});
