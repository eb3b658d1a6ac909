import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'eks-fargate-daemonset',
    title: 'DaemonSets do not run on Fargate',
    description: 'Flags Kubernetes DaemonSets: Fargate runs one pod per micro-VM and has no nodes to run a daemon on.',
    remediation: 'Run the DaemonSet on an EC2 node group, or move what it does into a sidecar container of the pods that need it.',
    formats: ['kubernetes'],
    // ECS on Fargate has no DAEMON scheduling strategy either.
    platforms: ['eks-fargate', 'ecs-fargate'],
    effect: 'blocks',
    defaultSeverity: 'warning',
    sources: ['Amazon EKS User Guide: AWS Fargate considerations (latest/ug/nodes/fargate.adoc)', 'Amazon ECS Developer Guide: service scheduling strategies (DAEMON is not supported on Fargate)'],
    messages: {
      daemonSet: 'DaemonSet "{{name}}" cannot run on Fargate: Fargate has no nodes to place a daemon on. Run it on EC2 nodes, or as a sidecar.',
    },
    scope: 'document',
  },
  check(ctx) {
    for (const w of ctx.workloads()) {
      if (w.kind === 'DaemonSet') ctx.report({ node: w.anchor, messageId: 'daemonSet', data: { name: w.name }, workload: w });
    }
  },
});
