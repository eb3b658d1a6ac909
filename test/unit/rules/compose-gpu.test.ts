import rule from '../../../src/engine/rules/compose-gpu';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['pass.yaml'],
  invalid: [
    {
      file: 'fail.yaml',
      errors: [
        { line: 8, column: 15, endColumn: 29, message: 'Service "trainer" reserves a GPU' },
        { line: 13, column: 11, endColumn: 14, message: 'gpus: all' },
        { line: 16, column: 14, endColumn: 20, message: 'nvidia runtime' },
      ],
    },
  ],
});
