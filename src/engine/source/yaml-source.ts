import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node as YamlNode, Pair, YAMLMap } from 'yaml';
import type { SourceNode } from './source-node';

/** Bound for alias expansion in toJS(), so a "billion laughs" document cannot explode. */
const MAX_ALIAS_COUNT = 100;

export interface YamlDocument {
  /** Offset of the chunk in the file; all node offsets already include it. */
  base: number;
  /** The chunk's own text, which is the cache key. */
  text: string;
  root: SourceNode | undefined;
  errors: { message: string; start: number; end: number }[];
  /** Comment-only or empty chunk. */
  empty: boolean;
}

/**
 * Splits a YAML stream on document markers without parsing it. `---` (and `...`) at
 * column 0 always start a new document in YAML 1.2, even inside a block scalar, so a
 * line scan is exact. This lets the engine re-parse only the documents an edit touched.
 * Returns chunk start offsets; every chunk runs to the next start.
 */
export function splitYamlDocuments(text: string): number[] {
  const starts = [0];
  // Directives (%YAML) bind to the following marker; splitting would orphan them, so
  // such streams are parsed as one chunk (yaml still sees every document).
  if (/^%/m.test(text)) return starts;
  const re = /^(---|\.\.\.)(?=[ \t\r\n]|$)/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m.index === 0) continue;
    if (m[1] === '...') {
      // An end marker closes the document; the next one starts after its line.
      const nl = text.indexOf('\n', m.index);
      if (nl >= 0 && nl + 1 < text.length) starts.push(nl + 1);
      continue;
    }
    starts.push(m.index);
  }
  return dedupeSorted(starts);
}

function dedupeSorted(a: number[]): number[] {
  const out: number[] = [];
  for (const v of a) if (out[out.length - 1] !== v) out.push(v);
  return out;
}

/**
 * Parses one chunk. Uses YAML 1.2 core schema (what Kubernetes' sigs.k8s.io/yaml
 * effectively sees for booleans is 1.1, but 1.2 keeps `yes`/`no` as strings, which
 * is the safer reading for rules: we never treat `privileged: yes` as false silently;
 * the robustness rules flag 1.1 booleans separately).
 */
export function parseYamlChunk(text: string, base: number): YamlDocument {
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { uniqueKeys: true, merge: true, prettyErrors: false, strict: false });
  } catch (e) {
    // The parser recurses; a document nested thousands of levels deep can overflow.
    return { base, text, root: undefined, empty: false, errors: [{ message: `YAML could not be parsed: ${(e as Error).message}`, start: base, end: base + Math.min(text.length, 1) }] };
  }
  const errors = doc.errors.map((e) => ({
    message: e.message.split('\n')[0],
    start: base + e.pos[0],
    end: base + Math.max(e.pos[1], e.pos[0]),
  }));
  const contents = doc.contents as YamlNode | null;
  const root = contents ? wrap(contents, doc, base, undefined, undefined) : undefined;
  const empty = !contents || (isScalar(contents) && contents.value === null && !contents.range?.[1]);
  return { base, text, root, errors, empty: empty && errors.length === 0 };
}

function wrap(node: YamlNode, doc: Document, base: number, parent: SourceNode | undefined, pair: Pair | undefined): SourceNode {
  return new YamlSourceNode(node, doc, base, parent, pair);
}

class YamlSourceNode implements SourceNode {
  readonly kind: 'map' | 'seq' | 'scalar';
  readonly value: unknown;
  readonly start: number;
  readonly end: number;
  readonly key?: string;
  readonly keyStart?: number;
  readonly keyEnd?: number;
  readonly quoted?: boolean;
  /** The node the data comes from: for an alias, the anchored node. */
  private readonly target: YamlNode | undefined;

  constructor(
    node: YamlNode,
    private readonly doc: Document,
    private readonly base: number,
    readonly parent: SourceNode | undefined,
    pair: Pair | undefined,
  ) {
    // Where it is written (the alias itself), and what it means (the anchor's node).
    const target = isAlias(node) ? safeResolve(node, doc) : node;
    this.target = target;
    this.kind = target && isMap(target) ? 'map' : target && isSeq(target) ? 'seq' : 'scalar';
    this.value = target && isScalar(target) ? target.value : undefined;
    this.quoted = !!target && isScalar(target) && (target.type === 'QUOTE_DOUBLE' || target.type === 'QUOTE_SINGLE');
    const r = node.range ?? [0, 0, 0];
    this.start = base + r[0];
    this.end = base + Math.max(r[0], r[1]);
    if (pair) {
      const k = pair.key as YamlNode | null;
      if (k && isScalar(k)) {
        this.key = String(k.value);
        if (k.range) {
          this.keyStart = base + k.range[0];
          this.keyEnd = base + k.range[1];
        }
      }
    }
  }

  get(key: string): SourceNode | undefined {
    if (!this.target || !isMap(this.target)) return undefined;
    return lookup(this.target, key, this.doc, this.base, this, 0);
  }

  at(...path: (string | number)[]): SourceNode | undefined {
    let cur: SourceNode | undefined = this;
    for (const p of path) {
      if (!cur) return undefined;
      cur = typeof p === 'number' ? cur.items()[p] : cur.get(p);
    }
    return cur;
  }

  entries(): SourceNode[] {
    if (!this.target || !isMap(this.target)) return [];
    const out: SourceNode[] = [];
    for (const p of this.target.items) {
      if (isScalar(p.key) && p.key.value === '<<') continue;
      if (p.value) out.push(wrap(p.value as YamlNode, this.doc, this.base, this, p));
      else out.push(nullValue(p, this.base, this));
    }
    return out;
  }

  items(): SourceNode[] {
    if (!this.target || !isSeq(this.target)) return [];
    return this.target.items.filter((n): n is YamlNode => !!n && typeof n === 'object').map((n) => wrap(n, this.doc, this.base, this, undefined));
  }

  toJS(): unknown {
    if (!this.target) return undefined;
    try {
      return this.target.toJS(this.doc, { maxAliasCount: MAX_ALIAS_COUNT });
    } catch {
      return undefined;
    }
  }
}

function safeResolve(alias: YamlNode, doc: Document): YamlNode | undefined {
  try {
    return (isAlias(alias) ? alias.resolve(doc) : alias) as YamlNode | undefined;
  } catch {
    return undefined;
  }
}

/** Map lookup that honours `<<` merge keys, with a depth bound against merge cycles. */
function lookup(map: YAMLMap, key: string, doc: Document, base: number, parent: SourceNode, depth: number): SourceNode | undefined {
  let merges: YamlNode[] | undefined;
  for (const p of map.items) {
    const k = p.key;
    const name = isScalar(k) ? String(k.value) : undefined;
    if (name === key) return p.value ? wrap(p.value as YamlNode, doc, base, parent, p) : nullValue(p, base, parent);
    if (name === '<<' && p.value) (merges ??= []).push(p.value as YamlNode);
  }
  if (!merges || depth > 8) return undefined;
  for (const m of merges) {
    const sources = isSeq(m) ? (m.items as YamlNode[]) : [m];
    for (const s of sources) {
      const t = isAlias(s) ? safeResolve(s, doc) : s;
      if (t && isMap(t)) {
        const found = lookup(t, key, doc, base, parent, depth + 1);
        if (found) return found;
      }
    }
  }
  return undefined;
}

/** `key:` with nothing after it: a null scalar anchored at the key. */
function nullValue(p: Pair, base: number, parent: SourceNode): SourceNode {
  const k = p.key as YamlNode | null;
  const kr = (k && isScalar(k) && k.range) || [0, 0, 0];
  const keyName = k && isScalar(k) ? String(k.value) : undefined;
  const node: SourceNode = {
    kind: 'scalar',
    value: null,
    start: base + kr[0],
    end: base + kr[1],
    key: keyName,
    keyStart: base + kr[0],
    keyEnd: base + kr[1],
    parent,
    get: () => undefined,
    at: () => undefined,
    entries: () => [],
    items: () => [],
    toJS: () => null,
  };
  return node;
}

export function isPairNode(x: unknown): x is Pair {
  return isPair(x);
}
