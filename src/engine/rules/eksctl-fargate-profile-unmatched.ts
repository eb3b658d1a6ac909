import { defineRule } from './define-rule';
import { clusterLabel, namespaceMatches, placementOf, selectorMatches, wildcardMatch } from '../rule-helpers/eksctl-helpers';

/** Namespaces whose pods are EKS add-ons (CoreDNS first), which workspaces rarely hold. */
const SYSTEM_NAMESPACES = ['kube-system'];

export default defineRule({
  meta: {
    id: 'eksctl-fargate-profile-unmatched',
    title: 'Fargate profile selector matches no workload',
    description: 'Flags Fargate profile selectors in eksctl ClusterConfigs that select no Kubernetes workload in the workspace (namespace and labels, with EKS wildcards).',
    remediation: 'Fix the selector\'s namespace or labels (a typo, a renamed namespace), or remove the selector if nothing should run there.',
    formats: ['eksctl', 'kubernetes'],
    platforms: ['eks-fargate'],
    effect: 'advice',
    defaultSeverity: 'info',
    sources: ['Amazon EKS User Guide: Define which Pods use AWS Fargate when launched (latest/ug/nodes/fargate-profile.adoc), selectors and wildcards'],
    messages: {
      noNamespace: 'Fargate profile "{{profile}}" of {{cluster}} selects namespace {{namespace}}, but no Kubernetes workload in the workspace runs there.',
      noLabels:
        'Fargate profile "{{profile}}" of {{cluster}} selects namespace {{namespace}} with labels {{labels}}: {{count}} workload(s) run in that namespace ({{names}}), but none has all of these labels.',
    },
    // It aggregates over every pod in the workspace, so it reads the index's plain pod facts.
    scope: 'index',
  },
  check(ctx) {
    const pods = ctx.index.pods.filter((w) => w.format === 'kubernetes');
    // A workspace with only the cluster config says nothing about what will run on it.
    if (!pods.length) return;
    const placed = pods.map((w) => ({ w, p: placementOf(w) }));
    for (const c of ctx.clusters()) {
      for (const profile of c.fargateProfiles) {
        for (const sel of profile.selectors) {
          if (sel.namespace === undefined) continue;
          const ns = sel.namespace;
          if (SYSTEM_NAMESPACES.some((s) => wildcardMatch(ns, s))) continue;
          if (placed.some(({ p }) => selectorMatches(sel, p))) continue;
          const inNamespace = placed.filter(({ p }) => namespaceMatches(sel, p));
          const labelsNode = sel.node.get('labels');
          const base = { profile: profile.name, cluster: clusterLabel(c), namespace: ns };
          if (inNamespace.length && labelsNode) {
            const labels = Object.entries(sel.labels).map(([k, v]) => `${k}=${v}`).join(', ');
            const names = inNamespace.slice(0, 3).map(({ w }) => `${w.kind} ${w.name}`).join('; ') + (inNamespace.length > 3 ? '; ...' : '');
            ctx.report({ node: labelsNode, file: c.file, messageId: 'noLabels', data: { ...base, labels, count: inNamespace.length, names } });
          } else {
            ctx.report({ node: sel.node.get('namespace') ?? sel.node, file: c.file, messageId: 'noNamespace', data: base });
          }
        }
      }
    }
  },
});
