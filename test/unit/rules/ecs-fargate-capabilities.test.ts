import rule from '../../../src/engine/rules/ecs-fargate-capabilities';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['pass.json'],
  invalid: [
    {
      file: 'fail.json',
      errors: [
        { line: 15, column: 13, endColumn: 24, message: 'adds capability NET_ADMIN' },
        { line: 16, column: 13, endColumn: 25, message: 'adds capability SYS_MODULE' },
      ],
      suggestionOutputs: { 0: 'fail.suggested.json' },
    },
    { file: 'fail.describe.json', errors: [{ line: 6, column: 120, endColumn: 125, message: 'adds capability ALL' }], suggestionOutputs: { 0: 'fail.describe.suggested.json' } },
  ],
});
