import type { FargateEstimate } from '../types';
import type { WorkloadView } from '../views';
import { podFargateSize } from '../rule-helpers/pod-helpers';
import { str } from '../source/source-node';
import { fargateHourlyCost, fargateSizeFor, monthlyFromHourly, parseEcsCpu, parseEcsMemory } from '../knowledge';
import type { FargateSize } from '../knowledge/fargate';

/**
 * The Fargate size a workload would run at, and its list price. Kubernetes pods
 * follow the EKS sizing rules (requests, falling back to limits as Kubernetes
 * does, plus overhead); ECS tasks use the task-level pair, rounded up to a valid
 * size; compose services use their reservations or limits.
 */
export function estimateFargate(w: WorkloadView): FargateEstimate | undefined {
  let size: FargateSize | null = null;
  let os: 'linux' | 'windows' = 'linux';
  let arch: 'x86_64' | 'arm64' = 'x86_64';
  if (w.format === 'kubernetes') {
    if (!w.pod) return undefined;
    // The same sizing the rules report (native sidecars included), so the two never disagree.
    size = podFargateSize(w.containers).size;
  } else if (w.format === 'ecs-task-definition') {
    const fam = str(w.node.at('runtimePlatform', 'operatingSystemFamily')) ?? 'LINUX';
    os = fam.startsWith('WINDOWS') ? 'windows' : 'linux';
    arch = str(w.node.at('runtimePlatform', 'cpuArchitecture')) === 'ARM64' ? 'arm64' : 'x86_64';
    const units = parseEcsCpu(w.node.get('cpu')?.value) ?? sum(w.containers.map((c) => (c.cpuRequest?.amount ?? 0) * 1024));
    const mem = parseEcsMemory(w.node.get('memory')?.value) ?? sum(w.containers.map((c) => c.memoryRequest?.amount ?? 0));
    size = fargateSizeFor(units / 1024 || 0.25, mem || 512, { platform: 'ecs', os }).nearest;
  } else if (w.format === 'compose') {
    const c = w.containers[0];
    size = fargateSizeFor(c?.cpuRequest?.amount ?? 0.25, c?.memoryRequest?.amount ?? 512, { platform: 'ecs' }).nearest;
  }
  if (!size) return undefined;
  const cost = fargateHourlyCost({ vcpu: size.vcpu, memoryGiB: size.memoryGiB }, { arch, os, platform: w.format === 'kubernetes' ? 'eks' : 'ecs' });
  if (cost.hourlyUsd === null) return undefined;
  return { vcpu: size.vcpu, memoryGiB: size.memoryGiB, hourlyUsd: cost.hourlyUsd, monthlyUsd: monthlyFromHourly(cost.hourlyUsd), label: size.label };
}

function sum(a: number[]): number {
  return a.reduce((x, y) => x + y, 0);
}
