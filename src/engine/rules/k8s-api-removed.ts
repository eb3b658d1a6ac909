import { defineRule } from './define-rule';
import { API_LIFECYCLE_SOURCES, apiFindings } from '../rule-helpers/k8s-api-helpers';

export default defineRule({
  meta: {
    id: 'k8s-api-removed',
    title: 'Kubernetes API version not served at the target',
    description: 'Flags Kubernetes objects whose apiVersion/kind the target EKS version does not serve: removed (or not yet introduced) there.',
    remediation: 'Move the object to the replacement API version (a quick fix where only apiVersion changes), or target an EKS version that serves it.',
    formats: ['kubernetes'],
    platforms: ['eks-ec2', 'eks-fargate'],
    effect: 'needs-change',
    defaultSeverity: 'error',
    sources: API_LIFECYCLE_SOURCES,
    messages: {
      removed: '{{kind}} "{{name}}" uses {{apiVersion}}, which EKS {{target}} does not serve (removed in Kubernetes {{removedIn}}). Use {{replacement}}{{how}}.',
      removedNoReplacement: '{{kind}} "{{name}}" uses {{apiVersion}}, which EKS {{target}} does not serve (removed in Kubernetes {{removedIn}}), and no API version replaces it. {{advice}}.',
      notYetServed: '{{kind}} "{{name}}" uses {{apiVersion}}, which EKS {{target}} does not serve yet (first served in Kubernetes {{since}}).',
    },
    scope: 'document',
  },
  check(ctx) {
    if (!ctx.document) return;
    for (const f of apiFindings(ctx.document, ctx.text(), ctx.workloads(), ctx.options.eksVersion)) {
      if (f.problem !== 'removed' && f.problem !== 'removedNoReplacement' && f.problem !== 'notYetServed') continue;
      ctx.report({ node: f.obj.apiVersionNode, messageId: f.problem, data: f.data, workload: f.workload, fix: f.fix, suggest: f.suggest, related: f.related });
    }
  },
});
