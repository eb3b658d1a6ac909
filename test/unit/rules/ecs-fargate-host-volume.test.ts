import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/engine';
import rule from '../../../src/engine/rules/ecs-fargate-host-volume';
import { FIXTURES, TODAY, ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['pass.json'],
  invalid: [
    {
      file: 'fail.json',
      errors: [
        { line: 8, column: 49, endColumn: 71, message: 'mounts /var/run/docker.sock from the host' },
        { line: 11, column: 7, endColumn: 34, message: 'dockerVolumeConfiguration (scope shared)' },
        { line: 13, column: 52, endColumn: 68, message: 'bind-mounts host path /mnt/workspace' },
      ],
      // Dropping "host" from an inline volume leaves a task-scoped bind mount.
      suggestionOutputs: { 2: 'fail.suggested.json' },
    },
    // Tab-indented describe output of an EC2 task: the suggestion keeps the tabs.
    { file: 'fail.describe.json', errors: [{ line: 9, column: 20, endColumn: 34, message: 'bind-mounts host path /srv/applogs' }], suggestionOutputs: { 0: 'fail.describe.suggested.json' } },
  ],
});

describe('rule ecs-fargate-host-volume: effects', () => {
  it('blocks for the Docker socket, needs a change for data paths, and points at the mounts', () => {
    const text = fs.readFileSync(path.join(FIXTURES, rule.meta.id, 'fail.json'), 'utf8');
    const found = analyze([{ path: 'fail.json', text }], { today: TODAY, rules: [rule] }).findings;
    assert.deepEqual(found.map((f) => f.effect), ['blocks', 'needs-change', 'needs-change']);
    assert.deepEqual(found.map((f) => f.related?.[0]?.message), ['mounted by container "runner" at /var/run/docker.sock', 'mounted by container "runner" at /cache', 'mounted by container "runner" at /workspace']);
  });
});
