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
 *
 * Only CR and LF break lines in YAML: JavaScript's multiline `^` also matches after
 * U+2028/U+2029, which yaml treats as content, so line starts are found by hand.
 * Directives (`%YAML`) and comments before a `---` belong to the document it opens,
 * as in yaml's own parseAllDocuments, so they stay in its chunk.
 */
export function splitYamlDocuments(text: string): number[] {
  const starts = [0];
  const re = /(?<![^\r\n])(---|\.\.\.)(?=[ \t\r\n]|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[1] === '...') {
      // An end marker closes the document; the next one starts after its line.
      const br = /\r\n?|\n/g;
      br.lastIndex = m.index;
      const nl = br.exec(text);
      const next = nl ? nl.index + nl[0].length : text.length;
      if (next < text.length) starts.push(next);
      continue;
    }
    if (!PREFIX_ONLY.test(text.slice(starts[starts.length - 1], m.index))) starts.push(m.index);
  }
  return dedupeSorted(starts);
}

/** Blank, comment and directive lines only: a document prefix, not a document. */
const PREFIX_ONLY = /^(?:(?:[ \t]*(?:#[^\r\n]*)?|%[^\r\n]*)(?:\r\n?|\n|$))*$/;

function dedupeSorted(a: number[]): number[] {
  const out: number[] = [];
  for (const v of a) if (out[out.length - 1] !== v) out.push(v);
  return out;
}

/** The base-independent result of parsing one chunk: what the cache keeps. */
export interface ParsedChunk {
  text: string;
  doc: Document.Parsed | undefined;
  /** Offsets relative to the chunk. */
  errors: { message: string; start: number; end: number }[];
  empty: boolean;
}

/**
 * Parses one chunk. YAML 1.2 core schema: `yes`/`no` stay strings, which is the
 * safer reading for rules (we never read `privileged: yes` as false silently; the
 * robustness checks flag YAML 1.1 booleans separately). Offsets are chunk-relative,
 * so the same parse serves the chunk wherever an edit above it moves it.
 */
export function parseChunk(text: string): ParsedChunk {
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { uniqueKeys: true, merge: true, prettyErrors: false, strict: false });
  } catch (e) {
    // The parser recurses; a document nested thousands of levels deep can overflow.
    return { text, doc: undefined, empty: false, errors: [{ message: `YAML could not be parsed: ${(e as Error).message}`, start: 0, end: Math.min(text.length, 1) }] };
  }
  const errors = doc.errors.map((e) => ({ message: e.message.split('\n')[0], start: e.pos[0], end: Math.max(e.pos[1], e.pos[0]) }));
  const contents = doc.contents as YamlNode | null;
  const empty = !contents || (isScalar(contents) && contents.value === null && !contents.range?.[1]);
  return { text, doc, errors, empty: empty && errors.length === 0 };
}

/** Places a parsed chunk at `base` in its file. Wrappers are lazy, so this costs nothing. */
export function placeChunk(chunk: ParsedChunk, base: number): YamlDocument {
  const contents = chunk.doc?.contents as YamlNode | null | undefined;
  return {
    base,
    text: chunk.text,
    root: contents && chunk.doc ? wrap(contents, chunk.doc, base, undefined, undefined) : undefined,
    errors: chunk.errors.map((e) => ({ message: e.message, start: base + e.start, end: base + e.end })),
    empty: chunk.empty,
  };
}

export function parseYamlChunk(text: string, base: number): YamlDocument {
  return placeChunk(parseChunk(text), base);
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
      if (isMergeKey(p.key)) continue;
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

/**
 * With `merge: true`, yaml parses a plain `<<` key to a Scalar whose value is a
 * Symbol, not the string '<<' (a quoted "<<" stays an ordinary key).
 */
function isMergeKey(k: unknown): boolean {
  return isScalar(k) && (typeof k.value === 'symbol' || (k.value === '<<' && k.type === 'PLAIN'));
}

/** Map lookup that honours `<<` merge keys, with a depth bound against merge cycles. */
function lookup(map: YAMLMap, key: string, doc: Document, base: number, parent: SourceNode, depth: number): SourceNode | undefined {
  let merges: YamlNode[] | undefined;
  for (const p of map.items) {
    const k = p.key;
    if (isMergeKey(k)) {
      if (p.value) (merges ??= []).push(p.value as YamlNode);
      continue;
    }
    const name = isScalar(k) ? String(k.value) : undefined;
    if (name === key) return p.value ? wrap(p.value as YamlNode, doc, base, parent, p) : nullValue(p, base, parent);
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
