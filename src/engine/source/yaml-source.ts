import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Alias, Document, Node as YamlNode, Pair, YAMLMap } from 'yaml';
import { walkPath } from './source-node';
import type { SourceNode } from './source-node';
import { errorSpan } from './node-span';
import { blankSpans } from './blank-spans';
import { parseFast } from './fast-yaml';
import type { FastNode } from './fast-yaml';
import { wrapFast } from './fast-source-node';

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
  // Markers are found with indexOf, which runs once over the text per marker kind
  // (this runs on every keystroke, over the whole file).
  let dash = nextMarker(text, '---', 0);
  let dots = nextMarker(text, '...', 0);
  while (dash >= 0 || dots >= 0) {
    if (dots >= 0 && (dash < 0 || dots < dash)) {
      // An end marker closes the document; the next one starts after its line.
      const br = /\r\n?|\n/g;
      br.lastIndex = dots;
      const nl = br.exec(text);
      const next = nl ? nl.index + nl[0].length : text.length;
      if (next < text.length) starts.push(next);
      dots = nextMarker(text, '...', dots + 3);
      continue;
    }
    if (!PREFIX_ONLY.test(text.slice(starts[starts.length - 1], dash))) starts.push(dash);
    dash = nextMarker(text, '---', dash + 3);
  }
  return dedupeSorted(starts);
}

/** The next `---` or `...` at a line start (after CR or LF) followed by a blank, a break or the end. */
function nextMarker(text: string, marker: string, from: number): number {
  for (let i = text.indexOf(marker, from); i >= 0; i = text.indexOf(marker, i + 1)) {
    const before = i === 0 ? 10 : text.charCodeAt(i - 1);
    if (before !== 10 && before !== 13) continue;
    const after = text.charCodeAt(i + 3);
    if (i + 3 >= text.length || after === 32 || after === 9 || after === 10 || after === 13) return i;
  }
  return -1;
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
  /** The tree from the fast reader, when it read the chunk (then `doc` is undefined). */
  fast?: FastNode;
  /** Offsets relative to the chunk. */
  errors: { message: string; start: number; end: number }[];
  empty: boolean;
}

/**
 * Parses one chunk. YAML 1.2 core schema: `yes`/`no` stay strings here; the rules'
 * boolean test (`isTrue` in source-node.ts) reads plain YAML 1.1 spellings as
 * Kubernetes does. Offsets are chunk-relative, so the same parse serves the chunk
 * wherever an edit above it moves it.
 */
export function parseChunk(text: string): ParsedChunk {
  // Most manifests are plain block YAML, which the fast reader takes in one pass;
  // it declines anything it cannot read exactly as yaml would.
  const fast = parseFast(text);
  if (fast) return { text, doc: undefined, fast, errors: [], empty: false };
  return parseChunkWithYaml(text);
}

/** parseChunk through the yaml package only: anything the fast reader declines, and the reference it is tested against. */
export function parseChunkWithYaml(text: string): ParsedChunk {
  let doc: Document.Parsed;
  // yaml recurses once per nesting level. Past about 900 levels it overflows the stack,
  // and two overflows in one document can abort the whole process (V8 fails to compile
  // a regular expression with no stack left: "RegExpCompiler Allocation failed", not a
  // catchable RangeError). So what lies deeper than MAX_NESTING is blanked first.
  const deep = maskDeepNesting(text, MAX_NESTING);
  try {
    doc = parseDocument(deep.text, { uniqueKeys: true, merge: true, prettyErrors: false, strict: false });
  } catch (e) {
    // The parser recurses; a document nested thousands of levels deep can overflow.
    return { text, doc: undefined, empty: false, errors: [{ message: `YAML could not be parsed: ${errorText(e)}`, start: 0, end: Math.min(text.length, 1) }] };
  }
  const errors = doc.errors.map((e) => ({ message: yamlErrorMessage(e, text), ...errorSpan(text, e.pos[0], e.pos[1]) }));
  if (deep.cuts.length) {
    // The blanked parts read as missing values; say why instead.
    const inCut = (o: number) => deep.cuts.some(([a, b]) => o >= a && o <= b);
    errors.splice(0, errors.length, ...errors.filter((e) => !inCut(e.start)));
    errors.unshift({ message: `YAML nested more than ${MAX_NESTING} levels deep: Offload skipped the inner part.`, ...errorSpan(text, deep.cuts[0][0], deep.cuts[0][0] + 1) });
  }
  // yaml reports alias problems only when a value is converted to JS, which the
  // engine avoids; kubectl and docker compose reject such documents outright.
  if (text.includes('*')) errors.push(...aliasProblems(doc, text));
  const contents = doc.contents as YamlNode | null;
  const empty = !contents || (isScalar(contents) && contents.value === null && !contents.range?.[1]);
  return { text, doc, errors: capErrors(errors), empty: empty && errors.length === 0 };
}

/** Deeper than any real manifest (a CRD schema reaches 40), far from yaml's stack limit. */
export const MAX_NESTING = 250;

/**
 * Blanks (with spaces, line breaks kept, so offsets hold) what is nested deeper than
 * `max` levels: a line indented (with `- `, `? ` and `: ` indicators) past 2 × `max`
 * columns, and flow collections opened past `max` levels counting the line's indent
 * as half its columns. A linear scan that errs toward counting too deep, which only
 * costs a document nobody writes by hand.
 */
export function maskDeepNesting(text: string, max: number): { text: string; cuts: [number, number][] } {
  const cuts: [number, number][] = [];
  const n = text.length;
  let flow = 0;
  let block = 0;
  let cutStart = -1;
  let i = 0;
  while (i < n) {
    // At a line start: the block depth of this line, from its indentation and indicators.
    let j = i;
    while (j < n && (text[j] === ' ' || text[j] === '\t')) j++;
    while (j + 1 < n && (text[j] === '-' || text[j] === '?' || text[j] === ':') && (text[j + 1] === ' ' || text[j + 1] === '\t')) {
      j += 2;
      while (j < n && text[j] === ' ') j++;
    }
    block = Math.ceil((j - i) / 2);
    const eol = lineEnd(text, i);
    if (flow === 0 && block > max) {
      cuts.push([i, eol]);
      i = nextLine(text, eol);
      continue;
    }
    // Brackets count wherever they are, in quotes and comments too: skipping quoted text
    // the way yaml does would need yaml's whole grammar, and a wrong guess there would
    // let a deep document through. Counting too many is harmless at this limit.
    for (let k = j; k < eol; k++) {
      const c = text.charCodeAt(k);
      if (c === 0x5b || c === 0x7b) {
        flow++;
        if (cutStart < 0 && flow + block > max) cutStart = k;
      } else if ((c === 0x5d || c === 0x7d) && flow > 0) {
        flow--;
        if (cutStart >= 0 && flow + block <= max) {
          cuts.push([cutStart, k + 1]);
          cutStart = -1;
        }
      }
    }
    i = nextLine(text, eol);
  }
  if (cutStart >= 0) cuts.push([cutStart, n]);
  return { text: blankSpans(text, cuts), cuts };
}

function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (text[i] === '\n' || text[i] === '\r') return i;
  return text.length;
}

function nextLine(text: string, at: number): number {
  if (at >= text.length) return text.length;
  if (text[at] === '\r' && text[at + 1] === '\n') return at + 2;
  return text[at] === '\n' || text[at] === '\r' ? at + 1 : lineEnd(text, at) + 1;
}

/** Errors reported per document: a broken file must not bury the Problems panel. */
export const MAX_ERRORS_PER_DOCUMENT = 20;

function capErrors(all: ParsedChunk['errors']): ParsedChunk['errors'] {
  if (all.length <= 1) return all;
  // An unclosed bracket ten thousand levels deep repeats one error at one place.
  const seen = new Set<string>();
  const errors = all.filter((e) => {
    const key = `${e.start}:${e.message}`;
    return !seen.has(key) && !!seen.add(key);
  });
  if (errors.length <= MAX_ERRORS_PER_DOCUMENT) return errors;
  const kept = errors.slice(0, MAX_ERRORS_PER_DOCUMENT);
  const last = kept[kept.length - 1];
  kept.push({ message: `${errors.length - MAX_ERRORS_PER_DOCUMENT} more YAML errors in this document are not shown; fix the first ones.`, start: last.start, end: last.end });
  return kept;
}

function errorText(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return /call stack/i.test(m) ? 'it is nested too deeply' : m;
}

function yamlErrorMessage(e: { code: string; message: string; pos: [number, number] }, text: string): string {
  const first = e.message.split('\n')[0];
  // A RangeError caught inside the composer surfaces as a bare "Maximum call stack size exceeded".
  if (/call stack/i.test(first)) return 'YAML nested too deeply to read: the rest of this document was skipped.';
  if (e.code === 'DUPLICATE_KEY') {
    const key = /^[^\r\n:]{1,80}/.exec(text.slice(e.pos[0]))?.[0].trim();
    if (key) return `Map keys must be unique: ${key} appears more than once in this map.`;
  }
  return first;
}

/** Saturating node counts: a billion-laughs document must not overflow anything. */
const COUNT_CAP = 1e12;

/**
 * Unknown aliases, aliases inside the node they name, and "billion laughs" expansion,
 * found without expanding anything: one walk, and node sizes memoised per anchor.
 * The expansion test is go-yaml's (kubectl via sigs.k8s.io/yaml, docker compose):
 * more than 100 nodes reached through aliases, more than 1,000 in all, and aliases
 * making up nearly all of them.
 */
function aliasProblems(doc: Document.Parsed, text: string): ParsedChunk['errors'] {
  const targets = aliasTargets(doc);
  if (!targets || targets.size === 0) return [];
  const out: ParsedChunk['errors'] = [];
  const at = (n: YamlNode) => {
    const r = n.range ?? [0, 0, 0];
    return errorSpan(text, r[0], r[1]);
  };
  for (const [alias, target] of targets) {
    if (!target) out.push({ message: `Unknown alias *${alias.source}: no anchor &${alias.source} comes before it.`, ...at(alias) });
  }
  const memo = new Map<YamlNode, number>();
  const open = new Set<YamlNode>();
  const cyclic = new Set<Alias>();
  let written = 0;
  let biggest: { alias: Alias; size: number } | undefined;
  const size = (n: unknown, depth: number, counting: boolean): number => {
    if (!n || typeof n !== 'object') return 0;
    if (isPair(n)) return Math.min(COUNT_CAP, size(n.key, depth, counting) + size(n.value, depth, counting));
    const node = n as YamlNode;
    if (counting) written++;
    if (depth > 500) return 1;
    if (isAlias(node)) {
      const t = targets.get(node);
      if (!t) return 1;
      if (open.has(t)) {
        cyclic.add(node);
        return 1;
      }
      // The target's own nodes are counted as written where it is defined, not here.
      const s = size(t, depth + 1, false);
      if (!biggest || s > biggest.size) biggest = { alias: node, size: s };
      return s;
    }
    if (!isCollection(node)) return 1;
    const known = memo.get(node);
    if (known !== undefined && !counting) return known;
    open.add(node);
    let s = 1;
    for (const item of node.items) s = Math.min(COUNT_CAP, s + size(item, depth + 1, counting));
    open.delete(node);
    memo.set(node, s);
    return s;
  };
  const total = size(doc.contents, 0, true);
  for (const a of cyclic) out.push({ message: `Alias *${a.source} is inside the node it names, so it never ends.`, ...at(a) });
  const aliased = total - written;
  if (biggest && aliased > 100 && total > 1000 && aliased / total > allowedAliasRatio(total)) {
    const n = total >= COUNT_CAP ? 'more than 10^12' : `about ${Math.round(total).toLocaleString('en-US')}`;
    out.push({
      message: `Excessive aliasing: the aliases expand this document to ${n} values from ${written} written (a "billion laughs" document?). kubectl and docker compose reject it; Offload reads it without expanding the aliases.`,
      ...at(biggest.alias),
    });
  }
  return out;
}

/** go-yaml's allowance for alias-expanded nodes, by document size. */
function allowedAliasRatio(total: number): number {
  if (total <= 400_000) return 0.99;
  if (total >= 4_000_000) return 0.1;
  return 0.99 - (0.89 * (total - 400_000)) / 3_600_000;
}

/**
 * What each alias of a document names: the last node with that anchor before it, in
 * document order, as yaml's Alias.resolve() decides, but computed once per document
 * (resolve() walks the whole document on every call). Undefined when the walk fails.
 */
const TARGETS = new WeakMap<Document, Map<Alias, YamlNode | undefined> | null>();

function aliasTargets(doc: Document): Map<Alias, YamlNode | undefined> | undefined {
  let t = TARGETS.get(doc);
  if (t === undefined) {
    t = null;
    try {
      const anchors = new Map<string, YamlNode>();
      const found = new Map<Alias, YamlNode | undefined>();
      visit(doc, {
        Node(_key, node) {
          if (isAlias(node)) found.set(node, anchors.get(node.source));
          else if (node.anchor) anchors.set(node.anchor, node);
        },
      });
      t = found;
    } catch {
      // A document deep enough to overflow the walk: its aliases stay unresolved.
    }
    TARGETS.set(doc, t);
  }
  return t ?? undefined;
}

/** Places a parsed chunk at `base` in its file. Wrappers are lazy, so this costs nothing. */
export function placeChunk(chunk: ParsedChunk, base: number): YamlDocument {
  if (chunk.fast) return { base, text: chunk.text, root: wrapFast(chunk.fast, base), errors: [], empty: false };
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
    return walkPath(this, path);
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
    if (!this.target || !safeToConvert(this.target, this.doc)) return undefined;
    try {
      return this.target.toJS(this.doc, { maxAliasCount: MAX_ALIAS_COUNT });
    } catch {
      return undefined;
    }
  }
}

/**
 * yaml's toJS() turns a collection used as a map key (`? [a]: x`, or `{[{[...` in
 * broken flow text) into a string by printing it, once per enclosing level: 250
 * levels take half a minute. It also recurses once per level. So a subtree with a
 * collection key, deeper than 200 levels or larger than 100,000 nodes (aliases
 * followed) is not converted.
 */
function safeToConvert(root: YamlNode, doc: Document): boolean {
  const stack: [unknown, number][] = [[root, 0]];
  let seen = 0;
  while (stack.length) {
    const [n, depth] = stack.pop()!;
    if (depth > 200 || ++seen > 100_000) return false;
    if (isAlias(n)) stack.push([safeResolve(n, doc), depth + 1]);
    else if (isMap(n)) {
      for (const p of n.items) {
        if (isCollection(p.key) || isAlias(p.key)) return false;
        stack.push([p.value, depth + 1]);
      }
    } else if (isSeq(n)) {
      for (const item of n.items) stack.push([item, depth + 1]);
    }
  }
  return true;
}

function safeResolve(alias: YamlNode, doc: Document): YamlNode | undefined {
  if (!isAlias(alias)) return alias;
  return aliasTargets(doc)?.get(alias);
}

/**
 * With `merge: true`, yaml parses a plain `<<` key to a Scalar whose value is a
 * Symbol, not the string '<<' (a quoted "<<" stays an ordinary key).
 */
function isMergeKey(k: unknown): boolean {
  return isScalar(k) && (typeof k.value === 'symbol' || (k.value === '<<' && k.type === 'PLAIN'));
}

/**
 * Map lookup that honours `<<` merge keys, with a depth bound against merge cycles
 * and each merged map visited once, so merges that fan out (nine maps merging nine
 * copies of the one before) cost one visit per map, not nine to the ninth.
 */
function lookup(map: YAMLMap, key: string, doc: Document, base: number, parent: SourceNode, depth: number, seen?: Set<YAMLMap>): SourceNode | undefined {
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
  const visited = seen ?? new Set<YAMLMap>([map]);
  for (const m of merges) {
    const sources = isSeq(m) ? (m.items as YamlNode[]) : [m];
    for (const s of sources) {
      const t = isAlias(s) ? safeResolve(s, doc) : s;
      if (t && isMap(t) && !visited.has(t)) {
        visited.add(t);
        const found = lookup(t, key, doc, base, parent, depth + 1, visited);
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
