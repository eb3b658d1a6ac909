import type { Workload, WorkspaceRecommendation } from '../types';
import type { ResolvedOptions } from '../config';
import { asOf as pricingAsOf, region as priceRegion } from '../knowledge/pricing';

/**
 * One paragraph a platform engineer can act on, e.g.
 * "EKS: 7 workloads fit Fargate (namespaces shop), 2 need EC2 nodes (DaemonSet log-agent; GPU job trainer)".
 * Replica counts are not known offline, so the cost is per task or pod, one of each.
 */
export function recommendWorkspace(workloads: Workload[], options: ResolvedOptions): WorkspaceRecommendation {
  const lines: string[] = [];
  let fargateMonthly = 0;
  for (const orch of ['eks', 'ecs'] as const) {
    const mine = workloads.filter((w) => w.recommendation.platform.startsWith(orch));
    if (!mine.length) continue;
    const fg = mine.filter((w) => w.recommendation.platform.endsWith('fargate'));
    const ec2 = mine.filter((w) => w.recommendation.platform.endsWith('ec2'));
    const parts: string[] = [];
    if (fg.length) {
      const ns = [...new Set(fg.map((w) => w.namespace ?? (orch === 'eks' ? 'default' : '')).filter(Boolean))];
      parts.push(`${fg.length} ${plural(fg.length, orch === 'eks' ? 'workload fits' : 'service fits', orch === 'eks' ? 'workloads fit' : 'services fit')} Fargate${orch === 'eks' && ns.length ? ` (Fargate profile for namespace${ns.length > 1 ? 's' : ''} ${ns.join(', ')})` : ''}`);
    }
    if (ec2.length) {
      const names = ec2.slice(0, 4).map((w) => `${w.kind} ${w.name}`);
      parts.push(`${ec2.length} ${plural(ec2.length, 'needs', 'need')} EC2 ${orch === 'eks' ? 'nodes' : 'capacity'} (${names.join('; ')}${ec2.length > 4 ? `; +${ec2.length - 4} more` : ''})`);
    }
    lines.push(`${orch.toUpperCase()}: ${parts.join(', ')}.`);
    for (const w of fg) fargateMonthly += w.fargate?.monthlyUsd ?? 0;
  }
  if (!workloads.length) lines.push('No workloads found. Offload reads Kubernetes workloads, ECS task definitions and compose services.');
  const asOf = pricingAsOf;
  if (fargateMonthly > 0) {
    lines.push(`Fargate estimate: about $${fargateMonthly.toFixed(2)}/month for one task or pod of each (${priceRegion} list prices as of ${asOf}; multiply by replicas).`);
  }
  void options;
  return { summary: lines[0] ?? '', lines, fargateMonthlyUsd: Math.round(fargateMonthly * 100) / 100, pricesAsOf: asOf };
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}
