import { FastKind } from './fast-yaml';
import type { FastNode } from './fast-yaml';
import { walkPath } from './source-node';
import type { SourceNode } from './source-node';

/** A SourceNode over the fast reader's tree, placed at `base` in its file. */
export function wrapFast(node: FastNode, base: number): SourceNode {
  return new FastSourceNode(node, base, undefined, undefined, -1, -1);
}

const NO_NODES: SourceNode[] = [];

class FastSourceNode implements SourceNode {
  readonly kind: 'map' | 'seq' | 'scalar';
  readonly value: unknown;
  readonly start: number;
  readonly end: number;
  readonly quoted: boolean;
  /** Children, wrapped once on first use: rules walk the same nodes many times. */
  private wrapped?: SourceNode[];

  constructor(
    private readonly node: FastNode,
    private readonly base: number,
    readonly parent: SourceNode | undefined,
    readonly key: string | undefined,
    private readonly ks: number,
    private readonly ke: number,
  ) {
    this.kind = node.kind === FastKind.Map ? 'map' : node.kind === FastKind.Seq ? 'seq' : 'scalar';
    this.value = node.value;
    this.quoted = node.quoted;
    this.start = base + node.start;
    this.end = base + Math.max(node.start, node.end);
  }

  get keyStart(): number | undefined {
    return this.ks < 0 ? undefined : this.base + this.ks;
  }

  get keyEnd(): number | undefined {
    return this.ke < 0 ? undefined : this.base + this.ke;
  }

  private children(): SourceNode[] {
    if (this.wrapped) return this.wrapped;
    const n = this.node;
    if (!n.children) return (this.wrapped = NO_NODES);
    const out: SourceNode[] = new Array(n.children.length);
    for (let i = 0; i < out.length; i++) {
      out[i] = n.keys ? new FastSourceNode(n.children[i], this.base, this, n.keys[i], n.keyStarts![i], n.keyEnds![i]) : new FastSourceNode(n.children[i], this.base, this, undefined, -1, -1);
    }
    return (this.wrapped = out);
  }

  get(key: string): SourceNode | undefined {
    const keys = this.node.keys;
    if (!keys) return undefined;
    const i = keys.indexOf(key);
    return i < 0 ? undefined : this.children()[i];
  }

  at(...path: (string | number)[]): SourceNode | undefined {
    return walkPath(this, path);
  }

  entries(): SourceNode[] {
    return this.node.kind === FastKind.Map ? this.children().slice() : [];
  }

  items(): SourceNode[] {
    return this.node.kind === FastKind.Seq ? this.children().slice() : [];
  }

  toJS(): unknown {
    return toJS(this.node);
  }
}

function toJS(n: FastNode): unknown {
  if (n.kind === FastKind.Scalar) return n.value;
  if (n.kind === FastKind.Seq) return n.children!.map(toJS);
  const out: Record<string, unknown> = {};
  for (let i = 0; i < n.children!.length; i++) out[n.keys![i]] = toJS(n.children![i]);
  return out;
}
