import { parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import type { SourceNode } from './source-node';

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
  const tree = parseTree(text, errs, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  const errors = errs.map((e) => ({
    message: `JSON: ${humanise(printParseErrorCode(e.error))}`,
    start: e.offset,
    end: e.offset + Math.max(1, e.length),
  }));
  return { root: tree ? new JsonSourceNode(tree, undefined) : undefined, errors };
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
    let cur: SourceNode | undefined = this;
    for (const p of path) {
      if (!cur) return undefined;
      cur = typeof p === 'number' ? cur.items()[p] : cur.get(p);
    }
    return cur;
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
