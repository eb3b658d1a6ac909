import { fargateSizeFor, parseEcsCpu, parseEcsMemory, validFargateCombos } from '../knowledge';
import type { SourceNode } from '../source/source-node';
import { replaceJsonValue } from '../fix/json-edits';
import type { OffsetEdit } from './define-rule';
import { insertJsonProperties, targetsFargate, taskOs } from '../rule-helpers/ecs-helpers';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'ecs-fargate-task-size',
    title: 'Task cpu/memory must be a valid Fargate size',
    description: 'Checks the task-level cpu and memory of an ECS task definition against the Fargate size grid for its OS (Windows: 1, 2 or 4 vCPU only).',
    remediation: 'Use a valid pair. The quick fix picks the smallest valid size that shrinks neither cpu nor memory.',
    formats: ['ecs-task-definition'],
    platforms: ['ecs-fargate'],
    effect: 'needs-change',
    defaultSeverity: 'warning',
    sources: [
      'Amazon ECS Developer Guide: Fargate task CPU and memory (AWS_Fargate.md; task-cpu-memory-error.html)',
      'Amazon ECS Developer Guide: task_definition_parameters.md "Task size"',
    ],
    messages: {
      invalidPair: 'cpu {{cpu}} with memory {{memory}} MiB is not a valid Fargate {{os}} size; the nearest that shrinks neither is {{nearest}}.',
      windowsMinimum: 'Windows tasks on Fargate need at least 1 vCPU (cpu 1024): cpu {{cpu}} with memory {{memory}} MiB is not a valid size; the nearest that shrinks neither is {{nearest}}.',
      tooLarge: 'cpu {{cpu}} with memory {{memory}} MiB is larger than any Fargate {{os}} size.',
      tooLargeWindows: 'cpu {{cpu}} with memory {{memory}} MiB is larger than any Fargate Windows size: Windows tasks take {{windowsCpus}} vCPU, with at most {{windowsMaxMemory}} MiB.',
      missing: 'Fargate needs task-level cpu and memory; this task definition sets {{missing}}.',
    },
    scope: 'document',
  },
  check(ctx) {
    const text = ctx.text();
    for (const w of ctx.workloads()) {
      const task = w.node;
      const cpuNode = task.get('cpu');
      const memNode = task.get('memory');
      const fargate = targetsFargate(task);
      const severity = fargate ? 'error' : 'info';
      const os = taskOs(task);
      if (!cpuNode || !memNode) {
        // Size the task from its containers: what they declare is what EC2 reserves today.
        const containers = task.get('containerDefinitions')?.items() ?? [];
        const sumCpu = containers.reduce((a, c) => a + (parseEcsCpu(c.get('cpu')?.value) ?? 0), 0);
        const memOf = (c: SourceNode) => Math.max(parseEcsMemory(c.get('memory')?.value) ?? 0, parseEcsMemory(c.get('memoryReservation')?.value) ?? 0);
        const basis = containers.length > 0 && containers.every((c) => memOf(c) > 0);
        const units = cpuNode ? parseEcsCpu(cpuNode.value) : sumCpu;
        const mib = memNode ? parseEcsMemory(memNode.value) : containers.reduce((a, c) => a + memOf(c), 0);
        const data = { missing: !cpuNode && !memNode ? 'neither' : !cpuNode ? 'no cpu' : 'no memory' };
        const node = cpuNode ?? memNode ?? w.anchor;
        const target = units === undefined || mib === undefined ? null : fargateSizeFor(units / 1024, mib, { platform: 'ecs', os }).nearest;
        if (!target) {
          ctx.report({ node, messageId: 'missing', data, workload: w, severity });
          continue;
        }
        const edits: OffsetEdit[] = [];
        const add: [string, string][] = [];
        if (!cpuNode) add.push(['cpu', JSON.stringify(String(target.cpu))]);
        else if (target.cpu !== units) edits.push(replaceJsonValue(cpuNode, cpuText(cpuNode, target.cpu)));
        if (!memNode) add.push(['memory', JSON.stringify(String(target.memoryMiB))]);
        else if (target.memoryMiB !== mib) edits.push(replaceJsonValue(memNode, memText(memNode, target.memoryMiB)));
        const inserted = add.length ? insertJsonProperties(text, task, add) : [];
        // No safe place for the missing keys: offer nothing rather than half a change.
        const complete = add.length === 0 || inserted.length > 0;
        edits.push(...inserted);
        const change = {
          title: basis
            ? `Add task-level cpu ${target.cpu} / memory ${target.memoryMiB} (the smallest Fargate size that holds the containers)`
            : `Add task-level cpu ${target.cpu} / memory ${target.memoryMiB} (check it: not every container declares its memory)`,
          edits,
        };
        ctx.report({ node, messageId: 'missing', data, workload: w, severity, ...(!complete ? {} : basis ? { fix: change } : { suggest: [change] }) });
        continue;
      }
      const units = parseEcsCpu(cpuNode.value);
      const mib = parseEcsMemory(memNode.value);
      if (units === undefined || mib === undefined) continue;
      const check = fargateSizeFor(units / 1024, mib, { platform: 'ecs', os });
      if (check.valid) continue;
      const windowsSizes = validFargateCombos('WINDOWS');
      const data = {
        cpu: String(cpuNode.value),
        memory: mib,
        os: os === 'WINDOWS' ? 'Windows' : 'Linux',
        nearest: check.nearest ? `cpu ${check.nearest.cpu} / memory ${check.nearest.memoryMiB}` : '',
        windowsCpus: listOr([...new Set(windowsSizes.map((s) => s.vcpu))]),
        windowsMaxMemory: Math.max(...windowsSizes.map((s) => s.memoryMiB)),
      };
      if (!check.nearest) {
        ctx.report({ node: cpuNode, messageId: os === 'WINDOWS' ? 'tooLargeWindows' : 'tooLarge', data, workload: w, severity, effect: 'blocks' });
        continue;
      }
      const edits = [];
      if (check.nearest.cpu !== units) edits.push(replaceJsonValue(cpuNode, cpuText(cpuNode, check.nearest.cpu)));
      if (check.nearest.memoryMiB !== mib) edits.push(replaceJsonValue(memNode, memText(memNode, check.nearest.memoryMiB)));
      ctx.report({
        node: cpuNode,
        messageId: os === 'WINDOWS' && units < 1024 ? 'windowsMinimum' : 'invalidPair',
        data,
        workload: w,
        severity,
        related: [{ file: w.file, node: memNode, message: 'task-level memory' }],
        fix: { title: `Use cpu ${check.nearest.cpu} / memory ${check.nearest.memoryMiB}`, edits },
      });
    }
  },
});

/** "1, 2 or 4". */
function listOr(values: number[]): string {
  return values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/**
 * The new value in the spelling the file uses: '1 vCPU' stays in vCPU, '2 GB' in GB,
 * '1024' as a string of units, 1024 as a number.
 */
function cpuText(node: SourceNode, units: number): string | number {
  const unit = spelledUnit(node, /^vcpus?$/i);
  if (unit) return unit.replace(/[\d.]+/, String(units / 1024));
  return node.quoted ? String(units) : units;
}

function memText(node: SourceNode, mib: number): string | number {
  const gb = spelledUnit(node, /^(gb|gib)$/i);
  if (gb) return gb.replace(/[\d.]+/, String(mib / 1024));
  const mb = spelledUnit(node, /^(mb|mib)$/i);
  if (mb) return mb.replace(/[\d.]+/, String(mib));
  return node.quoted ? String(mib) : mib;
}

/** The value as written when it carries a unit that matches, else undefined. */
function spelledUnit(node: SourceNode, unit: RegExp): string | undefined {
  if (typeof node.value !== 'string') return undefined;
  const m = /^\s*[\d.]+\s*([A-Za-z]+)\s*$/.exec(node.value);
  return m && unit.test(m[1]) ? node.value : undefined;
}
