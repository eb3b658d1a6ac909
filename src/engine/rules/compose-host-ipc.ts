import { str } from '../source/source-node';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'compose-host-ipc',
    title: 'Shared IPC namespaces do not map to Fargate',
    description: 'Flags compose services whose ipc is host (ECS ipcMode "host") or shared with another container (ipcMode "task"). Fargate supports no ipcMode.',
    remediation: 'Drop ipc: host, or let the containers talk over the network instead of shared memory; otherwise run the service on ECS with EC2 capacity.',
    formats: ['compose'],
    platforms: ['ecs-fargate'],
    effect: 'blocks',
    defaultSeverity: 'warning',
    sources: ['Amazon ECS Developer Guide: fargate-tasks-services.html (ipcMode is invalid on Fargate)'],
    messages: {
      hostIpc: 'Service "{{name}}" uses ipc: host, which Fargate cannot provide: a Fargate task has no host IPC namespace to share.',
      sharedIpc: 'Service "{{name}}" shares an IPC namespace (ipc: {{value}}); on ECS that is ipcMode "task", which Fargate does not support.',
    },
    scope: 'document',
  },
  check(ctx) {
    for (const w of ctx.workloads()) {
      const n = w.node.get('ipc');
      const v = str(n);
      if (v === undefined) continue;
      if (v === 'host') ctx.report({ node: n!, messageId: 'hostIpc', data: { name: w.name }, workload: w });
      else if (v === 'shareable' || v.startsWith('service:') || v.startsWith('container:')) {
        ctx.report({ node: n!, messageId: 'sharedIpc', data: { name: w.name, value: v }, workload: w, effect: 'needs-change' });
      }
    }
  },
});
