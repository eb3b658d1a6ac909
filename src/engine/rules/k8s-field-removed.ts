import { defineRule } from './define-rule';
import { FIELD_LIFECYCLE_SOURCES, fieldFindings } from '../rule-helpers/k8s-field-helpers';

export default defineRule({
  meta: {
    id: 'k8s-field-removed',
    title: 'Kubernetes field, annotation or volume type that no longer works at the target',
    description: 'Flags fields, annotations and in-tree volume types that the target Kubernetes version rejects, or accepts but no longer acts on (seccomp annotations from 1.27, cephfs and rbd volumes from 1.31, ...).',
    remediation: 'Use the replacement the message names (a securityContext field, spec.priorityClassName, a CSI driver, ...).',
    formats: ['kubernetes'],
    platforms: ['eks-ec2', 'eks-fargate'],
    effect: 'needs-change',
    defaultSeverity: 'error',
    sources: FIELD_LIFECYCLE_SOURCES,
    messages: {
      removed: '{{what}} {{name}} is not accepted from Kubernetes {{from}}, so EKS {{target}} rejects it. {{use}}',
      ineffective: '{{what}} {{name}} has no effect from Kubernetes {{from}}: EKS {{target}} accepts it, but nothing acts on it. {{use}}',
      ineffectiveVolume: '{{what}} {{name}} stopped working in Kubernetes {{from}}: EKS {{target}} has no in-tree plugin for it, so the pod cannot mount the volume. {{use}}',
    },
    scope: 'document',
  },
  check(ctx) {
    if (!ctx.document) return;
    for (const f of fieldFindings(ctx.document, ctx.text(), ctx.workloads(), ctx.options.eksVersion)) {
      if (f.status !== 'removed' && f.status !== 'ineffective') continue;
      const messageId = f.status === 'removed' ? 'removed' : f.volume ? 'ineffectiveVolume' : 'ineffective';
      // An ignored annotation or label changes behaviour silently; nothing rejects the object.
      const severity = f.status === 'ineffective' && f.row.type !== 'field' ? 'warning' : undefined;
      ctx.report({ node: f.node, messageId, data: f.data, workload: f.workload, fix: f.fix, suggest: f.suggest, severity });
    }
  },
});
