import { isTrue } from '../source/source-node';
import { defineRule } from './define-rule';
import { removeEntry } from '../rule-helpers/pod-helpers';

export default defineRule({
  meta: {
    id: 'eks-fargate-host-pid-ipc',
    title: 'hostPID and hostIPC are not supported on Fargate',
    description: 'Flags pod specs with hostPID: true or hostIPC: true. A Fargate pod runs alone in its own micro-VM and shares no host namespaces.',
    remediation: 'Remove hostPID/hostIPC (share namespaces between the pod\'s own containers with shareProcessNamespace instead), or run the workload on EC2 nodes.',
    formats: ['kubernetes'],
    // ECS on Fargate rejects pidMode "host" and ipcMode, the same namespaces.
    platforms: ['eks-fargate', 'ecs-fargate'],
    effect: 'blocks',
    defaultSeverity: 'warning',
    sources: [
      'Amazon EKS User Guide: AWS Fargate considerations (latest/ug/nodes/fargate.adoc): each pod has its own isolation boundary and shares no kernel with another pod',
      'Amazon ECS Developer Guide: Fargate task definition considerations (ipcMode is invalid; pidMode accepts only "task")',
    ],
    messages: {
      hostPid: '{{kind}} "{{name}}" sets hostPID, which Fargate rejects: the pod runs in its own micro-VM and cannot see the host\'s processes.',
      hostIpc: '{{kind}} "{{name}}" sets hostIPC, which Fargate rejects: the pod runs in its own micro-VM and cannot join the host\'s IPC namespace.',
    },
    scope: 'document',
  },
  check(ctx) {
    for (const w of ctx.pods()) {
      for (const [node, messageId, key] of [[w.pod.hostPID, 'hostPid', 'hostPID'], [w.pod.hostIPC, 'hostIpc', 'hostIPC']] as const) {
        if (!isTrue(node)) continue;
        // A suggestion, not a fix: a tool that reads other processes stops working without it.
        const edit = removeEntry(ctx.text(), node!);
        ctx.report({
          node: node!,
          messageId,
          data: { kind: w.kind, name: w.name },
          workload: w,
          suggest: edit ? [{ title: `Remove ${key}`, edits: [edit] }] : [],
        });
      }
    }
  },
});
