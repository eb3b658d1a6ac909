import { str } from '../source/source-node';
import { isSet } from '../rule-helpers/ecs-helpers';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'compose-devices',
    title: 'Host devices do not map to Fargate',
    description: 'Flags compose services with devices: on ECS these become linuxParameters.devices, which Fargate does not support.',
    remediation: 'Run the service on ECS with EC2 capacity, where the instance can expose the device, or drop the device if the service can do without it.',
    formats: ['compose'],
    platforms: ['ecs-fargate'],
    effect: 'blocks',
    defaultSeverity: 'warning',
    sources: ['Amazon ECS Developer Guide: task_definition_parameters.md "linuxParameters" (devices are not supported on Fargate)'],
    messages: {
      devices: 'Service "{{name}}" maps host device {{device}}{{more}}; Fargate tasks have no host devices.',
    },
    scope: 'document',
  },
  check(ctx) {
    for (const w of ctx.workloads()) {
      const devices = w.node.get('devices');
      if (!isSet(devices)) continue;
      const items = devices.items();
      const first = items[0];
      const device = str(first) ?? str(first?.get('source')) ?? '(device)';
      ctx.report({ node: devices, messageId: 'devices', data: { name: w.name, device: device.split(':')[0], more: items.length > 1 ? ` and ${items.length - 1} more` : '' }, workload: w });
    }
  },
});
