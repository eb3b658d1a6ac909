/**
 * The session's view of the cross-file index: the entries files contribute, with a
 * change stamp per part, so a rule run records what it read and is repeated only when
 * that part changes (see session.ts).
 */
import type { ClusterView } from '../views';
import type { KubernetesObjectRef, PodRef, WorkspaceIndex } from '../workspace-index';
import { INDEXED_KINDS, assertIndexedKind, findIn } from '../workspace-index';

/** What a file contributes to the index. */
export interface IndexSource {
  contribution: { clusters: ClusterView[]; objects: KubernetesObjectRef[] };
  pods: PodRef[];
}

export class IndexState {
  private next = 1;
  private readonly stamps = new Map<string, number>();
  /** Keys whose stamp changed since the last `takeBumped()`. */
  private bumped = new Set<string>();
  private clusterList: ClusterView[] | undefined;
  private kindLists = new Map<string, KubernetesObjectRef[]>();
  private byName: Map<string, KubernetesObjectRef[]> | undefined;
  private podList: PodRef[] | undefined;

  constructor(private readonly files: () => readonly IndexSource[]) {}

  /** Changes whenever any stamp does: a run that saw this generation saw every stamp as it is. */
  get generation(): number {
    return this.next;
  }

  stamp(key: string): number {
    return this.stamps.get(key) ?? 0;
  }

  /**
   * A part of the index changed. Every key has a twin, `@key`, stamped when its entries
   * only moved (a document above them in their file grew or shrank): a run whose
   * findings lie inside its own document reads nothing position-dependent from the
   * index, so it ignores those stamps (see `current`).
   */
  bump(key: string): void {
    this.stamps.set(key, this.next);
    this.move(key);
  }

  /** The entries of `key` are the same but at new offsets (new views of unchanged documents). */
  move(key: string): void {
    this.stamps.set(`@${key}`, this.next++);
    this.bumped.add(key);
    if (key === 'clusters') this.clusterList = undefined;
    else if (key === 'pods') this.podList = undefined;
    else if (key.startsWith('kind:')) {
      this.kindLists.delete(key.slice(5));
      this.byName = undefined;
    }
  }

  /** Everything cached from the lists is invalid (file order changed). */
  reorder(): void {
    for (const k of ['clusters', 'pods']) this.bump(k);
    for (const kind of INDEXED_KINDS) this.bump(`kind:${kind}`);
  }

  takeBumped(): Set<string> {
    const b = this.bumped;
    this.bumped = new Set();
    return b;
  }

  /** Whether a run's reads are all as it saw them; a `local` run ignores moves. */
  current(deps: Map<string, number>, local = false): boolean {
    for (const [k, v] of deps) {
      if (local && k.charCodeAt(0) === 64 /* @ */) continue;
      if ((this.stamps.get(k) ?? 0) !== v) return false;
    }
    return true;
  }

  private read(deps: Map<string, number>, key: string): void {
    deps.set(key, this.stamp(key));
    deps.set(`@${key}`, this.stamp(`@${key}`));
  }

  clusters(): ClusterView[] {
    return (this.clusterList ??= this.files().flatMap((f) => f.contribution.clusters));
  }

  objectsOfKind(kind: string): KubernetesObjectRef[] {
    let l = this.kindLists.get(kind);
    if (!l) {
      l = [];
      for (const f of this.files()) for (const o of f.contribution.objects) if (o.kind === kind) l.push(o);
      this.kindLists.set(kind, l);
    }
    return l;
  }

  find(kind: string, name: string, namespace: string | undefined): KubernetesObjectRef | undefined {
    if (!this.byName) {
      this.byName = new Map();
      for (const f of this.files()) {
        for (const o of f.contribution.objects) {
          const k = `${o.kind}\u0000${o.name}`;
          (this.byName.get(k) ?? this.byName.set(k, []).get(k)!).push(o);
        }
      }
    }
    const list = this.byName.get(`${kind}\u0000${name}`);
    return list ? findIn(list, namespace) : undefined;
  }

  pods(): PodRef[] {
    return (this.podList ??= this.files().flatMap((f) => f.pods));
  }

  /**
   * The index as a rule sees it. Every read records the stamp of the part it read in
   * `deps`, so the run can later be checked for staleness without re-running it.
   */
  tracked(deps: Map<string, number>, who: 'workspace' | 'index'): WorkspaceIndex {
    const self = this;
    return {
      get clusters() {
        self.read(deps, 'clusters');
        return self.clusters();
      },
      get pods() {
        if (who !== 'index') throw new Error('only index rules read ctx.index.pods: a workspace rule checks one document at a time');
        self.read(deps, 'pods');
        return self.pods();
      },
      objectsOfKind(kind: string) {
        assertIndexedKind(kind);
        self.read(deps, `kind:${kind}`);
        return self.objectsOfKind(kind);
      },
      findObject(kind: string, name: string, namespace?: string) {
        assertIndexedKind(kind);
        self.read(deps, `obj:${kind}\u0000${name}`);
        return self.find(kind, name, namespace);
      },
    };
  }
}

/** The index as document rules see it: they must not read it, so their findings can be cached by content. */
export const NO_INDEX: WorkspaceIndex = {
  get clusters(): never {
    throw new Error('document rules cannot read the workspace index; make the rule a workspace rule');
  },
  get pods(): never {
    throw new Error('document rules cannot read the workspace index; make the rule a workspace rule');
  },
  objectsOfKind(): never {
    throw new Error('document rules cannot read the workspace index; make the rule a workspace rule');
  },
  findObject(): never {
    throw new Error('document rules cannot read the workspace index; make the rule a workspace rule');
  },
};

/** Whether two lists of pods are the same facts (the index's pods part is unchanged). */
export function samePods(a: readonly PodRef[], b: readonly PodRef[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x.workloadId !== y.workloadId || x.kind !== y.kind || x.name !== y.name || x.format !== y.format || x.namespace !== y.namespace || x.templated !== y.templated) return false;
    const kx = Object.keys(x.labels);
    const ky = Object.keys(y.labels);
    if (kx.length !== ky.length || kx.some((k, j) => k !== ky[j] || x.labels[k] !== y.labels[k])) return false;
  }
  return true;
}
