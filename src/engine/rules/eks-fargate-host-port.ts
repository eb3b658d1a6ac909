import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'eks-fargate-host-port',
    title: 'hostPort is not supported on EKS Fargate',
    description: 'Flags container ports with a hostPort in Kubernetes pod specs.',
    remediation: 'Remove hostPort and reach the pod through a Service (with IP targets for load balancers), or run it on EC2 nodes.',
    formats: ['kubernetes'],
    platforms: ['eks-fargate'],
    effect: 'blocks',
    defaultSeverity: 'warning',
    sources: ['Amazon EKS User Guide: AWS Fargate considerations (latest/ug/nodes/fargate.adoc)'],
    messages: {
      hostPort: 'Container "{{container}}" in {{kind}} "{{name}}" sets hostPort {{port}}, which Fargate rejects.',
    },
    scope: 'document',
  },
  check(ctx) {
    for (const w of ctx.pods()) {
      for (const c of w.containers) {
        for (const p of c.ports) {
          if (p.hostPortNode && p.hostPort !== undefined && p.hostPort !== 0) {
            ctx.report({ node: p.hostPortNode, messageId: 'hostPort', data: { container: c.name, kind: w.kind, name: w.name, port: p.hostPort }, workload: w });
          }
        }
      }
    }
  },
});
