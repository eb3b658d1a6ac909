import { createScanner, parseTree, printParseErrorCode, SyntaxKind } from 'jsonc-parser';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import { walkPath } from './source-node';
import type { SourceNode } from './source-node';
import { errorSpan } from './node-span';
import { blankSpans } from './blank-spans';

export interface JsonDocument {
  root: SourceNode | undefined;
  errors: { message: string; start: number; end: number }[];
}

/**
 * Parses JSON (comments and trailing commas tolerated, as `aws ecs` users paste them)
 * into SourceNodes. jsonc-parser is error-tolerant: a broken file still yields a tree
 * for the parts that parse, so rules can run on the rest.
 */
export function parseJson(text: string): JsonDocument {
  const errs: ParseError[] = [];
  let tree: JsonNode | undefined;
  // jsonc-parser recurses once per level: thousands of nested brackets overflow the
  // stack, and near the limit V8 can abort the process instead of throwing. Blank out
  // what lies deeper than MAX_DEPTH first (same length, line breaks kept, so offsets
  // hold) and parse the rest, so the outer object is still analysed.
  const source = deeperThan(text, MAX_DEPTH) ? maskDeeperThan(text, MAX_DEPTH) : { text, cuts: [] as [number, number][] };
  const tooDeep = source.cuts;
  try {
    tree = parseTree(source.text, errs, PARSE_OPTIONS);
  } catch (e) {
    // Not expected once the depth is bounded; a last line of defence all the same.
    return { root: undefined, errors: [{ message: `JSON could not be parsed: ${(e as Error)?.message ?? String(e)}`, start: 0, end: Math.min(1, text.length) }] };
  }
  const errors = errs.map((e) => ({
    message: `JSON: ${humanise(printParseErrorCode(e.error))}`,
    ...errorSpan(text, e.offset, e.offset + Math.max(1, e.length)),
  }));
  if (tooDeep.length) {
    // A blanked part parses as a missing value; say why instead.
    const cuts = tooDeep;
    const kept = errors.filter((e) => !cuts.some(([a, b]) => e.start >= a && e.start <= b));
    kept.unshift(...cuts.map(([a]) => ({ message: `JSON nested more than ${MAX_DEPTH} levels deep: Offload skipped the inner part.`, start: a, end: a + 1 })));
    return { root: tree ? new JsonSourceNode(tree, undefined) : undefined, errors: kept.slice(0, MAX_ERRORS) };
  }
  return { root: tree ? new JsonSourceNode(tree, undefined) : undefined, errors: errors.slice(0, MAX_ERRORS) };
}

const PARSE_OPTIONS = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true };

/** Deeper than any real task definition, shallow enough for any stack. */
export const MAX_DEPTH = 256;
/** A broken file must not bury the Problems panel. */
const MAX_ERRORS = 20;

/** Whether brackets nest deeper than `max` (outside strings and comments). One pass, no allocation. */
function deeperThan(text: string, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: to its closing quote, past escapes. A line break ends it too, as in
      // jsonc-parser's scanner: this scan must never see less nesting than the parser.
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22 || d === 0x0a || d === 0x0d) break;
      }
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2f) {
      while (i < text.length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return false;
}

/**
 * Replaces every value nested deeper than `max` levels with spaces (line breaks
 * kept). Uses jsonc-parser's scanner, which is iterative, so strings and comments
 * that hold brackets are not miscounted.
 */
function maskDeeperThan(text: string, max: number): { text: string; cuts: [number, number][] } {
  const scanner = createScanner(text, false);
  const cuts: [number, number][] = [];
  let depth = 0;
  let cutStart = -1;
  for (let k = scanner.scan(); k !== SyntaxKind.EOF; k = scanner.scan()) {
    if (k === SyntaxKind.OpenBraceToken || k === SyntaxKind.OpenBracketToken) {
      depth++;
      if (depth === max + 1) cutStart = scanner.getTokenOffset();
    } else if (k === SyntaxKind.CloseBraceToken || k === SyntaxKind.CloseBracketToken) {
      if (depth === max + 1 && cutStart >= 0) {
        cuts.push([cutStart, scanner.getTokenOffset() + scanner.getTokenLength()]);
        cutStart = -1;
      }
      depth = Math.max(0, depth - 1);
    }
  }
  if (cutStart >= 0) cuts.push([cutStart, text.length]);
  return { text: blankSpans(text, cuts), cuts };
}

function humanise(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

class JsonSourceNode implements SourceNode {
  readonly kind: 'map' | 'seq' | 'scalar';
  readonly value: unknown;
  readonly start: number;
  readonly end: number;
  readonly key?: string;
  readonly keyStart?: number;
  readonly keyEnd?: number;
  readonly quoted?: boolean;

  constructor(
    private readonly node: JsonNode,
    readonly parent: SourceNode | undefined,
  ) {
    this.kind = node.type === 'object' ? 'map' : node.type === 'array' ? 'seq' : 'scalar';
    this.value = this.kind === 'scalar' ? node.value : undefined;
    this.quoted = node.type === 'string';
    this.start = node.offset;
    this.end = node.offset + node.length;
    const prop = node.parent;
    if (prop && prop.type === 'property' && prop.children?.[1] === node) {
      const k = prop.children[0];
      this.key = String(k.value);
      this.keyStart = k.offset;
      this.keyEnd = k.offset + k.length;
    }
  }

  get(key: string): SourceNode | undefined {
    if (this.node.type !== 'object') return undefined;
    // The last duplicate wins, as in JSON.parse, Go's encoding/json and toJS() below.
    const props = this.node.children ?? [];
    for (let i = props.length - 1; i >= 0; i--) {
      const [k, v] = props[i].children ?? [];
      if (k && k.value === key) return v ? new JsonSourceNode(v, this) : undefined;
    }
    return undefined;
  }

  at(...path: (string | number)[]): SourceNode | undefined {
    return walkPath(this, path);
  }

  entries(): SourceNode[] {
    if (this.node.type !== 'object') return [];
    const out: SourceNode[] = [];
    for (const prop of this.node.children ?? []) {
      const v = prop.children?.[1];
      if (v) out.push(new JsonSourceNode(v, this));
    }
    return out;
  }

  items(): SourceNode[] {
    if (this.node.type !== 'array') return [];
    return (this.node.children ?? []).map((c) => new JsonSourceNode(c, this));
  }

  toJS(): unknown {
    return toJs(this.node, 0);
  }
}

function toJs(n: JsonNode, depth: number): unknown {
  if (depth > 512) return undefined;
  if (n.type === 'object') {
    const o: Record<string, unknown> = {};
    for (const p of n.children ?? []) {
      const [k, v] = p.children ?? [];
      if (k && v) o[String(k.value)] = toJs(v, depth + 1);
    }
    return o;
  }
  if (n.type === 'array') return (n.children ?? []).map((c) => toJs(c, depth + 1));
  return n.value;
}
