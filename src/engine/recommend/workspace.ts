import type { Workload, WorkspaceRecommendation } from '../types';
import type { ResolvedOptions } from '../config';
import { asOf as pricingAsOf, region as priceRegion } from '../knowledge/pricing';

/**
 * One paragraph a platform engineer can act on, e.g.
 * "EKS: 7 workloads fit Fargate (namespaces shop), 2 need EC2 nodes (DaemonSet log-agent; GPU job trainer)".
 * Replica counts are not known offline, so the cost is per task or pod, one of each.
 */
export function recommendWorkspace(workloads: Workload[], options: ResolvedOptions): WorkspaceRecommendation {
  // One pass over the workloads (a session recomputes this after every edit, for
  // tens of thousands of them); the text is as it has always been.
  const by = { eks: tally(), ecs: tally() };
  for (const w of workloads) {
    const p = w.recommendation.platform;
    const orch = p.startsWith('eks') ? 'eks' : p.startsWith('ecs') ? 'ecs' : undefined;
    if (!orch) continue;
    const t = by[orch];
    t.count++;
    if (p.endsWith('fargate')) {
      t.fargate.push(w);
      const ns = w.namespace ?? (orch === 'eks' ? 'default' : '');
      if (ns) t.namespaces.add(ns);
    } else if (p.endsWith('ec2')) {
      t.ec2++;
      if (t.ec2Names.length < 4) t.ec2Names.push(`${w.kind} ${w.name}`);
    }
  }
  const lines: string[] = [];
  let fargateMonthly = 0;
  for (const orch of ['eks', 'ecs'] as const) {
    const t = by[orch];
    if (!t.count) continue;
    const parts: string[] = [];
    const fg = t.fargate.length;
    if (fg) {
      const ns = [...t.namespaces];
      parts.push(`${fg} ${plural(fg, orch === 'eks' ? 'workload fits' : 'service fits', orch === 'eks' ? 'workloads fit' : 'services fit')} Fargate${orch === 'eks' && ns.length ? ` (Fargate profile for namespace${ns.length > 1 ? 's' : ''} ${ns.join(', ')})` : ''}`);
    }
    if (t.ec2) {
      parts.push(`${t.ec2} ${plural(t.ec2, 'needs', 'need')} EC2 ${orch === 'eks' ? 'nodes' : 'capacity'} (${t.ec2Names.join('; ')}${t.ec2 > 4 ? `; +${t.ec2 - 4} more` : ''})`);
    }
    lines.push(`${orch.toUpperCase()}: ${parts.join(', ')}.`);
    for (const w of t.fargate) fargateMonthly += w.fargate?.monthlyUsd ?? 0;
  }
  if (!workloads.length) lines.push('No workloads found. Offload reads Kubernetes workloads, ECS task definitions and compose services.');
  const asOf = pricingAsOf;
  if (fargateMonthly > 0) {
    lines.push(`Fargate estimate: about $${fargateMonthly.toFixed(2)}/month for one task or pod of each (${priceRegion} list prices as of ${asOf}; multiply by replicas).`);
  }
  void options;
  return { summary: lines[0] ?? '', lines, fargateMonthlyUsd: Math.round(fargateMonthly * 100) / 100, pricesAsOf: asOf };
}

function tally() {
  return { count: 0, fargate: [] as Workload[], namespaces: new Set<string>(), ec2: 0, ec2Names: [] as string[] };
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}
