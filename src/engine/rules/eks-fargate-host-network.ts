import { isTrue } from '../source/source-node';
import { defineRule } from './define-rule';
import { removeEntry } from '../rule-helpers/pod-helpers';

export default defineRule({
  meta: {
    id: 'eks-fargate-host-network',
    title: 'hostNetwork is not supported on Fargate',
    description: 'Flags pod specs with hostNetwork: true. Each Fargate pod gets its own ENI; there is no host network to join.',
    remediation: 'Remove hostNetwork (the pod gets its own VPC address), or run the workload on EC2 nodes.',
    formats: ['kubernetes'],
    platforms: ['eks-fargate', 'ecs-fargate'],
    effect: 'blocks',
    defaultSeverity: 'warning',
    sources: [
      'Amazon EKS User Guide: AWS Fargate considerations (latest/ug/nodes/fargate.adoc)',
      'fargate-scheduler event "Pod not supported on Fargate: fields not supported: HostNetwork" (aws/containers-roadmap#1517)',
    ],
    messages: {
      hostNetwork: '{{kind}} "{{name}}" uses hostNetwork, which Fargate rejects.',
    },
    scope: 'document',
  },
  check(ctx) {
    for (const w of ctx.pods()) {
      const n = w.pod.hostNetwork;
      if (!isTrue(n)) continue;
      // Removing hostNetwork changes how the pod is reached, so it is a suggestion, not a fix.
      const edit = removeEntry(ctx.text(), n!);
      ctx.report({ node: n!, messageId: 'hostNetwork', data: { kind: w.kind, name: w.name }, workload: w, suggest: edit ? [{ title: 'Remove hostNetwork', edits: [edit] }] : [] });
    }
  },
});
