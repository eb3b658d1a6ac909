import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/engine';
import rule from '../../../src/engine/rules/compose-port-mapping';
import { FIXTURES, TODAY, ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['pass.yaml'],
  invalid: [
    {
      file: 'fail.yaml',
      errors: [
        { line: 5, column: 9, endColumn: 18, message: 'publishes container port 80 on host port 8080' },
        { line: 6, column: 9, endColumn: 31, message: 'container port 443 on host port 9443' },
        { line: 11, column: 20, endColumn: 26, message: 'container port 3000 on host port 8000' },
      ],
    },
  ],
});

describe('rule compose-port-mapping: effect', () => {
  it('is advice, so a different published port does not keep a service off Fargate', () => {
    const text = fs.readFileSync(path.join(FIXTURES, rule.meta.id, 'fail.yaml'), 'utf8');
    const result = analyze([{ path: 'docker-compose.yml', text }], { today: TODAY, rules: [rule] });
    assert.ok(result.findings.every((f) => f.effect === 'advice' && f.severity === 'info'));
    assert.ok(result.workloads.every((w) => w.fit['ecs-fargate'].status === 'fits'));
  });
});
