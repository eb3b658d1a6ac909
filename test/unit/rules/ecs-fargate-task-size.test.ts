import rule from '../../../src/engine/rules/ecs-fargate-task-size';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['pass.json'],
  invalid: [{ file: 'fail.json', errors: [{ line: 6, column: 10, endColumn: 15, message: 'nearest that shrinks neither is cpu 512 / memory 1024' }] }],
});
