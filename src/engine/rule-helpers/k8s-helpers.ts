import type { SourceNode } from '../source/source-node';
import { str } from '../source/source-node';
import type { ParsedDocument, WorkloadView } from '../views';
import { kubernetesObjects } from '../formats/kubernetes';
import { endOfLine, startOfLine } from '../fix/yaml-edits';

/**
 * Helpers shared by the k8s-* rules (API and field lifecycle): walking every
 * Kubernetes object of a document, finding the workload view of an object, and
 * telling a literal in a Helm template from one the chart picks by cluster version.
 * Not a rule.
 */

/** One Kubernetes object of a document (a List's items count one by one). */
export interface K8sObject {
  node: SourceNode;
  apiVersion: string;
  kind: string;
  name: string;
  apiVersionNode: SourceNode;
  /** The workload view of this object, when it is a workload. */
  workload?: WorkloadView;
}

/** Every Kubernetes object in the document, with its workload view when it has one. */
export function k8sObjects(doc: ParsedDocument, text: string, workloads: readonly WorkloadView[]): K8sObject[] {
  const out: K8sObject[] = [];
  for (const node of kubernetesObjects(doc.root)) {
    const apiVersionNode = node.get('apiVersion');
    const apiVersion = str(apiVersionNode);
    const kind = str(node.get('kind'));
    if (!apiVersionNode || !apiVersion || !kind) continue;
    const metadata = node.get('metadata');
    const name = templatedName(doc, text, metadata?.get('name')) ?? str(metadata?.get('name')) ?? str(metadata?.get('generateName')) ?? '(unnamed)';
    // Source nodes are fresh wrappers on every lookup, so match on position, not identity.
    const workload = workloads.find((w) => w.file === doc.file && w.node.start === node.start && w.node.end === node.end);
    out.push({ node, apiVersion, kind, name, apiVersionNode, workload });
  }
  return out;
}

/** `{{ include "app.fullname" . }}-cleanup` as written, where masking left only `-cleanup`. */
function templatedName(doc: ParsedDocument, text: string, n: SourceNode | undefined): string | undefined {
  if (!doc.templated || !n || n.keyEnd === undefined || !lineHasTemplate(text, n.keyEnd)) return undefined;
  const raw = text.slice(n.keyEnd, endOfLine(text, n.keyEnd)).replace(/^\s*:/, '').trim();
  return raw || undefined;
}

// ---------------------------------------------------------------------------
// Helm templates. The engine masks `{{ ... }}` with spaces before parsing, so what a
// rule sees is the chart's literal text. A literal is only what the chart renders
// when no template action picks something else for it.

/** True when the line holding `offset` contains a template action. */
export function lineHasTemplate(text: string, offset: number): boolean {
  return text.slice(startOfLine(text, offset), endOfLine(text, offset)).includes('{{');
}

/** A condition that depends on the cluster's version or the APIs it serves. */
const VERSION_CONDITION = /capabilit|kubeversion|apiversion|semvercompare|supports/i;

const ACTION = /\{\{-?\s*([\s\S]*?)\s*-?\}\}/g;
const OPENERS = new Set(['if', 'with', 'range', 'define', 'block']);

/**
 * The template blocks (`if`, `with`, `range`, `define`) open at `offset`, each as the
 * text of its conditions (`else if` conditions appended). Scans from the file start,
 * since a block can span `---` document markers.
 */
export function openTemplateBlocks(text: string, offset: number): string[] {
  const stack: string[] = [];
  const re = new RegExp(ACTION.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < offset) {
    const body = m[1];
    if (body.startsWith('/*')) continue;
    const word = /^[a-z]+/.exec(body)?.[0];
    if (word && OPENERS.has(word)) stack.push(body);
    else if (word === 'else' && stack.length) stack[stack.length - 1] += ' ' + body;
    else if (word === 'end') stack.pop();
  }
  return stack;
}

/**
 * True when a literal at `offset` in a Helm template is not simply what the chart
 * renders: it sits in a block whose condition tests the cluster version or its APIs
 * (`.Capabilities.APIVersions.Has`, `semverCompare ... .Capabilities.KubeVersion`, a
 * helper named like `supportsIngressClassname`), or inside a named template
 * (`define`). Charts write old and new API versions side by side that way, and only
 * the one the cluster serves is rendered.
 */
export function versionGuarded(doc: ParsedDocument, text: string, offset: number): boolean {
  if (!doc.templated) return false;
  return openTemplateBlocks(text, offset).some((c) => VERSION_CONDITION.test(c) || /^define\b/.test(c));
}

/**
 * The object's apiVersion when it is a literal the file really applies: not a value a
 * template action produces, not one of two `apiVersion:` keys in if/else branches, and
 * not behind a version check.
 */
export function literalApiVersion(doc: ParsedDocument, text: string, obj: K8sObject): boolean {
  if (!doc.templated) return true;
  const n = obj.apiVersionNode;
  if (lineHasTemplate(text, n.keyStart ?? n.start)) return false;
  if (obj.node.entries().filter((e) => e.key === 'apiVersion').length > 1) return false;
  return !versionGuarded(doc, text, n.keyStart ?? n.start);
}

/** True when the node's own source contains a template action. */
export function spanHasTemplate(text: string, node: SourceNode): boolean {
  return text.slice(node.keyStart ?? node.start, Math.max(node.start, node.end)).includes('{{');
}

// ---------------------------------------------------------------------------
// Spans.

/**
 * A view of a map entry that spans `key: value` (a block value: just the key), for
 * findings where the key is the problem. Only its range is meaningful.
 */
export function keySpan(node: SourceNode): SourceNode {
  if (node.keyStart === undefined || node.keyEnd === undefined) return node;
  const end = node.kind === 'scalar' && node.end > node.start ? node.end : node.keyEnd;
  return {
    kind: 'scalar',
    value: node.key,
    start: node.keyStart,
    end,
    key: node.key,
    keyStart: node.keyStart,
    keyEnd: node.keyEnd,
    parent: node.parent,
    get: () => undefined,
    at: () => undefined,
    entries: () => [],
    items: () => [],
    toJS: () => node.key,
  };
}

/**
 * Walks a dotted path with `[*]` for "every item" ('spec.volumes[*].gitRepo') and
 * returns every node at its end.
 */
export function nodesAtPath(root: SourceNode, path: string): SourceNode[] {
  let cur: SourceNode[] = [root];
  for (const seg of path.split('.')) {
    const each = seg.endsWith('[*]');
    const key = each ? seg.slice(0, -3) : seg;
    const next: SourceNode[] = [];
    for (const n of cur) {
      const v = n.get(key);
      if (!v) continue;
      if (each) next.push(...v.items());
      else next.push(v);
    }
    cur = next;
    if (!cur.length) break;
  }
  return cur;
}

/** `apps/v1 Deployment`. */
export function gvkLabel(g: { apiVersion: string; kind: string }): string {
  return `${g.apiVersion} ${g.kind}`;
}

/** Sentence-cases a knowledge note for use after a colon-free sentence start. */
export function capitalize(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
