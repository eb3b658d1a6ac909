import type { SourceNode } from './source/source-node';
import type { ClusterView, ParsedDocument, WorkloadView } from './views';

export interface KubernetesObjectRef {
  kind: string;
  name: string;
  namespace?: string;
  apiVersion: string;
  node: SourceNode;
  doc: ParsedDocument;
}

/**
 * The small cross-file index that workspace rules read: which workloads exist,
 * which eksctl clusters and Fargate profiles, and every Kubernetes object by kind
 * and name (so a pod's PVC can be looked up in another file).
 */
export interface WorkspaceIndex {
  readonly workloads: readonly WorkloadView[];
  readonly clusters: readonly ClusterView[];
  readonly objects: readonly KubernetesObjectRef[];
  findObject(kind: string, name: string, namespace?: string): KubernetesObjectRef | undefined;
}

export function buildIndex(workloads: WorkloadView[], clusters: ClusterView[], objects: KubernetesObjectRef[]): WorkspaceIndex {
  const byKey = new Map<string, KubernetesObjectRef>();
  for (const o of objects) {
    byKey.set(`${o.kind}/${o.namespace ?? ''}/${o.name}`, o);
    if (!byKey.has(`${o.kind}//${o.name}`)) byKey.set(`${o.kind}//${o.name}`, o);
  }
  return {
    workloads,
    clusters,
    objects,
    // A manifest without a namespace lands in whatever namespace it is applied to,
    // so a lookup falls back to the name alone.
    findObject: (kind, name, namespace) => byKey.get(`${kind}/${namespace ?? ''}/${name}`) ?? byKey.get(`${kind}//${name}`),
  };
}
