import type { FormatId } from './types';
import type { SourceNode } from './source/source-node';

/**
 * Format-neutral views over parsed documents, in the manner of kube-linter's
 * per-container checks: a Kubernetes container, an ECS container definition and a
 * compose service all answer the same questions, and the format adapters own the
 * key names. Every answer keeps its SourceNode so a finding has a real range.
 */

export interface ParsedDocument {
  file: string;
  /** Index of the document in its file (0-based), and within a List, the item index after a dot. */
  docIndex: number;
  format: FormatId;
  root: SourceNode;
  /** True when the file is a Helm template whose actions were masked before parsing. */
  templated: boolean;
  /** The unmasked file text of a template, so names can be shown as written (`{{ .Release.Name }}-web`). */
  rawText?: string;
}

export interface PortView {
  node: SourceNode;
  containerPort?: number;
  hostPort?: number;
  hostPortNode?: SourceNode;
  protocol?: string;
}

export interface QuantityView {
  node: SourceNode;
  /** vCPU for cpu, MiB for memory; undefined when the value cannot be read. */
  amount: number | undefined;
}

export interface ContainerView {
  name: string;
  node: SourceNode;
  nameNode?: SourceNode;
  /** Kubernetes init containers: they count differently in Fargate pod sizing. */
  init: boolean;
  image?: SourceNode;
  privileged?: SourceNode;
  allowPrivilegeEscalation?: SourceNode;
  ports: PortView[];
  cpuRequest?: QuantityView;
  memoryRequest?: QuantityView;
  cpuLimit?: QuantityView;
  memoryLimit?: QuantityView;
  /** The `resources` (Kubernetes) block, to anchor findings about missing requests. */
  resources?: SourceNode;
  /** Extended resources that need accelerators: nvidia.com/gpu, aws.amazon.com/neuron, ... */
  accelerators: { node: SourceNode; resource: string }[];
  capabilitiesAdd: SourceNode[];
}

export interface PodView {
  /** The pod spec map (Pod.spec, template.spec, jobTemplate...template.spec). */
  spec: SourceNode;
  /** The pod template's metadata (or the Pod's own). */
  metadata?: SourceNode;
  labels: Record<string, string>;
  hostNetwork?: SourceNode;
  hostPID?: SourceNode;
  hostIPC?: SourceNode;
  volumes: SourceNode[];
  nodeSelector?: SourceNode;
  affinity?: SourceNode;
}

export interface WorkloadView {
  id: string;
  name: string;
  kind: string;
  namespace?: string;
  format: FormatId;
  file: string;
  doc: ParsedDocument;
  /** The object's root map (Kubernetes object, task definition, compose service). */
  node: SourceNode;
  /** Where workload-level findings are underlined: the `kind` value, the family, the service key. */
  anchor: SourceNode;
  containers: ContainerView[];
  pod?: PodView;
  /** Kubernetes objects: the `metadata` map. */
  metadata?: SourceNode;
}

/** An eksctl ClusterConfig, indexed for cross-file rules. */
export interface ClusterView {
  file: string;
  doc: ParsedDocument;
  node: SourceNode;
  name?: string;
  version?: SourceNode;
  region?: SourceNode;
  fargateProfiles: FargateProfileView[];
  nodeGroups: SourceNode[];
}

export interface FargateProfileView {
  name: string;
  node: SourceNode;
  selectors: { node: SourceNode; namespace?: string; labels: Record<string, string> }[];
}
