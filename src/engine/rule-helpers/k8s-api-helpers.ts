import type { SourceNode } from '../source/source-node';
import type { ParsedDocument, WorkloadView } from '../views';
import type { FixDescriptor, OffsetEdit, RelatedDescriptor } from '../rules/define-rule';
import type { GroupVersionKind, KubernetesApiRow, KubernetesFieldRow } from '../knowledge/kubernetes-api-query';
import { KUBERNETES_APIS_AS_OF, apiStatusAt, compareK8sVersions, kubernetesApi, kubernetesFields } from '../knowledge/kubernetes-api-query';
import { columnOf, insertBeforeEntry, insertIntoBlockMap, renameKey } from '../fix/yaml-edits';
import type { K8sObject } from './k8s-helpers';
import { capitalize, gvkLabel, k8sObjects, literalApiVersion, nodesAtPath, spanHasTemplate } from './k8s-helpers';

/**
 * The analysis behind k8s-api-removed and k8s-api-deprecated: where each object's
 * apiVersion/kind stands at the target Kubernetes minor, what to move to, and the edit
 * that moves it when one can be made safely. Facts come from the knowledge module
 * (knowledge/kubernetes-api-query); this file only decides what to say and offer.
 */

/** What the API lifecycle rules cite; the knowledge module lists every document read. */
export const API_LIFECYCLE_SOURCES = [
  'Kubernetes Deprecated API Migration Guide (kubernetes.io/docs/reference/using-api/deprecation-guide/)',
  'Kubernetes API lifecycle tags (staging/src/k8s.io/api/<group>/<version>/zz_generated.prerelease-lifecycle.go) and the kube-apiserver deprecation warnings printed from them',
  'kubernetes/kubernetes CHANGELOG-1.23.md (rbac and scheduling v1alpha1 removal)',
  `Offload knowledge: kubernetes-apis, as of ${KUBERNETES_APIS_AS_OF}, cross-checked with FairwindsOps/pluto and doitintl/kube-no-trouble`,
];

export type ApiProblem = 'removed' | 'removedNoReplacement' | 'notYetServed' | 'deprecated' | 'deprecatedNoReplacement';

export interface ApiFinding {
  obj: K8sObject;
  problem: ApiProblem;
  data: Record<string, string>;
  fix?: FixDescriptor;
  suggest?: FixDescriptor[];
  related: RelatedDescriptor[];
  workload?: WorkloadView;
}

const gvkKey = (g: GroupVersionKind): string => `${g.apiVersion.toLowerCase()} ${g.kind.toLowerCase()}`;

/** The rows walked from `row` to (not including) `to`: each step's migration applies. */
function stepsTo(row: KubernetesApiRow, to: GroupVersionKind | undefined): KubernetesApiRow[] {
  const rows = [row];
  let cur = row;
  while (to && cur.replacement && gvkKey(cur.replacement) !== gvkKey(to)) {
    const next = kubernetesApi(cur.replacement.apiVersion, cur.replacement.kind).row;
    if (!next || rows.includes(next)) break;
    rows.push(next);
    cur = next;
  }
  return rows;
}

/** Field rows that exist only in this apiVersion of this kind (they go with it). */
export function versionBoundFields(apiVersion: string, kind: string): KubernetesFieldRow[] {
  const av = apiVersion.toLowerCase();
  const k = kind.toLowerCase();
  return kubernetesFields.filter(
    (r) => r.type === 'field' && r.apiVersions?.some((a) => a.toLowerCase() === av) && (r.appliesTo.length === 0 || r.appliesTo.some((a) => a.toLowerCase() === k)),
  );
}

/** A scalar replaced by a plain string, keeping its quote style (and JSON quoting). */
function replaceScalar(text: string, node: SourceNode, value: string): OffsetEdit {
  const q = text[node.start];
  return { start: node.start, end: node.end, newText: q === '"' || q === "'" ? `${q}${value}${q}` : value };
}

/** Findings for every object of the document whose API is not served, or deprecated, at `target`. */
export function apiFindings(doc: ParsedDocument, text: string, workloads: readonly WorkloadView[], target: string): ApiFinding[] {
  // k8s-api-deprecated and k8s-api-removed both ask, for the same document.
  const memo = API_MEMO.get(doc);
  if (memo && memo.text === text && memo.workloads === workloads && memo.target === target) return memo.out;
  const out = apiFindingsUncached(doc, text, workloads, target);
  API_MEMO.set(doc, { text, workloads, target, out });
  return out;
}

const API_MEMO = new WeakMap<ParsedDocument, { text: string; workloads: readonly WorkloadView[]; target: string; out: ApiFinding[] }>();

function apiFindingsUncached(doc: ParsedDocument, text: string, workloads: readonly WorkloadView[], target: string): ApiFinding[] {
  const out: ApiFinding[] = [];
  for (const obj of k8sObjects(doc, text, workloads)) {
    if (!literalApiVersion(doc, text, obj)) continue;
    const f = apiFinding(doc, text, obj, target);
    if (f) out.push(f);
  }
  return out;
}

function apiFinding(doc: ParsedDocument, text: string, obj: K8sObject, target: string): ApiFinding | undefined {
  const st = apiStatusAt(obj.apiVersion, obj.kind, target);
  const base = { kind: obj.kind, name: obj.name, apiVersion: obj.apiVersion.trim(), target: st.target };
  if (st.status === 'unknown') {
    const life = kubernetesApi(obj.apiVersion, obj.kind);
    if (life.known && life.introducedIn && compareK8sVersions(st.target, life.introducedIn) < 0) {
      return { obj, problem: 'notYetServed', data: { ...base, since: life.introducedIn }, related: [], workload: obj.workload };
    }
    return undefined;
  }
  if ((st.status !== 'removed' && st.status !== 'deprecated') || !st.row) return undefined;
  const row = st.row;
  const removing = st.status === 'removed';
  const steps = stepsTo(row, st.replacement);
  const last = steps[steps.length - 1];
  // No successor the target serves: the row itself has none (PodSecurityPolicy), or the
  // chain ends in one that is gone too (extensions/v1beta1 -> policy/v1beta1 PSP at 1.25+).
  const replacementStatus = st.replacement ? apiStatusAt(st.replacement.apiVersion, st.replacement.kind, target).status : undefined;
  const replacementRow = st.replacement ? kubernetesApi(st.replacement.apiVersion, st.replacement.kind).row : null;
  const dead = !st.replacement || row.migration === 'no-replacement' || (replacementStatus === 'removed' && replacementRow?.migration === 'no-replacement');
  const data: Record<string, string> = {
    ...base,
    removedIn: row.removedIn ?? '',
    deprecatedIn: row.deprecatedIn ?? '',
    removal: row.removedIn ? `EKS ${st.target} still serves it, Kubernetes ${row.removedIn} will not` : `EKS ${st.target} still serves it and no removal is scheduled`,
  };
  const related: RelatedDescriptor[] = [];
  if (dead) {
    const noteRow = row.migration === 'no-replacement' ? row : replacementRow ?? last;
    data.advice = capitalize(noteRow.changes[0] ?? 'remove the object, or replace what it does by other means');
    return { obj, problem: removing ? 'removedNoReplacement' : 'deprecatedNoReplacement', data, related, workload: obj.workload };
  }
  const replacement = st.replacement!;
  const changes = relevantChanges(obj.node, steps.flatMap((s) => s.changes));
  const mechanical = steps.every((s) => s.migration === 'mechanical');
  const bound = versionBoundFields(obj.apiVersion, obj.kind).flatMap((r) => nodesAtPath(obj.node, r.path).map((node) => ({ row: r, node })));
  data.replacement = gvkLabel(replacement);
  if (replacementStatus === 'unknown') {
    // A target older than the replacement (extensions/v1beta1 Ingress at 1.18): say when it arrives.
    const since = kubernetesApi(replacement.apiVersion, replacement.kind).introducedIn;
    if (since) data.replacement += ` once on Kubernetes ${since} or later`;
  }
  const plain = mechanical && bound.length === 0;
  const more = (n: number) => (n > 2 ? ` (and ${n - 1} more changes)` : n === 2 ? ' (and 1 more change)' : '');
  if (plain) data.how = ' (only the apiVersion changes)';
  else if (changes.length) data.how = `; ${replacement.kind === obj.kind ? 'beyond the apiVersion, ' : ''}${pickChange(changes, bound.map((b) => b.row))}${more(changes.length)}`;
  else if (bound.length) data.how = `; beyond the apiVersion, ${bound[0].row.path} goes (${bound[0].row.replacement ?? `not in ${replacement.apiVersion}`})${more(bound.length)}`;
  else data.how = '';
  for (const c of changes) related.push({ file: doc.file, node: obj.apiVersionNode, message: `Moving to ${replacement.apiVersion}: ${c}` });
  for (const b of bound.slice(0, 20)) related.push({ file: doc.file, node: b.node, message: `${b.row.path} is not in ${replacement.apiVersion}${b.row.replacement ? `; use ${b.row.replacement}` : ''}` });

  // A deprecated replacement is still served: moving to it makes the object apply.
  const servedThere = replacementStatus === 'served' || replacementStatus === 'deprecated';
  const apiEdit = replaceScalar(text, obj.apiVersionNode, replacement.apiVersion);
  const finding: ApiFinding = { obj, problem: removing ? 'removed' : 'deprecated', data, related, workload: obj.workload };
  if (servedThere && replacement.kind === obj.kind) {
    if (plain) {
      finding.fix = { title: `Change apiVersion to ${replacement.apiVersion}`, edits: [apiEdit] };
    } else if (!spanHasTemplate(text, obj.node)) {
      const s = moveSuggestion(text, obj, replacement, apiEdit, bound.map((b) => b.row));
      if (s) finding.suggest = [s];
    }
  }
  return finding;
}

/**
 * Drops the table's notes that cannot apply to this object: "X is required" or "must
 * be set" when X is there, "X is removed/renamed/gone" when X is not. Notes about
 * list items (`webhooks[*]...`) and defaults always stay.
 */
function relevantChanges(root: SourceNode, changes: readonly string[]): string[] {
  return changes.filter((c) => {
    const m = /^([A-Za-z][\w.]*) (is required|must be set|is removed|is renamed|is gone)\b/.exec(c);
    if (!m) return true;
    const present = nodesAtPath(root, m[1]).length > 0;
    return m[2] === 'is required' || m[2] === 'must be set' ? !present : present;
  });
}

/**
 * The change to name in the message: one about a field this object really has
 * (`serviceName` in an old Ingress), else the table's first, which is its most
 * important.
 */
function pickChange(changes: readonly string[], present: readonly KubernetesFieldRow[]): string {
  for (const r of present) {
    const leaf = r.path.split('.').pop()!.replace('[*]', '');
    const hit = changes.find((c) => new RegExp(`\\b${leaf}\\b`).test(c));
    if (hit) return hit;
  }
  return changes[0];
}

// ---------------------------------------------------------------------------
// Whole-move suggestions for the moves that are more than a rename.

const SELECTOR_KINDS = new Set(['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet']);
const INGRESS_BOUND = new Set(['spec.backend', 'spec.rules[*].http.paths[*].backend.serviceName', 'spec.rules[*].http.paths[*].backend.servicePort']);

function moveSuggestion(text: string, obj: K8sObject, to: GroupVersionKind, apiEdit: OffsetEdit, bound: KubernetesFieldRow[]): FixDescriptor | undefined {
  if (SELECTOR_KINDS.has(obj.kind) && to.apiVersion === 'apps/v1') {
    // spec.rollbackTo / spec.templateGeneration have no apps/v1 equivalent to move to.
    if (bound.length) return undefined;
    return workloadMove(text, obj, to, apiEdit);
  }
  if (obj.kind === 'PodDisruptionBudget' && to.apiVersion === 'policy/v1') {
    // Only an empty selector ({}) changes meaning (none -> every pod in the namespace).
    const selector = obj.node.at('spec', 'selector');
    if (selector && selector.kind === 'map' && selector.entries().length === 0) return undefined;
    return { title: `Move to ${to.apiVersion} (the selector is not empty, so it selects the same pods)`, edits: [apiEdit] };
  }
  if (obj.kind === 'Ingress' && to.apiVersion === 'networking.k8s.io/v1') {
    if (bound.some((r) => !INGRESS_BOUND.has(r.path))) return undefined;
    return ingressMove(text, obj, to, apiEdit);
  }
  return undefined;
}

function isBlockMap(text: string, n: SourceNode | undefined): n is SourceNode {
  return !!n && n.kind === 'map' && text[n.start] !== '{' && n.entries().length > 0;
}

/** Indent step of a block map: its first key's column minus its own key's column. */
function stepOf(text: string, map: SourceNode): string {
  const first = map.entries()[0];
  const step = map.keyStart !== undefined && first?.keyStart !== undefined ? columnOf(text, first.keyStart) - columnOf(text, map.keyStart) : 2;
  return ' '.repeat(step > 0 ? step : 2);
}

/**
 * extensions/v1beta1 and apps/v1beta1 defaulted spec.selector to the pod template's
 * labels; apps/v1 requires it. Setting it to exactly those labels keeps the selector
 * the live object already has (it is immutable), so the move is the apiVersion plus
 * that block.
 */
function workloadMove(text: string, obj: K8sObject, to: GroupVersionKind, apiEdit: OffsetEdit): FixDescriptor | undefined {
  const spec = obj.node.get('spec');
  if (!isBlockMap(text, spec)) return undefined;
  if (spec.get('selector')) return { title: `Move to ${to.apiVersion} (spec.selector is already set)`, edits: [apiEdit] };
  const labels = spec.at('template', 'metadata', 'labels');
  if (!labels || labels.kind !== 'map' || labels.entries().length === 0) return undefined;
  const s = stepOf(text, spec);
  const lines = ['selector:'];
  if (text[labels.start] === '{') {
    const flow = text.slice(labels.start, labels.end);
    if (flow.includes('\n')) return undefined;
    lines.push(`${s}matchLabels: ${flow}`);
  } else {
    lines.push(`${s}matchLabels:`);
    for (const e of labels.entries()) {
      if (e.kind !== 'scalar' || e.keyStart === undefined || e.value === null || e.value === undefined) return undefined;
      const src = text.slice(e.keyStart, e.end);
      if (src.includes('\n')) return undefined;
      lines.push(`${s}${s}${src}`);
    }
  }
  const template = spec.get('template');
  const insert = (template && insertBeforeEntry(text, template, [lines.join('\n')])) ?? insertIntoBlockMap(text, spec, [lines.join('\n')]);
  if (!insert) return undefined;
  return { title: `Move to ${to.apiVersion}: set spec.selector to the pod template's labels`, edits: [apiEdit, insert] };
}

/**
 * networking.k8s.io/v1 Ingress: backend serviceName/servicePort become
 * service.name and service.port.number (or .name), spec.backend becomes
 * spec.defaultBackend, and every path needs a pathType (ImplementationSpecific is the
 * old behaviour). Offered only where each change is a local line edit.
 */
function ingressMove(text: string, obj: K8sObject, to: GroupVersionKind, apiEdit: OffsetEdit): FixDescriptor | undefined {
  const spec = obj.node.get('spec');
  if (!isBlockMap(text, spec)) return undefined;
  const edits: OffsetEdit[] = [apiEdit];
  const backends: SourceNode[] = [];
  const defaultBackend = spec.get('backend');
  if (defaultBackend) {
    if (spec.get('defaultBackend')) return undefined;
    const e = renameKey(text, defaultBackend, 'defaultBackend');
    if (!e) return undefined;
    edits.push(e);
    backends.push(defaultBackend);
  }
  for (const rule of spec.get('rules')?.items() ?? []) {
    for (const path of rule.at('http', 'paths')?.items() ?? []) {
      const backend = path.get('backend');
      if (!isBlockMap(text, path) || !backend) return undefined;
      backends.push(backend);
      if (!path.get('pathType')) {
        const line = 'pathType: ImplementationSpecific';
        const e = insertBeforeEntry(text, backend, [line]) ?? insertIntoBlockMap(text, path, [line]);
        if (!e) return undefined;
        edits.push(e);
      }
    }
  }
  for (const b of backends) {
    const e = backendEdit(text, b);
    if (e === undefined) return undefined;
    if (e) edits.push(e);
  }
  return { title: `Move to ${to.apiVersion}: backends to service.name/port, pathType ImplementationSpecific`, edits };
}

/**
 * `serviceName: web` + `servicePort: 80` -> `service: {name: web, port: {number: 80}}`
 * in block style. null: nothing to change (a `resource` backend). undefined: cannot be
 * done with a local edit (flow style, comments between, a templated or odd value).
 */
function backendEdit(text: string, backend: SourceNode): OffsetEdit | null | undefined {
  if (!isBlockMap(text, backend)) return undefined;
  const name = backend.get('serviceName');
  const port = backend.get('servicePort');
  if (!name && !port) return backend.get('resource') ? null : undefined;
  if (!name || !port || backend.entries().length !== 2) return undefined;
  if (name.kind !== 'scalar' || port.kind !== 'scalar' || typeof name.value !== 'string' || name.keyStart === undefined || port.keyStart === undefined) return undefined;
  const start = Math.min(name.keyStart, port.keyStart);
  const end = Math.max(name.end, port.end);
  const between = text.slice(start, end);
  if (between.includes('#') || between.split(/\r\n?|\n/).length !== 2) return undefined;
  let portLine: string;
  if (typeof port.value === 'number') portLine = `number: ${text.slice(port.start, port.end)}`;
  else if (typeof port.value === 'string' && port.value !== '' && !/^\d+$/.test(port.value)) portLine = `name: ${text.slice(port.start, port.end)}`;
  else return undefined;
  const indent = ' '.repeat(columnOf(text, backend.entries()[0].keyStart!));
  const s = stepOf(text, backend);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const newText = ['service:', `${indent}${s}name: ${text.slice(name.start, name.end)}`, `${indent}${s}port:`, `${indent}${s}${s}${portLine}`].join(eol);
  return { start, end, newText };
}
