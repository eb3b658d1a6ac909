import rule from '../../../src/engine/rules/ecs-fargate-windows';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  // pass.linux.json has port 3150, ulimits, FireLens and EFS: all fine on Linux.
  valid: ['pass.json', 'pass.linux.json'],
  invalid: [
    {
      file: 'fail.json',
      errors: [
        { line: 9, column: 26, endColumn: 50, message: 'Volume "content" is an EFS volume' },
        { line: 12, column: 7, endColumn: 48, message: 'FSx for Windows File Server' },
        { line: 23, column: 43, endColumn: 47, message: 'port 3150' },
        { line: 24, column: 7, endColumn: 16, message: 'sets ulimits' },
        { line: 26, column: 74, endColumn: 97, message: 'FireLens' },
      ],
    },
    { file: 'fail.describe.json', errors: [{ line: 11, column: 9, endColumn: 18, message: 'sets ulimits' }], suggestionOutputs: { 0: 'fail.describe.suggested.json' } },
  ],
});
