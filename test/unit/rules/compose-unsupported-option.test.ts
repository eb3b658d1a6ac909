import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/engine';
import rule from '../../../src/engine/rules/compose-unsupported-option';
import { FIXTURES, TODAY, ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['pass.yaml'],
  invalid: [
    {
      file: 'fail.yaml',
      errors: [
        { line: 4, column: 5, endColumn: 10, message: 'Service "web" uses links' },
        { line: 6, column: 5, endColumn: 16, message: 'extra_hosts' },
        // An alias ("cache:redis") would stop resolving, so no suggestion to remove it.
        { line: 10, column: 5, endColumn: 10, message: 'Service "worker" uses links' },
        { line: 13, column: 10, endColumn: 18, message: 'dns servers' },
        { line: 14, column: 17, endColumn: 33, message: 'dns_search' },
        { line: 15, column: 5, endColumn: 17, message: 'sets security_opt' },
        { line: 17, column: 5, endColumn: 12, message: 'sysctls' },
        { line: 19, column: 12, endColumn: 16, message: 'tmpfs' },
        { line: 20, column: 20, endColumn: 22, message: 'memswap_limit' },
        { line: 21, column: 21, endColumn: 22, message: 'mem_swappiness' },
        { line: 24, column: 15, endColumn: 18, message: 'shm_size' },
        { line: 25, column: 5, endColumn: 17, message: 'relaxes its confinement (seccomp=unconfined)' },
      ],
      suggestionOutputs: { 0: 'fail.suggested.yaml' },
    },
  ],
});

describe('rule compose-unsupported-option: effects', () => {
  it('only options a service cannot simply drop keep it off Fargate', () => {
    const text = fs.readFileSync(path.join(FIXTURES, rule.meta.id, 'fail.yaml'), 'utf8');
    const result = analyze([{ path: 'docker-compose.yml', text }], { today: TODAY, rules: [rule] });
    const status = Object.fromEntries(result.workloads.map((w) => [w.name, w.fit['ecs-fargate'].status]));
    assert.deepEqual(status, { web: 'needs-changes', worker: 'fits', api: 'fits', browser: 'needs-changes', cache: 'fits' });
    assert.equal(result.findings.filter((f) => f.suggestions?.length).length, 1);
  });
});
