import { fargateSizeFor, parseEcsCpu, parseEcsMemory } from '../knowledge';
import { replaceJsonValue } from '../fix/json-edits';
import { targetsFargate, taskOs } from './ecs-helpers';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'ecs-fargate-task-size',
    title: 'Task cpu/memory must be a valid Fargate size',
    description: 'Checks the task-level cpu and memory of an ECS task definition against the Fargate size grid for its OS.',
    remediation: 'Use a valid pair. The quick fix picks the smallest valid size that shrinks neither cpu nor memory.',
    formats: ['ecs-task-definition'],
    platforms: ['ecs-fargate'],
    effect: 'needs-change',
    defaultSeverity: 'warning',
    sources: ['Amazon ECS Developer Guide: Fargate task CPU and memory (AWS_Fargate.md; task-cpu-memory-error.html)'],
    messages: {
      invalidPair: 'cpu {{cpu}} with memory {{memory}} MiB is not a valid Fargate {{os}} size; the nearest that shrinks neither is {{nearest}}.',
      tooLarge: 'cpu {{cpu}} with memory {{memory}} MiB is larger than any Fargate {{os}} size.',
      missing: 'Fargate needs task-level cpu and memory; this task definition sets {{missing}}.',
    },
    scope: 'document',
  },
  check(ctx) {
    for (const w of ctx.workloads()) {
      const task = w.node;
      const cpuNode = task.get('cpu');
      const memNode = task.get('memory');
      const fargate = targetsFargate(task);
      const severity = fargate ? 'error' : 'info';
      if (!cpuNode || !memNode) {
        // Only a Fargate task definition must have them; for others this is advice for a move.
        if (fargate) ctx.report({ node: cpuNode ?? memNode ?? w.anchor, messageId: 'missing', data: { missing: !cpuNode && !memNode ? 'neither' : !cpuNode ? 'no cpu' : 'no memory' }, workload: w, severity });
        continue;
      }
      const units = parseEcsCpu(cpuNode.value);
      const mib = parseEcsMemory(memNode.value);
      if (units === undefined || mib === undefined) continue;
      const os = taskOs(task);
      const check = fargateSizeFor(units / 1024, mib, { platform: 'ecs', os });
      if (check.valid) continue;
      const data = { cpu: String(cpuNode.value), memory: mib, os: os === 'WINDOWS' ? 'Windows' : 'Linux', nearest: check.nearest ? `cpu ${check.nearest.cpu} / memory ${check.nearest.memoryMiB}` : '' };
      if (!check.nearest) {
        ctx.report({ node: cpuNode, messageId: 'tooLarge', data, workload: w, severity, effect: 'blocks' });
        continue;
      }
      const edits = [];
      if (check.nearest.cpu !== units) edits.push(replaceJsonValue(cpuNode, cpuNode.quoted ? String(check.nearest.cpu) : check.nearest.cpu));
      if (check.nearest.memoryMiB !== mib) edits.push(replaceJsonValue(memNode, memNode.quoted ? String(check.nearest.memoryMiB) : check.nearest.memoryMiB));
      ctx.report({
        node: cpuNode,
        messageId: 'invalidPair',
        data,
        workload: w,
        severity,
        related: [{ file: w.file, node: memNode, message: 'task-level memory' }],
        fix: { title: `Use cpu ${check.nearest.cpu} / memory ${check.nearest.memoryMiB}`, edits },
      });
    }
  },
});
