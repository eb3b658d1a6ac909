import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/engine';
import rule from '../../../src/engine/rules/ecs-fargate-host-port';
import { TODAY, ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['pass.json'],
  invalid: [
    // The fix sets hostPort to the container port; removing it is the suggestion.
    { file: 'fail.json', errors: [{ line: 14, column: 23, endColumn: 27, message: 'maps host port 8080 to container port 80' }], suggestionOutputs: { 0: 'fail.suggested.json' } },
    // YAML: the hostPort line goes, its neighbours stay.
    { file: 'fail.task.yaml', errors: [{ line: 9, column: 19, endColumn: 20, message: 'sets hostPort 0' }] },
    {
      // A bridge task's dynamic port (0) is removed; a fixed one is set equal.
      file: 'fail.describe.json',
      errors: [
        { line: 11, column: 63, endColumn: 64, message: 'sets hostPort 0' },
        { line: 11, column: 123, endColumn: 127, message: 'maps host port 8443 to container port 443' },
      ],
    },
  ],
});

describe('rule ecs-fargate-host-port: severity', () => {
  const severities = (task: object) =>
    analyze([{ path: 'task.json', text: JSON.stringify(task, null, 2) }], { today: TODAY, rules: [rule] }).findings.map((f) => f.severity);
  const container = (hostPort: number) => ({ name: 'web', image: 'nginx', portMappings: [{ containerPort: 80, hostPort }] });
  it('is an error where AWS rejects it: FARGATE declared, or awsvpc/host mode on EC2', () => {
    assert.deepEqual(severities({ family: 'a', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', containerDefinitions: [container(8080)] }), ['error']);
    assert.deepEqual(severities({ family: 'b', requiresCompatibilities: ['EC2'], networkMode: 'awsvpc', containerDefinitions: [container(8080)] }), ['error']);
    assert.deepEqual(severities({ family: 'c', requiresCompatibilities: ['EC2'], networkMode: 'host', containerDefinitions: [container(8080)] }), ['error']);
  });
  it('is info on a bridge task, where it only matters for a move', () => {
    assert.deepEqual(severities({ family: 'd', requiresCompatibilities: ['EC2'], networkMode: 'bridge', containerDefinitions: [container(8080)] }), ['info']);
  });
  it('is a warning, not an error, for hostPort 0 on Fargate, which ECS is known to accept', () => {
    assert.deepEqual(severities({ family: 'e', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', containerDefinitions: [container(0)] }), ['warning']);
  });
});
