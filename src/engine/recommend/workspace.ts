import type { Workload, WorkspaceRecommendation } from '../types';
import type { ResolvedOptions } from '../config';
import { asOf as pricingAsOf, region as priceRegion } from '../knowledge/pricing';

/**
 * One paragraph a platform engineer can act on, e.g.
 * "EKS: 7 workloads fit Fargate (namespaces shop), 2 need EC2 nodes (DaemonSet log-agent; GPU job trainer)".
 * Replica counts are not known offline, so the cost is per task or pod, one of each.
 */
export function recommendWorkspace(workloads: Workload[], options: ResolvedOptions): WorkspaceRecommendation {
  return recommendFromTallies([tallyWorkloads(workloads)], options);
}

/**
 * What the recommendation needs from a list of workloads, small enough to keep per
 * file: a session re-tallies only the files an edit changed, and combines the tallies
 * (in file order) after every edit.
 */
export interface WorkloadTally {
  workloads: number;
  eks: OrchestratorTally;
  ecs: OrchestratorTally;
}

export interface OrchestratorTally {
  count: number;
  /** How many fit Fargate. */
  fargate: number;
  /** Their monthly Fargate cost, in micro-dollars: an integer sum is the same in any order. */
  fargateMicros: number;
  namespaces: string[];
  ec2: number;
  /** The first four EC2 workloads, as `${kind} ${name}`. */
  ec2Names: string[];
}

export function tallyWorkloads(workloads: readonly Workload[]): WorkloadTally {
  const by = { eks: orchestratorTally(), ecs: orchestratorTally() };
  const seen = { eks: new Set<string>(), ecs: new Set<string>() };
  for (const w of workloads) {
    const p = w.recommendation.platform;
    const orch = p.startsWith('eks') ? 'eks' : p.startsWith('ecs') ? 'ecs' : undefined;
    if (!orch) continue;
    const t = by[orch];
    t.count++;
    if (p.endsWith('fargate')) {
      t.fargate++;
      t.fargateMicros += Math.round((w.fargate?.monthlyUsd ?? 0) * 1e6);
      const ns = w.namespace ?? (orch === 'eks' ? 'default' : '');
      if (ns && !seen[orch].has(ns)) {
        seen[orch].add(ns);
        t.namespaces.push(ns);
      }
    } else if (p.endsWith('ec2')) {
      t.ec2++;
      if (t.ec2Names.length < 4) t.ec2Names.push(`${w.kind} ${w.name}`);
    }
  }
  return { workloads: workloads.length, ...by };
}

function orchestratorTally(): OrchestratorTally {
  return { count: 0, fargate: 0, fargateMicros: 0, namespaces: [], ec2: 0, ec2Names: [] };
}

/** The recommendation for the workloads of all the tallies, in order: as recommendWorkspace of them all. */
export function recommendFromTallies(tallies: readonly WorkloadTally[], options: ResolvedOptions): WorkspaceRecommendation {
  return recommendFromTotals(sumTallies(tallies), options);
}

/** Tallies added up, in order (namespaces by first appearance, the first four EC2 names). */
export function sumTallies(tallies: readonly WorkloadTally[]): WorkloadTally {
  const sum: WorkloadTally = { workloads: 0, eks: orchestratorTally(), ecs: orchestratorTally() };
  const seen = { eks: new Set<string>(), ecs: new Set<string>() };
  for (const t of tallies) {
    sum.workloads += t.workloads;
    for (const orch of ['eks', 'ecs'] as const) {
      const o = t[orch];
      const s = sum[orch];
      s.count += o.count;
      s.fargate += o.fargate;
      s.fargateMicros += o.fargateMicros;
      s.ec2 += o.ec2;
      for (const n of o.namespaces) {
        if (seen[orch].has(n)) continue;
        seen[orch].add(n);
        s.namespaces.push(n);
      }
      for (const n of o.ec2Names) if (s.ec2Names.length < 4) s.ec2Names.push(n);
    }
  }
  return sum;
}

/** The recommendation from the whole workspace's tally. */
export function recommendFromTotals(total: WorkloadTally, options: ResolvedOptions): WorkspaceRecommendation {
  const lines: string[] = [];
  let micros = 0;
  for (const orch of ['eks', 'ecs'] as const) {
    const o = total[orch];
    const count = o.count;
    const fg = o.fargate;
    const ec2 = o.ec2;
    const namespaces = o.namespaces;
    const names = o.ec2Names;
    if (!count) continue;
    const parts: string[] = [];
    if (fg) {
      const ns = [...namespaces];
      parts.push(`${fg} ${plural(fg, orch === 'eks' ? 'workload fits' : 'service fits', orch === 'eks' ? 'workloads fit' : 'services fit')} Fargate${orch === 'eks' && ns.length ? ` (Fargate profile for namespace${ns.length > 1 ? 's' : ''} ${ns.join(', ')})` : ''}`);
    }
    if (ec2) {
      parts.push(`${ec2} ${plural(ec2, 'needs', 'need')} EC2 ${orch === 'eks' ? 'nodes' : 'capacity'} (${names.join('; ')}${ec2 > 4 ? `; +${ec2 - 4} more` : ''})`);
    }
    lines.push(`${orch.toUpperCase()}: ${parts.join(', ')}.`);
    micros += o.fargateMicros;
  }
  const fargateMonthly = micros / 1e6;
  if (!total.workloads) lines.push('No workloads found. Offload reads Kubernetes workloads, ECS task definitions and compose services.');
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
