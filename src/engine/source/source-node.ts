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

/** A node's string value, or undefined when it is not a string/number scalar. */
export function str(node: SourceNode | undefined): string | undefined {
  if (!node || node.kind !== 'scalar') return undefined;
  const v = node.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  return undefined;
}

/** True when the node is the boolean `true` (YAML 1.2 core schema, so `yes` is a string). */
export function isTrue(node: SourceNode | undefined): boolean {
  return !!node && node.kind === 'scalar' && node.value === true;
}

/** A number value, accepting numeric strings such as `"512"`. */
export function num(node: SourceNode | undefined): number | undefined {
  if (!node || node.kind !== 'scalar') return undefined;
  const v = node.value;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}
