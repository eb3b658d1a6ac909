import { str } from '../source/source-node';
import { fargateSeverity, isSet, removeJsonMember, taskOs, WINDOWS_RESERVED_PORT } from '../rule-helpers/ecs-helpers';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'ecs-fargate-windows',
    title: 'Features Windows tasks on Fargate do not have',
    description: 'For Windows task definitions, flags what Fargate does not offer Windows containers: container port 3150 (reserved), ulimits, FireLens, EFS volumes and FSx for Windows File Server volumes.',
    remediation: 'Move the container off port 3150, drop ulimits, log with awslogs instead of FireLens, and keep shared data out of EFS/FSx volumes; or run the task on ECS with Windows EC2 capacity.',
    formats: ['ecs-task-definition'],
    platforms: ['ecs-fargate'],
    effect: 'needs-change',
    defaultSeverity: 'warning',
    sources: [
      'Amazon ECS Developer Guide: AWS_Fargate.md @49232cf2, "Windows containers on AWS Fargate considerations"',
      'Amazon ECS Developer Guide: task_definition_parameters.md "portMappings" (Windows: containerPort 3150 is reserved)',
    ],
    messages: {
      reservedPort: 'Container "{{container}}" uses port 3150, which Fargate reserves in Windows tasks.',
      ulimits: 'Container "{{container}}" sets ulimits, which Windows containers on Fargate do not support.',
      firelens: 'Container "{{container}}" is a FireLens log router, which Windows tasks on Fargate do not support; send logs with the awslogs driver instead.',
      efs: 'Volume "{{volume}}" is an EFS volume, which Windows tasks on Fargate cannot mount.',
      fsx: 'Volume "{{volume}}" is an FSx for Windows File Server volume, which Windows tasks on Fargate cannot mount.',
    },
    scope: 'document',
  },
  check(ctx) {
    const text = ctx.text();
    for (const w of ctx.workloads()) {
      const task = w.node;
      if (taskOs(task) !== 'WINDOWS') continue;
      const severity = fargateSeverity(task);
      for (const c of w.containers) {
        const data = { container: c.name };
        for (const p of c.ports) {
          if (p.containerPort === WINDOWS_RESERVED_PORT) ctx.report({ node: p.node.get('containerPort') ?? p.node, messageId: 'reservedPort', data, workload: w, severity });
        }
        const ulimits = c.node.get('ulimits');
        if (isSet(ulimits)) ctx.report({ node: ulimits, messageId: 'ulimits', data, workload: w, severity, suggest: [{ title: 'Remove "ulimits"', edits: removeJsonMember(text, ulimits) }] });
        const firelens = c.node.get('firelensConfiguration');
        if (isSet(firelens)) ctx.report({ node: firelens, messageId: 'firelens', data, workload: w, severity });
      }
      for (const v of task.get('volumes')?.items() ?? []) {
        const data = { volume: str(v.get('name')) ?? '(unnamed)' };
        const efs = v.get('efsVolumeConfiguration');
        if (efs) ctx.report({ node: efs, messageId: 'efs', data, workload: w, effect: 'blocks', severity: fargateSeverity(task, 'blocks') });
        const fsx = v.get('fsxWindowsFileServerVolumeConfiguration');
        if (fsx) ctx.report({ node: fsx, messageId: 'fsx', data, workload: w, effect: 'blocks', severity: fargateSeverity(task, 'blocks') });
      }
    }
  },
});
