import type { RelatedDescriptor } from './define-rule';
import type { ClusterView } from '../views';
import { defineRule } from './define-rule';
import { FARGATE_PROFILE_LABEL, clusterLabel, matchingProfile, otherCompute, podPlacement } from '../rule-helpers/eksctl-helpers';

export default defineRule({
  meta: {
    id: 'eksctl-workload-unmatched',
    title: 'Workload matches no Fargate profile',
    description: 'Checks every Kubernetes workload against the Fargate profiles of the eksctl ClusterConfigs in the workspace: a pod that no profile selects never runs on Fargate.',
    remediation: 'Add a Fargate profile selector for the workload\'s namespace (and labels) to the eksctl config, or give the cluster a node group for it.',
    formats: ['kubernetes', 'eksctl'],
    platforms: ['eks-fargate'],
    effect: 'blocks',
    defaultSeverity: 'warning',
    sources: [
      'Amazon EKS User Guide: Define which Pods use AWS Fargate when launched (latest/ug/nodes/fargate-profile.adoc), selectors and wildcards',
      'Amazon EKS User Guide: AWS Fargate considerations (latest/ug/nodes/fargate.adoc): a pod that matches no profile stays Pending',
    ],
    messages: {
      pending:
        '{{kind}} "{{name}}" in namespace {{namespace}} matches no Fargate profile of {{clusters}}{{pinned}}, and the cluster has no node groups: its pods stay Pending. Add a Fargate profile selector for namespace {{namespace}}.',
      onNodes:
        '{{kind}} "{{name}}" in namespace {{namespace}} matches no Fargate profile of {{clusters}}{{pinned}}: its pods run on {{compute}}, not on Fargate. To run it on Fargate, add a Fargate profile selector for namespace {{namespace}}.',
      onNodesAccelerator:
        '{{kind}} "{{name}}" in namespace {{namespace}} matches no Fargate profile of {{clusters}}{{pinned}}: its pods run on {{compute}}, which is where its {{resource}} request can be met (Fargate has no accelerators).',
    },
    scope: 'workspace',
  },
  check(ctx) {
    const all = ctx.clusters();
    const { fargate, compute, related, clusters } = clusterFacts(all);
    if (!fargate.length) return;
    for (const w of ctx.pods()) {
      // DaemonSet pods are never placed on Fargate; eks-fargate-daemonset says so.
      if (w.format !== 'kubernetes' || w.kind === 'DaemonSet') continue;
      const p = podPlacement(w);
      if (p.namespace === null || fargate.some((c) => matchingProfile(c, p))) continue;
      const pin = p.labels?.[FARGATE_PROFILE_LABEL];
      const data = {
        kind: w.kind,
        name: w.name,
        namespace: p.namespace,
        clusters,
        pinned: pin === undefined ? '' : ` (its label ${FARGATE_PROFILE_LABEL}: ${pin} allows only that profile)`,
        compute: compute.join(' or '),
      };
      if (compute.length === 0) {
        ctx.report({ node: w.anchor, messageId: 'pending', data, workload: w, related });
      } else {
        // The pod still runs, on EC2: Fargate needs a profile, which only the cluster owner can add.
        // A GPU or Neuron pod belongs on the nodes anyway, so it gets no "add a profile" advice.
        const accelerator = w.containers.flatMap((ct) => ct.accelerators.map((a) => a.resource))[0];
        ctx.report({
          node: w.anchor,
          messageId: accelerator ? 'onNodesAccelerator' : 'onNodes',
          data: { ...data, resource: accelerator ?? '' },
          workload: w,
          related,
          severity: 'info',
          effect: 'needs-change',
        });
      }
    }
  },
});

/**
 * What the check needs from the clusters, worked out once per list of clusters: the
 * rule runs once per document, and the index hands every run the same list until a
 * cluster changes.
 */
function clusterFacts(all: ClusterView[]): { fargate: ClusterView[]; compute: string[]; related: RelatedDescriptor[]; clusters: string } {
  const memo = CLUSTER_FACTS.get(all);
  if (memo) return memo;
  const fargate = all.filter((c) => c.fargateProfiles.length > 0);
  // Other compute of any Fargate cluster is where an unmatched pod can still go.
  const compute = [...new Set(fargate.flatMap((c) => otherCompute(c, all)))];
  const related: RelatedDescriptor[] = fargate.map((c) => ({
    file: c.file,
    node: c.node.get('fargateProfiles'),
    message: `Fargate profiles of ${clusterLabel(c)}`,
  }));
  const facts = { fargate, compute, related, clusters: fargate.map(clusterLabel).join(' or ') };
  CLUSTER_FACTS.set(all, facts);
  return facts;
}

const CLUSTER_FACTS = new WeakMap<ClusterView[], ReturnType<typeof clusterFacts>>();
