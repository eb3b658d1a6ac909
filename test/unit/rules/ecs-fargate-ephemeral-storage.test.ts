import rule from '../../../src/engine/rules/ecs-fargate-ephemeral-storage';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['pass.json', 'pass.min.json'],
  invalid: [
    // Below 21 GiB: removing ephemeralStorage gives the 20 GiB default, at least what was asked.
    { file: 'fail.json', errors: [{ line: 8, column: 18, endColumn: 20, message: 'below the 21 GiB minimum' }] },
    { file: 'fail.large.json', errors: [{ line: 8, column: 38, endColumn: 41, message: 'above the Fargate maximum of 200 GiB' }], suggestionOutputs: { 0: 'fail.large.suggested.json' } },
    { file: 'fail.fraction.json', errors: [{ line: 7, column: 38, endColumn: 42, message: 'whole number of GiB from 21 to 200' }] },
    // Windows: the stricter reading of conflicting docs (not configurable, 20 GiB).
    { file: 'fail.windows.json', errors: [{ line: 8, column: 38, endColumn: 40, message: 'cannot be configured' }] },
    { file: 'fail.windows-large.json', errors: [{ line: 9, column: 40, endColumn: 43, message: 'asks for 100 GiB' }] },
  ],
});
