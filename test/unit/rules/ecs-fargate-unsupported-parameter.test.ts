import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/engine';
import rule from '../../../src/engine/rules/ecs-fargate-unsupported-parameter';
import { FIXTURES, TODAY, ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['pass.json'],
  invalid: [
    {
      file: 'fail.json',
      errors: [
        { line: 5, column: 14, endColumn: 20, message: 'ipcMode "host"' },
        { line: 6, column: 14, endColumn: 20, message: 'pidMode "host"' },
        { line: 9, column: 3, endColumn: 25, message: 'placementConstraints' },
        { line: 10, column: 3, endColumn: 26, message: 'inferenceAccelerators' },
        { line: 15, column: 21, endColumn: 25, message: 'Container "trainer" is privileged' },
        { line: 16, column: 42, endColumn: 47, message: 'reserves GPUs' },
        { line: 18, column: 9, endColumn: 18, message: 'linuxParameters.devices' },
        { line: 19, column: 20, endColumn: 21, message: 'maxSwap' },
        { line: 20, column: 23, endColumn: 25, message: 'swappiness' },
        { line: 21, column: 29, endColumn: 33, message: 'sharedMemorySize' },
        { line: 22, column: 9, endColumn: 16, message: 'tmpfs' },
        { line: 24, column: 7, endColumn: 23, message: 'platform version 1.4.0 or later' },
        { line: 29, column: 7, message: 'dockerSecurityOptions' },
        { line: 30, column: 7, message: 'extraHosts' },
        { line: 31, column: 7, message: 'dnsServers' },
        { line: 32, column: 7, message: 'dnsSearchDomains' },
        { line: 33, column: 28, endColumn: 32, message: 'disableNetworking' },
      ],
      // Removing the last property of an object takes the comma before it.
      suggestionOutputs: { 16: 'fail.remove-last.suggested.json' },
    },
    {
      // describe-task-definition output of an EC2 task: the same parameters, for a move.
      file: 'fail.describe.json',
      errors: [
        { line: 7, column: 16, endColumn: 22, message: 'ipcMode "task"' },
        { line: 13, column: 9, endColumn: 16, message: 'uses links' },
        { line: 14, column: 44, endColumn: 66, message: 'Elastic Inference' },
      ],
      suggestionOutputs: { 1: 'fail.describe.suggested.json' },
    },
    { file: 'fail.windows.json', errors: [{ line: 12, column: 7, message: 'Windows containers do not support' }], suggestionOutputs: { 0: 'fail.windows.suggested.json' } },
  ],
});

describe('rule ecs-fargate-unsupported-parameter: severity and platforms', () => {
  const run = (file: string) => {
    const dir = path.join(FIXTURES, rule.meta.id);
    return analyze([{ path: file, text: fs.readFileSync(path.join(dir, file), 'utf8') }], { today: TODAY, rules: [rule] }).findings;
  };
  it('is an error where the task declares FARGATE, and info for a move', () => {
    const fargate = run('fail.json');
    assert.ok(fargate.filter((f) => f.effect !== 'advice').every((f) => f.severity === 'error'));
    assert.equal(fargate.find((f) => f.message.includes('systemControls'))?.severity, 'info', 'advice stays info');
    assert.ok(run('fail.describe.json').every((f) => f.severity === 'info'));
  });
  it('blocks EKS on Fargate too for privileged containers and GPUs', () => {
    const f = run('fail.json');
    assert.deepEqual(f.find((x) => x.message.includes('privileged'))?.platforms, ['ecs-fargate', 'eks-fargate']);
    assert.deepEqual(f.find((x) => x.message.includes('GPUs'))?.platforms, ['ecs-fargate', 'eks-fargate']);
    assert.deepEqual(f.find((x) => x.message.includes('pidMode'))?.platforms, ['ecs-fargate']);
  });
});
