/**
 * Shared reading of eksctl ClusterConfigs for the eksctl-* rules: Fargate profile
 * matching, what compute a cluster has besides Fargate, and what hardware its node
 * groups run on. Pure functions over views; not a rule.
 */
import type { SourceNode } from '../source/source-node';
import { isTrue, num, str } from '../source/source-node';
import type { ClusterView, FargateProfileView, WorkloadView } from '../views';
import type { PodRef } from '../workspace-index';

/** The label that pins a pod to one Fargate profile when several match (EKS user guide, fargate-profile.adoc). */
export const FARGATE_PROFILE_LABEL = 'eks.amazonaws.com/fargate-profile';

/**
 * Where a pod lands for Fargate matching. `null` means "cannot be known offline":
 * a Helm template's namespace is the release namespace, and masked template actions
 * hide label values. Unknown parts match every selector, so neither rule reports on
 * what it cannot see.
 */
export interface PodPlacement {
  namespace: string | null;
  labels: Record<string, string> | null;
}

/**
 * A plain manifest without `metadata.namespace` is read as `default`, where
 * `kubectl apply` puts it without `-n` (a kustomization's `namespace:` is not read).
 */
export function podPlacement(w: WorkloadView): PodPlacement {
  return placementOf({ namespace: str(w.metadata?.get('namespace')), templated: w.doc.templated, labels: w.pod?.labels ?? {} });
}

/** {@link podPlacement} from the index's plain facts about a pod. */
export function placementOf(p: Pick<PodRef, 'namespace' | 'templated' | 'labels'>): PodPlacement {
  if (p.templated) return { namespace: p.namespace ?? null, labels: null };
  return { namespace: p.namespace ?? 'default', labels: p.labels };
}

/**
 * Fargate profile wildcards: `*` is any run of characters (also none), `?` exactly
 * one; nothing else is special, and the whole value must match. EKS allows them in
 * namespaces, label keys and label values.
 */
export function wildcardMatch(pattern: string, value: string): boolean {
  if (!/[*?]/.test(pattern)) return pattern === value;
  let re = WILDCARDS.get(pattern);
  if (!re) {
    const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\s\\S]*').replace(/\?/g, '[\\s\\S]');
    re = new RegExp(`^${source}$`);
    if (WILDCARDS.size >= 1000) WILDCARDS.clear();
    WILDCARDS.set(pattern, re);
  }
  return re.test(value);
}

/** Compiled wildcard patterns: every pod is matched against the same few selectors. */
const WILDCARDS = new Map<string, RegExp>();

export type Selector = FargateProfileView['selectors'][number];

export function namespaceMatches(selector: Selector, p: PodPlacement): boolean {
  if (selector.namespace === undefined) return false;
  return p.namespace === null || wildcardMatch(selector.namespace, p.namespace);
}

/** A pod matches a selector when the namespace matches and it has every selector label. */
export function selectorMatches(selector: Selector, p: PodPlacement): boolean {
  if (!namespaceMatches(selector, p)) return false;
  if (p.labels === null) return true;
  const podLabels = Object.entries(p.labels);
  return Object.entries(selector.labels).every(([k, v]) => podLabels.some(([pk, pv]) => wildcardMatch(k, pk) && wildcardMatch(v, pv)));
}

/**
 * The profile a pod would use, or undefined. A pod labelled with
 * `eks.amazonaws.com/fargate-profile` may only use the profile of that name.
 */
export function matchingProfile(cluster: ClusterView, p: PodPlacement): FargateProfileView | undefined {
  const pinned = p.labels?.[FARGATE_PROFILE_LABEL];
  return cluster.fargateProfiles.find((fp) => (pinned === undefined || fp.name === pinned) && fp.selectors.some((s) => selectorMatches(s, p)));
}

/** `name` of a ClusterConfig, for messages. */
export function clusterLabel(c: ClusterView): string {
  return c.name ? `cluster "${c.name}"` : `the cluster in ${c.file}`;
}

/**
 * What runs pods that no Fargate profile takes: node groups (self-managed or
 * managed), EKS Auto Mode, or Karpenter, as one phrase ('node groups system, gpu'),
 * empty when the cluster is Fargate-only. Node groups are often added from a second
 * ClusterConfig for the same cluster (`eksctl create nodegroup -f`), so every config
 * with the same name and region counts.
 */
export function otherCompute(cluster: ClusterView, all: readonly ClusterView[]): string[] {
  const same = all.filter((c) => c === cluster || (c.name !== undefined && c.name === cluster.name && (str(c.region) ?? '') === (str(cluster.region) ?? '')));
  const groups = [...new Set(same.flatMap((c) => c.nodeGroups.map((ng) => str(ng.get('name')) ?? '(unnamed)')))];
  const out: string[] = [];
  if (groups.length) out.push(`${groups.length === 1 ? 'node group' : 'node groups'} ${groups.join(', ')}`);
  if (same.some((c) => isTrue(c.node.at('autoModeConfig', 'enabled')))) out.push('EKS Auto Mode nodes');
  if (same.some((c) => c.node.get('karpenter'))) out.push('Karpenter nodes');
  return out;
}

/** What an instance family brings, read from its name (`g5.xlarge` -> family `g5`). */
export interface InstanceHardware {
  /** e.g. 'NVIDIA GPU', 'AWS Neuron (Inferentia)'; undefined for no accelerator. */
  accelerator?: string;
  /** The extended resource pods request to use it, when there is a device plugin for it. */
  resource?: string;
  arm: boolean;
}

/**
 * Classifies an EC2 instance type by its family prefix and attributes, as EC2 names
 * them: prefix letters, generation digits, then attribute letters (`c7gn`: c, 7, gn).
 * A `g` right after the generation means Graviton (arm64); `a1` is the first-generation
 * arm family. Returns undefined for text that is not an instance type.
 */
export function classifyInstanceType(type: string): InstanceHardware | undefined {
  const m = /^([a-z]+)(\d+)([a-z0-9-]*)\.[a-z0-9-]+$/.exec(type.trim().toLowerCase());
  if (!m) return undefined;
  const [, prefix, , attrs] = m;
  const family = `${prefix}${m[2]}${attrs}`;
  const arm = attrs.startsWith('g') || family === 'a1';
  const acc = acceleratorOf(prefix, family);
  return { arm, ...acc };
}

function acceleratorOf(prefix: string, family: string): Pick<InstanceHardware, 'accelerator' | 'resource'> {
  switch (prefix) {
    case 'p':
    case 'g':
    case 'gr':
      return family === 'g4ad' ? { accelerator: 'AMD GPU', resource: 'amd.com/gpu' } : { accelerator: 'NVIDIA GPU', resource: 'nvidia.com/gpu' };
    case 'inf':
      return { accelerator: 'AWS Inferentia', resource: 'aws.amazon.com/neuron' };
    case 'trn':
      return { accelerator: 'AWS Trainium', resource: 'aws.amazon.com/neuron' };
    case 'dl':
      return family.startsWith('dl1') ? { accelerator: 'Habana Gaudi', resource: 'habana.ai/gaudi' } : { accelerator: 'Qualcomm AI 100' };
    case 'f':
      return { accelerator: 'FPGA' };
    case 'vt':
      return { accelerator: 'Xilinx video transcoding' };
    default:
      return {};
  }
}

/** Every instance type a node group names: `instanceType`, `instanceTypes`, `instancesDistribution.instanceTypes`. */
export function nodeGroupInstanceTypes(ng: SourceNode): { node: SourceNode; type: string }[] {
  const out: { node: SourceNode; type: string }[] = [];
  const single = ng.get('instanceType');
  const t = str(single);
  // `mixed` is eksctl's placeholder when instancesDistribution lists the types.
  if (single && t && t !== 'mixed') out.push({ node: single, type: t });
  for (const list of [ng.get('instanceTypes'), ng.at('instancesDistribution', 'instanceTypes')]) {
    for (const item of list?.items() ?? []) {
      const v = str(item);
      if (v) out.push({ node: item, type: v });
    }
  }
  return out;
}

/** eksctl's `instanceSelector`: the GPU count and CPU architecture it asks for, when set. */
export function instanceSelectorAsks(ng: SourceNode): { gpus?: SourceNode; arm?: SourceNode } {
  const sel = ng.get('instanceSelector');
  if (!sel || sel.kind !== 'map') return {};
  const gpus = sel.get('gpus');
  const arch = sel.get('cpuArchitecture');
  return {
    gpus: (num(gpus) ?? 0) > 0 ? gpus : undefined,
    arm: /^(arm64|aarch64)$/i.test(str(arch) ?? '') ? arch : undefined,
  };
}
