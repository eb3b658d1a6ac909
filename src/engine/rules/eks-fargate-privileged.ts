import { isTrue } from '../source/source-node';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'eks-fargate-privileged',
    title: 'Privileged containers are not supported on Fargate',
    description: 'Flags Kubernetes containers with securityContext.privileged: true.',
    remediation: 'Drop privileged and grant only the capabilities the container needs, or run the workload on EC2 nodes.',
    formats: ['kubernetes'],
    platforms: ['eks-fargate', 'ecs-fargate'],
    effect: 'blocks',
    defaultSeverity: 'warning',
    sources: ['Amazon EKS User Guide: AWS Fargate considerations (latest/ug/nodes/fargate.adoc)', 'Amazon ECS Developer Guide: Fargate task definition considerations (privileged is invalid)'],
    messages: {
      privileged: 'Container "{{container}}" in {{kind}} "{{name}}" is privileged, which Fargate rejects.',
      escalation: 'Container "{{container}}" in {{kind}} "{{name}}" is privileged with allowPrivilegeEscalation, which Fargate rejects.',
    },
    scope: 'document',
  },
  check(ctx) {
    for (const w of ctx.pods()) {
      for (const c of w.containers) {
        if (!isTrue(c.privileged)) continue;
        const escalation = isTrue(c.allowPrivilegeEscalation);
        ctx.report({
          node: c.privileged!,
          messageId: escalation ? 'escalation' : 'privileged',
          data: { container: c.name, kind: w.kind, name: w.name },
          workload: w,
        });
      }
    }
  },
});
