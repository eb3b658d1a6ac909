import rule from '../../../src/engine/rules/ecs-fargate-requires-compatibilities';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  // pass.describe.json has no requiresCompatibilities, but ECS's own compatibilities say FARGATE.
  valid: ['pass.json', 'pass.describe.json'],
  invalid: [
    { file: 'fail.json', errors: [{ line: 3, column: 3, endColumn: 28, message: 'lists EC2 but not "FARGATE"' }] },
    // YAML: a `- "FARGATE"` item under the last one, the comment kept.
    { file: 'fail.task.yaml', errors: [{ line: 5, column: 1, endColumn: 24, message: 'lists EC2 but not "FARGATE"' }] },
    { file: 'fail.describe.json', errors: [{ line: 4, column: 15, endColumn: 23, message: 'No requiresCompatibilities' }] },
    { file: 'fail.external.json', errors: [{ line: 3, column: 3, message: 'ECS Anywhere' }] },
    {
      file: 'fail.values.json',
      errors: [
        { line: 3, column: 31, endColumn: 40, message: '"fargate" is not a launch type' },
        { line: 3, column: 42, endColumn: 56, message: '"FARGATE_SPOT" is a capacity provider' },
      ],
    },
    { file: 'fail.string.json', errors: [{ line: 3, column: 30, endColumn: 39, message: 'must be a list' }] },
  ],
});
