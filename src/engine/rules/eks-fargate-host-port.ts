import { str } from '../source/source-node';
import { defineRule } from './define-rule';
import { removeEntry } from '../rule-helpers/pod-helpers';

export default defineRule({
  meta: {
    id: 'eks-fargate-host-port',
    title: 'hostPort and hostIP are not supported on EKS Fargate',
    description: 'Flags container ports with a hostPort (or a hostIP) in Kubernetes pod specs. Fargate rejects them: the pod has its own IP address and no node port to bind.',
    remediation: 'Remove hostPort/hostIP and reach the pod through a Service (with IP targets for load balancers), or run it on EC2 nodes.',
    formats: ['kubernetes'],
    platforms: ['eks-fargate'],
    effect: 'blocks',
    defaultSeverity: 'warning',
    sources: [
      'Amazon EKS User Guide: AWS Fargate considerations (latest/ug/nodes/fargate.adoc): hostPort is not supported',
      'fargate-scheduler event "Pod not supported on Fargate: ... port contains HostIP or HostPort" (kubernetes-sigs/aws-efs-csi-driver#589)',
    ],
    messages: {
      hostPort: 'Container "{{container}}" in {{kind}} "{{name}}" sets hostPort {{port}}, which Fargate rejects.',
      hostIp: 'Container "{{container}}" in {{kind}} "{{name}}" sets hostIP {{ip}} on a port, which Fargate rejects.',
    },
    scope: 'document',
  },
  check(ctx) {
    const text = ctx.text();
    for (const w of ctx.pods()) {
      for (const c of w.containers) {
        for (const p of c.ports) {
          const data = { container: c.name, kind: w.kind, name: w.name };
          if (p.hostPortNode && p.hostPort !== undefined && p.hostPort !== 0) {
            // A suggestion, not a fix: clients that dialled node:port must use a Service instead.
            const edit = removeEntry(text, p.hostPortNode);
            ctx.report({
              node: p.hostPortNode,
              messageId: 'hostPort',
              data: { ...data, port: p.hostPort },
              workload: w,
              suggest: edit ? [{ title: 'Remove hostPort (reach the pod through a Service)', edits: [edit] }] : [],
            });
          }
          const ip = p.node.get('hostIP');
          const ipValue = str(ip);
          if (ip && ipValue) {
            const edit = removeEntry(text, ip);
            ctx.report({ node: ip, messageId: 'hostIp', data: { ...data, ip: ipValue }, workload: w, suggest: edit ? [{ title: 'Remove hostIP', edits: [edit] }] : [] });
          }
        }
      }
    }
  },
});
