import type { FormatId } from './types';
import type { SourceNode } from './source/source-node';
import type { ClusterView, ParsedDocument } from './views';

export interface KubernetesObjectRef {
  kind: string;
  name: string;
  namespace?: string;
  apiVersion: string;
  node: SourceNode;
  doc: ParsedDocument;
}

/**
 * A Kubernetes workload with a pod template, as plain facts: what `index` rules read to
 * aggregate over every workload (Fargate profile selectors against pod placements)
 * without the parse of every file in memory.
 */
export interface PodRef {
  workloadId: string;
  file: string;
  kind: string;
  name: string;
  format: FormatId;
  /** `metadata.namespace` as written, when it is. */
  namespace?: string;
  /** The file is a Helm template: the namespace and label values may be template actions. */
  templated: boolean;
  /** The pod template's labels. */
  labels: Record<string, string>;
}

/**
 * Kinds the index holds, so a rule can look them up in another file. The index holds
 * only these (and the eksctl clusters), which keeps it small: a rule that needs another
 * kind across files adds it here, and the session's pre-scan needle with it.
 */
export const INDEXED_KINDS: ReadonlySet<string> = new Set(['PersistentVolumeClaim', 'PersistentVolume', 'StorageClass']);

/**
 * Text that every document holding an indexed object or an eksctl ClusterConfig
 * contains. The engine parses such documents first (they decide the target version
 * and feed cross-file rules); a backslash is there because an escape in a quoted
 * scalar can spell a kind without its letters.
 */
export const INDEX_NEEDLES: readonly string[] = ['ClusterConfig', 'PersistentVolume', 'StorageClass', '\\'];

/**
 * The small cross-file index that workspace and index rules read: the eksctl clusters,
 * the Kubernetes objects of {@link INDEXED_KINDS} by kind and name (a pod's claim in
 * another file), and every pod's placement. The session records what each rule run
 * read from it, so a run is repeated only when that part changes.
 */
export interface WorkspaceIndex {
  /** eksctl ClusterConfigs, in file order. */
  readonly clusters: readonly ClusterView[];
  /** Every Kubernetes workload with a pod template, in file order. Only `index` rules may read it. */
  readonly pods: readonly PodRef[];
  /** The objects of one indexed kind, in file order. */
  objectsOfKind(kind: string): readonly KubernetesObjectRef[];
  /**
   * An object of an indexed kind by name. A manifest without a namespace lands in
   * whatever namespace it is applied to, so a lookup falls back to the name alone.
   */
  findObject(kind: string, name: string, namespace?: string): KubernetesObjectRef | undefined;
}

/**
 * `findObject` over objects in file order, with the semantics of a map filled in that
 * order: the exact namespace wins (the last such object), else the last object without
 * a namespace, else the first object of that name.
 */
export function findIn(list: readonly KubernetesObjectRef[], namespace: string | undefined): KubernetesObjectRef | undefined {
  const ns = namespace ?? '';
  let exact: KubernetesObjectRef | undefined;
  let bare: KubernetesObjectRef | undefined;
  for (const o of list) {
    if ((o.namespace ?? '') === ns) exact = o;
    if ((o.namespace ?? '') === '') bare = o;
  }
  return exact ?? bare ?? list[0];
}

export function assertIndexedKind(kind: string): void {
  if (!INDEXED_KINDS.has(kind)) throw new Error(`the workspace index holds no ${kind} objects; add the kind to INDEXED_KINDS (src/engine/workspace-index.ts)`);
}

/** A plain index over complete lists, for one-off callers and tests. */
export function buildIndex(clusters: ClusterView[], objects: KubernetesObjectRef[], pods: PodRef[] = []): WorkspaceIndex {
  const byName = new Map<string, KubernetesObjectRef[]>();
  for (const o of objects) {
    const k = `${o.kind}\u0000${o.name}`;
    (byName.get(k) ?? byName.set(k, []).get(k)!).push(o);
  }
  return {
    clusters,
    pods,
    objectsOfKind: (kind) => {
      assertIndexedKind(kind);
      return objects.filter((o) => o.kind === kind);
    },
    findObject: (kind, name, namespace) => {
      assertIndexedKind(kind);
      const list = byName.get(`${kind}\u0000${name}`);
      return list ? findIn(list, namespace) : undefined;
    },
  };
}
