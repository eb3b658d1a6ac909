import { fargateEphemeralStorage } from '../knowledge';
import { EPHEMERAL_STORAGE } from '../knowledge/fargate-sizes';
import { num } from '../source/source-node';
import { replaceJsonValue } from '../fix/json-edits';
import { fargateSeverity, removeJsonMember, targetsFargate, taskOs } from '../rule-helpers/ecs-helpers';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'ecs-fargate-ephemeral-storage',
    title: 'Fargate ephemeral storage must be 21-200 GiB (Linux)',
    description: 'Checks ephemeralStorage.sizeInGiB against what Fargate offers: 21-200 GiB for Linux tasks (20 GiB when unset); for Windows tasks the current docs say the size cannot be configured, so the 20 GiB default is all Offload counts on.',
    remediation: 'Remove ephemeralStorage to get the 20 GiB default, or use a size from 21 to 200 GiB. Data beyond that belongs on an EFS volume.',
    formats: ['ecs-task-definition'],
    platforms: ['ecs-fargate'],
    effect: 'needs-change',
    defaultSeverity: 'warning',
    sources: [
      'Amazon ECS API Reference: EphemeralStorage (sizeInGiB 21-200)',
      'Amazon ECS Developer Guide: fargate-task-storage.md @49232cf2 (Linux platform 1.4.0+: 20 GiB default, up to 200 GiB; Windows: 20 GiB default, up to 200 GiB)',
      'Amazon ECS Developer Guide: fargate-task-storage.html and AWS_Fargate.md (configurable ephemeral storage is not supported for Windows containers)',
    ],
    messages: {
      belowMinimum: 'ephemeralStorage.sizeInGiB {{size}} is below the {{min}} GiB minimum; without ephemeralStorage a Fargate task gets {{default}} GiB.',
      aboveMaximum: 'ephemeralStorage.sizeInGiB {{size}} is above the Fargate maximum of {{max}} GiB; keep the rest of the data on an EFS volume.',
      notInteger: 'ephemeralStorage.sizeInGiB must be a whole number of GiB from {{min}} to {{max}}; "{{size}}" is not.',
      windows: 'Windows tasks on Fargate get {{default}} GiB of ephemeral storage, and the current docs say it cannot be configured; ephemeralStorage {{size}} GiB adds nothing.',
      windowsAbove: 'This Windows task asks for {{size}} GiB of ephemeral storage; the current docs say Windows tasks on Fargate cannot configure it and get {{default}} GiB (a 2023 page allowed up to 200 GiB).',
    },
    scope: 'document',
  },
  check(ctx) {
    const text = ctx.text();
    for (const w of ctx.workloads()) {
      const task = w.node;
      const es = task.get('ephemeralStorage');
      const sizeNode = es?.get('sizeInGiB');
      if (!es || !sizeNode) continue;
      const os = taskOs(task);
      const limits = fargateEphemeralStorage('ecs', os);
      const min = EPHEMERAL_STORAGE.ecsLinuxPlatform1_4_0.min;
      const size = num(sizeNode);
      const data = { size: size ?? String(sizeNode.value), min, max: limits.maxGiB, default: limits.defaultGiB };
      const severity = fargateSeverity(task);
      const removeAll = { title: `Remove ephemeralStorage (the ${limits.defaultGiB} GiB default)`, edits: removeJsonMember(text, es) };
      if (!limits.configurable) {
        // The 2023 storage page allowed up to 200 GiB on Windows; the same guide and the
        // current page say it is not configurable. The stricter reading is taken: a size at
        // or below the default is harmless to drop, a larger one may not be there at all.
        if (size !== undefined && size <= limits.defaultGiB) {
          ctx.report({ node: sizeNode, messageId: 'windows', data, workload: w, severity: targetsFargate(task) ? 'warning' : 'info', fix: removeAll });
        } else {
          ctx.report({ node: sizeNode, messageId: 'windowsAbove', data, workload: w, effect: 'blocks', severity: targetsFargate(task) ? 'warning' : 'info' });
        }
        continue;
      }
      if (size === undefined || !Number.isInteger(size)) {
        ctx.report({ node: sizeNode, messageId: 'notInteger', data, workload: w, severity });
      } else if (size < min) {
        // Dropping it gives the default, which is at least what was asked for.
        ctx.report({ node: sizeNode, messageId: 'belowMinimum', data, workload: w, severity, fix: removeAll });
      } else if (size > limits.maxGiB) {
        ctx.report({
          node: sizeNode,
          messageId: 'aboveMaximum',
          data,
          workload: w,
          effect: 'blocks',
          severity: fargateSeverity(task, 'blocks'),
          suggest: [{ title: `Use ${limits.maxGiB} GiB and keep the rest on EFS`, edits: [replaceJsonValue(sizeNode, limits.maxGiB)] }],
        });
      }
    }
  },
});
