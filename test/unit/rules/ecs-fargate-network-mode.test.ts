import rule from '../../../src/engine/rules/ecs-fargate-network-mode';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['pass.json'],
  invalid: [
    { file: 'fail.json', errors: [{ line: 5, column: 18, endColumn: 26, message: 'networkMode "bridge" is not supported on Fargate' }] },
    // describe-task-definition output, tab-indented, with no networkMode: the fix keeps the tabs.
    // A task definition written as YAML gets a YAML line, not a JSON property.
    { file: 'fail.task.yaml', errors: [{ line: 2, column: 9, endColumn: 12, message: 'No networkMode' }] },
    { file: 'fail.describe.json', errors: [{ line: 4, column: 13, endColumn: 21, message: 'No networkMode' }] },
  ],
});
