/**
 * A fast reader for the plain subset of YAML that nearly every manifest is written
 * in: block maps and sequences indented with spaces, one-line plain and quoted
 * scalars, one-line flow collections, literal and folded block scalars, comments.
 *
 * Why: the cold scan was twice the cost of `yaml`'s parseAllDocuments, half of it
 * yaml's generator-based lexer, parser and composer (issue 8). Reading this subset
 * directly, in one pass over character codes, costs a fraction of that and builds a
 * tree a fraction of the size.
 *
 * How it stays correct: it accepts a document only when it is sure to read it as
 * `yaml` does, and returns undefined for anything else (anchors, aliases, tags,
 * multi-line plain or quoted scalars, flow collections across lines, tabs, CR line
 * breaks, escapes, duplicate or merge keys, odd indentation, any syntax error...),
 * and the caller then parses with `yaml`. Every node's value, kind, key and range
 * (the ends included, which yaml extends over trailing comments in ways that come
 * from its CST: see `closeCollection` and `afterLine`) must equal yaml's; the
 * differential tests in test/unit/source/fast-yaml.test.ts compare the two trees
 * on the fixtures, the examples, the benchmark corpus and generated documents.
 */

export const enum FastKind {
  Scalar = 0,
  Map = 1,
  Seq = 2,
}

/** A node as yaml would compose it, reduced to what SourceNode reads. Offsets are chunk-relative. */
export interface FastNode {
  kind: FastKind;
  value: unknown;
  quoted: boolean;
  start: number;
  /** yaml's range[1]. */
  end: number;
  /** Map keys, as String(key value), with their spans; parallel to `children`. */
  keys?: string[];
  keyStarts?: number[];
  keyEnds?: number[];
  children?: FastNode[];
}

/** Nesting beyond this is left to yaml: no manifest comes near it, and the reader recurses. */
const MAX_DEPTH = 60;

/** Thrown (and caught in parseFast) when the text is outside the subset. */
class Bail {}
const BAIL = new Bail();

const LF = 10;
const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const DQUOTE = 34;
const SQUOTE = 39;

/** Characters that rule a document out at once: tabs, CR, other controls, BOM, DEL and C1. */
const OUTSIDE = /[\t\r\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff]/;

/** A node with yaml's range[2]: how far its tokens reach, which is where its parent's range ends. */
interface Read {
  node: FastNode;
  end2: number;
}

/**
 * Reads one document (a chunk from splitYamlDocuments) or returns undefined when it
 * is outside the subset, or empty.
 */
export function parseFast(text: string): FastNode | undefined {
  // CRLF files (Windows checkouts) are read with LF breaks and their offsets mapped
  // back; a lone CR is a line break to yaml but not here, and mixed breaks would need
  // a map per line, so such text is declined.
  const crlf = text.includes('\r');
  if (crlf && (LONE_CR.test(text) || BARE_LF.test(text))) return undefined;
  const t = crlf ? text.replace(/\r\n/g, '\n') : text;
  if (OUTSIDE.test(t)) return undefined;
  let root: FastNode | undefined;
  try {
    root = new Reader(t).document();
  } catch (e) {
    if (e === BAIL) return undefined;
    throw e;
  }
  if (root && crlf) remap(root, lineFeeds(t));
  return root;
}

const LONE_CR = /\r(?!\n)/;
/** An LF without its CR: mixed line breaks, which the offset mapping does not model. */
const BARE_LF = /(?:^|[^\r])\n/;

function lineFeeds(t: string): number[] {
  const out: number[] = [];
  for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) out.push(i);
  return out;
}

/** An offset in the LF text to the CRLF text: one more character for every line break before it. */
function toCrlf(lf: readonly number[], p: number): number {
  let lo = 0;
  let hi = lf.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lf[mid] < p) lo = mid + 1;
    else hi = mid;
  }
  return p + lo;
}

function remap(n: FastNode, lf: readonly number[]): void {
  n.start = toCrlf(lf, n.start);
  n.end = toCrlf(lf, n.end);
  if (n.keyStarts) {
    for (let i = 0; i < n.keyStarts.length; i++) {
      n.keyStarts[i] = toCrlf(lf, n.keyStarts[i]);
      n.keyEnds![i] = toCrlf(lf, n.keyEnds![i]);
    }
  }
  if (n.children) for (const c of n.children) remap(c, lf);
}

/** Where the reader stands between lines: the next content line, and the comments it passed. */
class Reader {
  private readonly n: number;
  /** The next content line: its start, its indent, and where its content starts; lineStart = n at the end. */
  private lineStart = 0;
  private indent = 0;
  private content = 0;
  /**
   * Comment lines read since the last value that did not attach to it: yaml keeps
   * them as an item of the innermost collection, which hands them to its parent when
   * it closes unless one is indented at least as far as the collection itself.
   */
  private pendingComment = false;
  private pendingMaxIndent = -1;

  constructor(private readonly t: string) {
    this.n = t.length;
  }

  document(): FastNode | undefined {
    const t = this.t;
    let p = 0;
    let marker = false;
    // The prefix: blank and comment lines, and one `---` line.
    for (;;) {
      if (p >= this.n) return undefined;
      const sp = this.spaces(p);
      const c = t.charCodeAt(sp);
      if (sp >= this.n || c === LF || c === HASH) {
        p = this.nextLine(sp);
        continue;
      }
      if (sp === p && t.startsWith('---', p) && (p + 3 >= this.n || t.charCodeAt(p + 3) === LF || t.charCodeAt(p + 3) === SPACE)) {
        if (marker) throw BAIL;
        marker = true;
        const q = this.spaces(p + 3);
        if (q < this.n && t.charCodeAt(q) !== LF && !(t.charCodeAt(q) === HASH && q > p + 3)) throw BAIL;
        p = this.nextLine(q);
        continue;
      }
      if (sp !== p) throw BAIL;
      this.setLine(p, 0, p);
      break;
    }
    this.checkContentLine();
    const r = this.blockNode(-1, false);
    if (this.lineStart < this.n) throw BAIL;
    return r.node;
  }

  // -------------------------------------------------------------------------
  // Lines

  private spaces(p: number): number {
    while (p < this.n && this.t.charCodeAt(p) === SPACE) p++;
    return p;
  }

  /** The offset after the line break of the line holding p (n at the end). */
  private nextLine(p: number): number {
    const i = this.t.indexOf('\n', p);
    return i < 0 ? this.n : i + 1;
  }

  private setLine(start: number, indent: number, content: number): void {
    this.lineStart = start;
    this.indent = indent;
    this.content = content;
  }

  /** `---` and `...` at column 0 end a document; directives start one. */
  private checkContentLine(): void {
    const t = this.t;
    const p = this.content;
    if (this.indent === 0 && (t.startsWith('---', p) || t.startsWith('...', p) || t.charCodeAt(p) === 37 /* % */)) throw BAIL;
  }

  /**
   * Moves past blank and comment lines from `p` (a line start) to the next content
   * line. `attach` is the value just read, when comment lines indented deeper than
   * its collection (`indent`) extend it, as yaml's parser attaches them; returns
   * the value's new range[2].
   */
  private trivia(p: number, indent: number, attachEnd: number | undefined): { end2: number; comment: boolean } {
    const t = this.t;
    let end2 = attachEnd ?? -1;
    let comment = false;
    for (;;) {
      if (p >= this.n) {
        this.setLine(this.n, -1, this.n);
        return { end2, comment };
      }
      const sp = this.spaces(p);
      if (sp >= this.n) {
        // Spaces at the end of the text: nothing follows.
        this.setLine(this.n, -1, this.n);
        return { end2, comment };
      }
      const c = t.charCodeAt(sp);
      if (c === LF) {
        p = sp + 1;
        continue;
      }
      if (c === HASH) {
        comment = true;
        const k = sp - p;
        const next = this.nextLine(sp);
        if (attachEnd !== undefined && !this.pendingComment && k > indent) end2 = next;
        else {
          this.pendingComment = true;
          if (k > this.pendingMaxIndent) this.pendingMaxIndent = k;
        }
        p = next;
        continue;
      }
      this.setLine(p, sp - p, sp);
      this.checkContentLine();
      return { end2, comment };
    }
  }

  // -------------------------------------------------------------------------
  // Block collections

  /** The node at the current content line, for a parent collection at `parentIndent`. */
  private blockNode(parentIndent: number, sameIndentSeq: boolean): Read {
    const p = this.content;
    // Deep documents are yaml's (and maskDeepNesting's) business; this reader recurses too.
    if (this.indent > 2 * MAX_DEPTH) throw BAIL;
    if (this.isSeqIndicator(p)) return this.seq(this.indent, p, sameIndentSeq);
    if (this.indent <= parentIndent) throw BAIL;
    if (this.keyEnd(p) < 0) throw BAIL;
    return this.map(this.indent, p);
  }

  private isSeqIndicator(p: number): boolean {
    if (this.t.charCodeAt(p) !== DASH) return false;
    const c = this.t.charCodeAt(p + 1);
    return p + 1 >= this.n || c === SPACE || c === LF;
  }

  /** yaml's range[2] of a closed collection: its last value's, or past comments it keeps. */
  private closeCollection(node: FastNode, indent: number, lastEnd2: number): Read {
    node.end = lastEnd2;
    if (this.pendingComment && indent > 0 && this.pendingMaxIndent >= indent) {
      // The comments stay in this collection (yaml's parser moves them to the parent
      // only when all are less indented), so its tokens run to the next content.
      this.pendingComment = false;
      this.pendingMaxIndent = -1;
      return { node, end2: this.content };
    }
    return { node, end2: lastEnd2 };
  }

  private clearPending(): void {
    this.pendingComment = false;
    this.pendingMaxIndent = -1;
  }

  private map(indent: number, at: number): Read {
    const node: FastNode = { kind: FastKind.Map, value: undefined, quoted: false, start: at, end: at, keys: [], keyStarts: [], keyEnds: [], children: [] };
    const seen = new Set<string>();
    let p = at;
    for (;;) {
      const key = this.key(p);
      if (seen.has(key.name)) throw BAIL;
      seen.add(key.name);
      node.keys!.push(key.name);
      node.keyStarts!.push(key.start);
      node.keyEnds!.push(key.end);
      const value = this.valueAfterIndicator(key.after, indent, true);
      node.children!.push(value.node);
      if (this.lineStart >= this.n || this.indent < indent) return this.closeCollection(node, indent, value.end2);
      if (this.indent > indent || this.isSeqIndicator(this.content)) throw BAIL;
      this.clearPending();
      p = this.content;
    }
  }

  private seq(indent: number, at: number, sameIndentAsParent: boolean): Read {
    const node: FastNode = { kind: FastKind.Seq, value: undefined, quoted: false, start: at, end: at, children: [] };
    let p = at;
    let commentBefore = false;
    for (;;) {
      const value = this.valueAfterIndicator(p + 1, indent, false, commentBefore);
      node.children!.push(value.node);
      if (this.lineStart >= this.n || this.indent < indent) return this.closeCollection(node, indent, value.end2);
      if (this.indent > indent) throw BAIL;
      if (!this.isSeqIndicator(this.content)) {
        if (!sameIndentAsParent) throw BAIL;
        return this.closeCollection(node, indent, value.end2);
      }
      // Comments before an item count toward an empty item's range in yaml.
      commentBefore = this.pendingComment;
      this.clearPending();
      p = this.content;
    }
  }

  /**
   * The value after a `:` (inMap) or a `-` at `p`, in a collection at `indent`:
   * on the same line, on the lines below, or empty. Leaves the reader at the next
   * content line.
   */
  private valueAfterIndicator(p: number, indent: number, inMap: boolean, commentBefore = false): Read {
    const t = this.t;
    const q = this.spaces(p);
    const c = q < this.n ? t.charCodeAt(q) : LF;
    if (c === LF || c === HASH) {
      // yaml places an empty value after the indicator and the spaces that follow it.
      if (c === HASH && q === p) throw BAIL;
      const tr = this.trivia(this.nextLine(q), indent, undefined);
      const deeper = this.lineStart < this.n && (this.indent > indent || (inMap && this.indent === indent && this.isSeqIndicator(this.content)));
      if (deeper) {
        this.clearPending();
        return this.blockNode(indent, inMap && this.indent === indent);
      }
      // An empty value's range reaches over comments in yaml; not worth modelling.
      if (c === HASH || tr.comment || commentBefore) throw BAIL;
      this.clearPending();
      return { node: scalar(null, false, q, q), end2: q };
    }
    if (!inMap && this.isSeqIndicator(q)) throw BAIL; // `- - a`: a compact nested sequence
    if (!inMap && this.keyEnd(q) >= 0) {
      // `- key: value`: a map whose indent is the key's column.
      const col = q - this.lineStartOf(q);
      return this.map(col, q);
    }
    if (c === 124 /* | */ || c === 62 /* > */) return this.blockScalar(q, indent);
    let node: FastNode;
    let e: number;
    if (c === DQUOTE || c === SQUOTE) {
      const s = this.quoted(q);
      node = scalar(s.value, true, q, s.end);
      e = s.end;
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      const f = this.flow(q);
      node = f.node;
      e = f.end;
    } else {
      const s = this.plain(q);
      node = scalar(resolvePlain(t.slice(q, s)), false, q, s);
      e = s;
    }
    // The rest of the line: spaces, a comment, the line break.
    let r = this.spaces(e);
    if (r < this.n && t.charCodeAt(r) !== LF) {
      if (t.charCodeAt(r) !== HASH || r === e) throw BAIL;
    }
    r = this.nextLine(r);
    const tr = this.trivia(r, indent, r);
    return { node, end2: tr.end2 };
  }

  private lineStartOf(p: number): number {
    const i = this.t.lastIndexOf('\n', p - 1);
    return i + 1;
  }

  // -------------------------------------------------------------------------
  // Keys and scalars

  /** Where a key at p ends (its `:`), or -1 when the line at p is not `key: ...`. */
  private keyEnd(p: number): number {
    const t = this.t;
    const c = t.charCodeAt(p);
    if (c === DQUOTE || c === SQUOTE) {
      const close = this.quoteClose(p);
      if (close < 0) return -1;
      const q = this.spaces(close);
      return t.charCodeAt(q) === COLON && this.colonEnds(q + 1) ? q : -1;
    }
    if (!plainStart(t, p, false)) return -1;
    for (let i = p; i < this.n; i++) {
      const ch = t.charCodeAt(i);
      if (ch === LF) return -1;
      if (ch === COLON && this.colonEnds(i + 1)) return i;
      if (ch === HASH && t.charCodeAt(i - 1) === SPACE) return -1;
    }
    return -1;
  }

  private colonEnds(i: number): boolean {
    if (i >= this.n) return true;
    const c = this.t.charCodeAt(i);
    return c === SPACE || c === LF;
  }

  private key(p: number): { name: string; start: number; end: number; after: number } {
    const t = this.t;
    const colon = this.keyEnd(p);
    if (colon < 0) throw BAIL;
    let name: string;
    let end: number;
    if (t.charCodeAt(p) === DQUOTE || t.charCodeAt(p) === SQUOTE) {
      const s = this.quoted(p);
      name = s.value;
      end = s.end;
    } else {
      end = colon;
      while (end > p && t.charCodeAt(end - 1) === SPACE) end--;
      const v = resolvePlain(t.slice(p, end));
      // Null keys print differently in toJS(); merge keys need yaml's handling.
      if (v === null || v === '<<') throw BAIL;
      name = String(v);
    }
    if (name === '__proto__') throw BAIL;
    return { name, start: p, end, after: colon + 1 };
  }

  private quoteClose(p: number): number {
    const t = this.t;
    const q = t.charCodeAt(p);
    for (let i = p + 1; i < this.n; i++) {
      const ch = t.charCodeAt(i);
      if (ch === LF) return -1;
      if (q === DQUOTE && ch === 92 /* \ */) return -1;
      if (ch === q) {
        if (q === SQUOTE && t.charCodeAt(i + 1) === SQUOTE) {
          i++;
          continue;
        }
        return i + 1;
      }
    }
    return -1;
  }

  /** A one-line quoted scalar at p; double-quoted ones with escapes are left to yaml. */
  private quoted(p: number): { value: string; end: number } {
    const close = this.quoteClose(p);
    if (close < 0) throw BAIL;
    const raw = this.t.slice(p + 1, close - 1);
    const value = this.t.charCodeAt(p) === SQUOTE && raw.includes("''") ? raw.replace(/''/g, "'") : raw;
    return { value, end: close };
  }

  /** A one-line plain scalar in block context at p: its end (trailing spaces excluded). */
  private plain(p: number): number {
    const t = this.t;
    if (!plainStart(t, p, false)) throw BAIL;
    let end = p;
    for (let i = p; i < this.n; i++) {
      const ch = t.charCodeAt(i);
      if (ch === LF) break;
      if (ch === SPACE) {
        if (t.charCodeAt(i + 1) === HASH) break;
        continue;
      }
      // `a: b: c` is an error in yaml; `a: b:` too.
      if (ch === COLON && this.colonEnds(i + 1)) throw BAIL;
      end = i + 1;
    }
    return end;
  }

  // -------------------------------------------------------------------------
  // Block scalars

  private blockScalar(q: number, indent: number): Read {
    const t = this.t;
    const folded = t.charCodeAt(q) === 62;
    let h = q + 1;
    let strip = false;
    if (t.charCodeAt(h) === DASH) {
      strip = true;
      h++;
    }
    // Keep chomping (+) and explicit indentation (|2) are left to yaml.
    const r = this.spaces(h);
    if (r < this.n && t.charCodeAt(r) !== LF && !(t.charCodeAt(r) === HASH && r > h)) throw BAIL;
    let p = this.nextLine(r);
    const lines: [number, number][] = [];
    let contentIndent = -1;
    let leadingBlankMax = 0;
    let lastContentEnd = -1;
    let lastContentLine = -1;
    for (;;) {
      if (p >= this.n) break;
      const sp = this.spaces(p);
      const eol = sp < this.n && t.charCodeAt(sp) !== LF ? this.lineEndOf(sp) : sp;
      if (sp >= this.n || t.charCodeAt(sp) === LF) {
        // A blank line: only spaces.
        if (contentIndent < 0) leadingBlankMax = Math.max(leadingBlankMax, sp - p);
        else if (sp - p > contentIndent) throw BAIL;
        lines.push([-1, -1]);
        p = sp >= this.n ? this.n : sp + 1;
        continue;
      }
      const k = sp - p;
      if (contentIndent < 0) {
        if (k <= indent) break;
        if (leadingBlankMax > k) throw BAIL;
        contentIndent = k;
      } else if (k < contentIndent) break;
      // More-indented lines in a folded scalar fold differently; left to yaml.
      if (folded && k > contentIndent) throw BAIL;
      lines.push([p + contentIndent, eol]);
      lastContentLine = lines.length;
      lastContentEnd = eol;
      p = eol >= this.n ? this.n : eol + 1;
    }
    if (contentIndent < 0 || lastContentEnd >= this.n) throw BAIL;
    lines.length = lastContentLine;
    let value = '';
    if (folded) {
      let blanks = 0;
      let first = true;
      for (const [a, b] of lines) {
        if (a < 0) {
          blanks++;
          continue;
        }
        // Leading blank lines are kept as line breaks; between lines, one break folds to a space.
        if (!first) value += blanks ? '\n'.repeat(blanks) : ' ';
        else value += '\n'.repeat(blanks);
        value += t.slice(a, b);
        first = false;
        blanks = 0;
      }
    } else {
      value = lines.map(([a, b]) => (a < 0 ? '' : t.slice(a, b))).join('\n');
    }
    if (!strip) value += '\n';
    const valueEnd = lastContentEnd + 1;
    // The reader is at the first line that is not the scalar's (p); blank lines after
    // the content belong to the scalar's token.
    const node = scalar(value, false, q, valueEnd);
    // A block scalar's token has no end of its own: comments after it never attach.
    this.trivia(p, indent, undefined);
    return { node, end2: valueEnd };
  }

  private lineEndOf(p: number): number {
    const i = this.t.indexOf('\n', p);
    return i < 0 ? this.n : i;
  }

  // -------------------------------------------------------------------------
  // One-line flow collections

  private flow(p: number, depth = 0): { node: FastNode; end: number } {
    const t = this.t;
    if (depth > MAX_DEPTH) throw BAIL;
    const isMap = t.charCodeAt(p) === 123;
    const close = isMap ? 125 : 93;
    const node: FastNode = isMap
      ? { kind: FastKind.Map, value: undefined, quoted: false, start: p, end: p, keys: [], keyStarts: [], keyEnds: [], children: [] }
      : { kind: FastKind.Seq, value: undefined, quoted: false, start: p, end: p, children: [] };
    let i = this.flowSpaces(p + 1);
    if (t.charCodeAt(i) === close) {
      node.end = i + 1;
      return { node, end: i + 1 };
    }
    const seen = isMap ? new Set<string>() : undefined;
    for (;;) {
      if (isMap) {
        const c = t.charCodeAt(i);
        let name: string;
        let ks = i;
        let ke: number;
        if (c === DQUOTE || c === SQUOTE) {
          const s = this.quoted(i);
          name = s.value;
          ke = s.end;
        } else {
          ke = this.flowPlain(i);
          const v = resolvePlain(t.slice(i, ke));
          if (v === null || v === '<<') throw BAIL;
          name = String(v);
        }
        ks = i;
        if (name === '__proto__' || seen!.has(name)) throw BAIL;
        seen!.add(name);
        i = this.flowSpaces(ke);
        if (t.charCodeAt(i) !== COLON || t.charCodeAt(i + 1) !== SPACE) throw BAIL;
        i = this.flowSpaces(i + 1);
        node.keys!.push(name);
        node.keyStarts!.push(ks);
        node.keyEnds!.push(ke);
      }
      const item = this.flowItem(i, depth);
      node.children!.push(item.node);
      i = this.flowSpaces(item.end);
      const c = t.charCodeAt(i);
      if (c === close) {
        node.end = i + 1;
        return { node, end: i + 1 };
      }
      if (c !== 44 /* , */) throw BAIL;
      i = this.flowSpaces(i + 1);
      // Trailing commas and empty entries are left to yaml.
      const d = t.charCodeAt(i);
      if (d === 44 || d === 93 || d === 125) throw BAIL;
    }
  }

  private flowSpaces(p: number): number {
    const q = this.spaces(p);
    if (q >= this.n || this.t.charCodeAt(q) === LF || this.t.charCodeAt(q) === HASH) throw BAIL;
    return q;
  }

  private flowItem(p: number, depth: number): { node: FastNode; end: number } {
    const t = this.t;
    const c = t.charCodeAt(p);
    if (c === 91 || c === 123) return this.flow(p, depth + 1);
    if (c === DQUOTE || c === SQUOTE) {
      const s = this.quoted(p);
      // `["a": 1]` is a pair inside a sequence.
      const q = this.spaces(s.end);
      if (t.charCodeAt(q) === COLON) throw BAIL;
      return { node: scalar(s.value, true, p, s.end), end: s.end };
    }
    const e = this.flowPlain(p);
    const q = this.spaces(e);
    if (t.charCodeAt(q) === COLON) throw BAIL;
    return { node: scalar(resolvePlain(t.slice(p, e)), false, p, e), end: e };
  }

  /** A plain scalar inside a flow collection: it ends at , [ ] { } or `: `. */
  private flowPlain(p: number): number {
    const t = this.t;
    if (!plainStart(t, p, true)) throw BAIL;
    let end = p;
    for (let i = p; i < this.n; i++) {
      const ch = t.charCodeAt(i);
      if (ch === LF || ch === 44 || ch === 91 || ch === 93 || ch === 123 || ch === 125) break;
      if (ch === SPACE) {
        if (t.charCodeAt(i + 1) === HASH) throw BAIL;
        continue;
      }
      if (ch === COLON) {
        const d = t.charCodeAt(i + 1);
        if (i + 1 >= this.n || d === SPACE || d === LF || d === 44 || d === 91 || d === 93 || d === 123 || d === 125) break;
      }
      end = i + 1;
    }
    if (end === p) throw BAIL;
    return end;
  }
}

function scalar(value: unknown, quoted: boolean, start: number, end: number): FastNode {
  return { kind: FastKind.Scalar, value, quoted, start, end };
}

/**
 * Can a plain scalar start at p? Not with an indicator, except `-`, `?` and `:`
 * followed by a character that is not a space (in flow, not a flow indicator).
 */
function plainStart(t: string, p: number, inFlow: boolean): boolean {
  const c = t.charCodeAt(p);
  switch (c) {
    case 44: // ,
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
    case HASH:
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case SQUOTE:
    case DQUOTE:
    case 37: // %
    case 64: // @
    case 96: // `
    case LF:
    case SPACE:
      return false;
    case DASH:
    case 63: // ?
    case COLON: {
      const d = t.charCodeAt(p + 1);
      if (p + 1 >= t.length || d === SPACE || d === LF) return false;
      if (inFlow && (d === 44 || d === 91 || d === 93 || d === 123 || d === 125)) return false;
      return true;
    }
    default:
      return !Number.isNaN(c);
  }
}

const NULL_RE = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const OCT_RE = /^0o[0-7]+$/;
const INT_RE = /^[-+]?[0-9]+$/;
const HEX_RE = /^0x[0-9a-fA-F]+$/;
const NAN_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXP_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar's value under YAML 1.2's core schema, tested in the order yaml's schema lists the tags. */
export function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  if (c >= 48 && c <= 57) return resolveDigits(s);
  // Most values start with a letter that no tag's pattern starts with: a string.
  const maybe = c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70 || c === 43 || c === 45 || c === 46 || (c >= 48 && c <= 57) || s.length === 0;
  if (!maybe) return s;
  if (NULL_RE.test(s)) return null;
  if (BOOL_RE.test(s)) return c === 116 || c === 84;
  if (OCT_RE.test(s)) return parseInt(s.substring(2), 8);
  if (INT_RE.test(s)) return parseInt(s, 10);
  if (HEX_RE.test(s)) return parseInt(s.substring(2), 16);
  if (NAN_RE.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (EXP_RE.test(s)) return parseFloat(s);
  if (FLOAT_RE.test(s)) return parseFloat(s);
  return s;
}

/** resolvePlain for a value that starts with a digit: null, bool and .inf/.nan cannot match, the rest keep their order. */
function resolveDigits(s: string): unknown {
  if (s.charCodeAt(1) === 111 /* o */ && OCT_RE.test(s)) return parseInt(s.substring(2), 8);
  if (INT_RE.test(s)) return parseInt(s, 10);
  if (s.charCodeAt(1) === 120 /* x */ && HEX_RE.test(s)) return parseInt(s.substring(2), 16);
  if (EXP_RE.test(s)) return parseFloat(s);
  if (FLOAT_RE.test(s)) return parseFloat(s);
  return s;
}
