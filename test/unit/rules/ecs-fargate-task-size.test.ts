import rule from '../../../src/engine/rules/ecs-fargate-task-size';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['pass.json', 'pass.windows.json'],
  invalid: [
    { file: 'fail.json', errors: [{ line: 6, column: 10, endColumn: 15, message: 'nearest that shrinks neither is cpu 512 / memory 1024' }] },
    // Windows below 1 vCPU, in the console's '0.5 vCPU' / '1 GB' spellings, which the fix keeps.
    { file: 'fail.windows.json', errors: [{ line: 7, column: 12, endColumn: 22, message: 'Windows tasks on Fargate need at least 1 vCPU' }] },
    { file: 'fail.windows-large.json', errors: [{ line: 6, column: 10, endColumn: 14, message: 'Windows tasks take 1, 2 or 4 vCPU, with at most 30720 MiB' }], output: false },
    // An EC2 task sized per container: the fix adds the smallest Fargate size that holds them.
    { file: 'fail.missing.json', errors: [{ line: 2, column: 13, endColumn: 22, message: 'this task definition sets neither' }] },
    // No container says how much memory it needs: only a suggestion.
    { file: 'fail.missing-fargate.json', errors: [{ line: 2, column: 13, message: 'sets neither' }], output: false, suggestionOutputs: { 0: 'fail.missing-fargate.suggested.json' } },
  ],
});
