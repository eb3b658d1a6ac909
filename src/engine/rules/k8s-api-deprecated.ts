import { defineRule } from './define-rule';
import { API_LIFECYCLE_SOURCES, apiFindings } from '../rule-helpers/k8s-api-helpers';

export default defineRule({
  meta: {
    id: 'k8s-api-deprecated',
    title: 'Kubernetes API version deprecated at the target',
    description: 'Flags Kubernetes objects whose apiVersion/kind the target EKS version still serves but has deprecated, with the release that stops serving it.',
    remediation: 'Move the object to the replacement API version before upgrading to the release that removes it.',
    formats: ['kubernetes'],
    platforms: ['eks-ec2', 'eks-fargate'],
    // Still served at the target: nothing has to change to run there.
    effect: 'advice',
    defaultSeverity: 'warning',
    sources: API_LIFECYCLE_SOURCES,
    messages: {
      deprecated: '{{kind}} "{{name}}" uses {{apiVersion}}, deprecated since Kubernetes {{deprecatedIn}}: {{removal}}. Use {{replacement}}{{how}}.',
      deprecatedNoReplacement: '{{kind}} "{{name}}" uses {{apiVersion}}, deprecated since Kubernetes {{deprecatedIn}}: {{removal}}. No API version replaces it. {{advice}}.',
    },
    scope: 'document',
  },
  check(ctx) {
    if (!ctx.document) return;
    for (const f of apiFindings(ctx.document, ctx.text(), ctx.workloads(), ctx.options.eksVersion)) {
      if (f.problem !== 'deprecated' && f.problem !== 'deprecatedNoReplacement') continue;
      ctx.report({ node: f.obj.apiVersionNode, messageId: f.problem, data: f.data, workload: f.workload, fix: f.fix, suggest: f.suggest, related: f.related });
    }
  },
});
