/**
 * A format-neutral view of one parsed value (YAML or JSON) that keeps where it
 * came from. Rules and format adapters only ever see this interface, so a rule
 * written for a Kubernetes manifest works the same on `kubectl get -o json` output.
 *
 * Offsets are into the whole file text (not the document), so any node converts
 * to a Range through the file's single LineIndex.
 */
export interface SourceNode {
  readonly kind: 'map' | 'seq' | 'scalar';
  /** The scalar's value (string, number, boolean or null). Undefined for maps and sequences. */
  readonly value: unknown;
  /** Start of the value (after any anchor/tag). */
  readonly start: number;
  /** End of the value itself: never trailing comments or the line break. */
  readonly end: number;
  /** The key this node is the value of, when its parent is a map. */
  readonly key?: string;
  readonly keyStart?: number;
  readonly keyEnd?: number;
  /** The map or sequence that holds this node. */
  readonly parent?: SourceNode;
  /** True when the scalar was written quoted (`"1.0"`), which matters for type checks. */
  readonly quoted?: boolean;
  /** Map lookup (merge keys `<<` included for YAML). Undefined for a missing key or a non-map. */
  get(key: string): SourceNode | undefined;
  /** Walks a path of keys and sequence indexes. */
  at(...path: (string | number)[]): SourceNode | undefined;
  /** Map entries in source order. Empty for non-maps. */
  entries(): SourceNode[];
  /** Sequence items in source order. Empty for non-sequences. */
  items(): SourceNode[];
  /** A plain JS copy of the value; aliases are expanded with a bound, so this never explodes. */
  toJS(): unknown;
}

/** `node.at(...path)` for every SourceNode: keys for maps, indexes for sequences. */
export function walkPath(node: SourceNode, path: readonly (string | number)[]): SourceNode | undefined {
  let cur: SourceNode | undefined = node;
  for (const p of path) {
    if (!cur) return undefined;
    cur = typeof p === 'number' ? cur.items()[p] : cur.get(p);
  }
  return cur;
}

/** A node's string value, or undefined when it is not a string/number scalar. */
export function str(node: SourceNode | undefined): string | undefined {
  if (!node || node.kind !== 'scalar') return undefined;
  const v = node.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  return undefined;
}

/**
 * The plain scalars YAML 1.1 reads as true besides `true`/`True`/`TRUE` (go-yaml v2's
 * table, exactly: `yEs` is a string there too).
 */
const YAML11_TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON']);

/**
 * True when the node means the boolean `true` to the tool that reads the manifest.
 * The parser follows YAML 1.2 (`yes` is a string), but kubectl and eksctl read YAML
 * 1.1 through sigs.k8s.io/yaml, where a plain `privileged: yes` or `hostNetwork: on`
 * is true; so a plain (unquoted) YAML 1.1 spelling counts as true here. A quoted
 * "yes" stays a string, as it does for Kubernetes (which then rejects the manifest),
 * and JSON strings are always quoted. We chose this over a separate finding so that
 * the rules judge what the cluster will actually run.
 */
export function isTrue(node: SourceNode | undefined): boolean {
  if (!node || node.kind !== 'scalar') return false;
  return node.value === true || (typeof node.value === 'string' && !node.quoted && YAML11_TRUE.has(node.value));
}

/** A number value, accepting numeric strings such as `"512"`. */
export function num(node: SourceNode | undefined): number | undefined {
  if (!node || node.kind !== 'scalar') return undefined;
  const v = node.value;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}
