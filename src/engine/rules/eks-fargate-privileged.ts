import { isTrue } from '../source/source-node';
import { defineRule } from './define-rule';
import { replaceScalarText } from '../rule-helpers/pod-helpers';

export default defineRule({
  meta: {
    id: 'eks-fargate-privileged',
    title: 'Privileged containers and privilege escalation are not supported on Fargate',
    description: 'Flags Kubernetes containers with securityContext.privileged: true, and (on EKS Fargate) allowPrivilegeEscalation: true.',
    remediation: 'Drop privileged and set allowPrivilegeEscalation: false, granting only the capabilities the container needs; or run the workload on EC2 nodes.',
    formats: ['kubernetes'],
    platforms: ['eks-fargate', 'ecs-fargate'],
    effect: 'blocks',
    defaultSeverity: 'warning',
    sources: [
      'Amazon EKS User Guide: AWS Fargate considerations (latest/ug/nodes/fargate.adoc): privileged containers are not supported',
      'Amazon ECS Developer Guide: Fargate task definition considerations (privileged is invalid)',
      'fargate-scheduler event "Pod not supported on Fargate: invalid SecurityContext fields: AllowPrivilegeEscalation" (kubernetes/ingress-nginx#4888, 2020; #9704, EKS 1.25, 2023)',
    ],
    messages: {
      privileged: 'Container "{{container}}" in {{kind}} "{{name}}" is privileged, which Fargate rejects.',
      escalation: 'Container "{{container}}" in {{kind}} "{{name}}" is privileged with allowPrivilegeEscalation, which Fargate rejects.',
      escalationOnly: 'Container "{{container}}" in {{kind}} "{{name}}" sets allowPrivilegeEscalation: true, which the EKS Fargate scheduler rejects ("invalid SecurityContext fields: AllowPrivilegeEscalation").',
    },
    scope: 'document',
  },
  check(ctx) {
    for (const w of ctx.pods()) {
      for (const c of w.containers) {
        const data = { container: c.name, kind: w.kind, name: w.name };
        const escalation = isTrue(c.allowPrivilegeEscalation);
        if (isTrue(c.privileged)) {
          ctx.report({ node: c.privileged!, messageId: escalation ? 'escalation' : 'privileged', data, workload: w });
          continue;
        }
        if (!escalation) continue;
        // ECS has no such field; only the EKS Fargate scheduler is known to refuse it. The
        // app may need it (setuid binaries, NET_BIND_SERVICE below 1024), so a suggestion only.
        ctx.report({
          node: c.allowPrivilegeEscalation!,
          messageId: 'escalationOnly',
          data,
          workload: w,
          platforms: ['eks-fargate'],
          suggest: [{ title: 'Set allowPrivilegeEscalation: false (check the app still starts)', edits: [replaceScalarText(ctx.text(), c.allowPrivilegeEscalation!, 'false')] }],
        });
      }
    }
  },
});
