import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/engine';
import rule from '../../../src/engine/rules/ecs-fargate-runtime-platform';
import { FIXTURES, TODAY, ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['pass.json', 'pass.no-arch.json'],
  invalid: [
    {
      file: 'fail.json',
      errors: [
        { line: 8, column: 30, endColumn: 56, message: 'cannot move to EKS on Fargate' },
        { line: 9, column: 24, endColumn: 31, message: 'Windows tasks run on X86_64 only' },
      ],
    },
    {
      file: 'fail.values.json',
      errors: [
        { line: 7, column: 49, endColumn: 56, message: 'operatingSystemFamily "linux" is not one Fargate runs' },
        { line: 7, column: 77, endColumn: 84, message: 'cpuArchitecture "arm64"' },
        { line: 7, column: 77, endColumn: 84, message: 'EKS on Fargate runs x86_64 pods only' },
      ],
    },
    {
      file: 'fail.describe.json',
      errors: [
        { line: 8, column: 51, endColumn: 77, message: 'WINDOWS_SERVER_2025_CORE is in the ECS API' },
        { line: 8, column: 51, endColumn: 77, message: 'cannot move to EKS on Fargate' },
      ],
    },
    // Windows Server 2016 is not a Fargate family, and no spelling fix makes it one.
    {
      file: 'fail.2016.json',
      errors: [
        { line: 4, column: 49, message: '"WINDOWS_SERVER_2016_FULL" is not one Fargate runs' },
        { line: 4, column: 49, message: 'cannot move to EKS on Fargate' },
      ],
      output: false,
    },
  ],
});

describe('rule ecs-fargate-runtime-platform: effects', () => {
  const run = (file: string) => analyze([{ path: file, text: fs.readFileSync(path.join(FIXTURES, rule.meta.id, file), 'utf8') }], { today: TODAY, rules: [rule] }).findings;
  it('treats Windows Server 2025 as advice, and Windows as a blocker for EKS on Fargate only', () => {
    const [advice, eks] = run('fail.describe.json');
    assert.equal(advice.effect, 'advice');
    assert.equal(advice.severity, 'info');
    assert.equal(eks.effect, 'blocks');
    assert.deepEqual(eks.platforms, ['eks-fargate']);
  });
});
