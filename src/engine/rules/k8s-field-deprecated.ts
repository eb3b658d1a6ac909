import { defineRule } from './define-rule';
import { FIELD_LIFECYCLE_SOURCES, fieldFindings } from '../rule-helpers/k8s-field-helpers';

export default defineRule({
  meta: {
    id: 'k8s-field-deprecated',
    title: 'Deprecated Kubernetes field, annotation or node label',
    description: 'Flags fields, annotations and node labels that the target Kubernetes version still accepts but has deprecated (spec.serviceAccount, kubernetes.io/ingress.class, beta node labels, ...).',
    remediation: 'Use the replacement the message names; a quick fix renames spec.serviceAccount to serviceAccountName.',
    formats: ['kubernetes'],
    platforms: ['eks-ec2', 'eks-fargate'],
    // Still accepted at the target: nothing has to change to run there.
    effect: 'advice',
    defaultSeverity: 'warning',
    sources: FIELD_LIFECYCLE_SOURCES,
    messages: {
      deprecated: '{{what}} {{name}} is deprecated{{since}}; {{still}}{{later}}. {{use}}',
    },
    scope: 'document',
  },
  check(ctx) {
    if (!ctx.document) return;
    for (const f of fieldFindings(ctx.document, ctx.text(), ctx.workloads(), ctx.options.eksVersion)) {
      if (f.status !== 'deprecated') continue;
      // No deprecation release recorded: an old alias or superseded key that still works.
      const severity = f.row.deprecatedIn ? undefined : 'info';
      ctx.report({ node: f.node, messageId: 'deprecated', data: f.data, workload: f.workload, fix: f.fix, suggest: f.suggest, severity });
    }
  },
});
