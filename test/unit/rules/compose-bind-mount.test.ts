import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/engine';
import rule from '../../../src/engine/rules/compose-bind-mount';
import { FIXTURES, TODAY, ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['pass.yaml'],
  invalid: [
    {
      file: 'fail.yaml',
      errors: [
        { line: 5, column: 9, endColumn: 49, message: 'bind-mounts host path ./data/postgres' },
        { line: 6, column: 9, endColumn: 31, message: 'keeps data in volume "pgconf"' },
        { line: 10, column: 9, endColumn: 53, message: 'mounts /var/run/docker.sock from the host' },
        { line: 12, column: 17, endColumn: 28, message: 'bind-mounts host path /srv/config' },
        { line: 18, column: 9, endColumn: 28, message: 'bind-mounts host path C:\\data' },
      ],
    },
  ],
});

describe('rule compose-bind-mount: effects', () => {
  it('blocks for host internals, needs EFS for data, and only advises on named volumes', () => {
    const text = fs.readFileSync(path.join(FIXTURES, rule.meta.id, 'fail.yaml'), 'utf8');
    const found = analyze([{ path: 'docker-compose.yml', text }], { today: TODAY, rules: [rule] }).findings;
    assert.deepEqual(found.map((f) => f.effect), ['needs-change', 'advice', 'blocks', 'needs-change', 'needs-change']);
  });
});
