import type { SourceNode } from '../source/source-node';
import { str } from '../source/source-node';
import type { ParsedDocument, WorkloadView } from '../views';
import type { FixDescriptor, OffsetEdit } from '../rules/define-rule';
import type { FieldStatusId, KubernetesFieldRow } from '../knowledge/kubernetes-api-query';
import { KUBERNETES_APIS_AS_OF, fieldStatusAt, kubernetesFields } from '../knowledge/kubernetes-api-query';
import { insertBeforeEntry, insertIntoBlockMap, removeEntryLines, renameKey } from '../fix/yaml-edits';
import type { K8sObject } from './k8s-helpers';
import { k8sObjects, keySpan, lineHasTemplate, nodesAtPath, versionGuarded } from './k8s-helpers';

/**
 * The analysis behind k8s-field-deprecated and k8s-field-removed: deprecated, ignored
 * or rejected fields, annotations and node labels, looked up in the knowledge table
 * (knowledge/kubernetes-api-query, `kubernetesFields`).
 *
 * Rows tied to one API version (`apiVersions` set: Ingress serviceName, CRD
 * spec.validation, ...) are not reported here: they go with their API version, and
 * the k8s-api-* findings on that apiVersion point at them.
 */

export const FIELD_LIFECYCLE_SOURCES = [
  'Kubernetes documentation: Well-Known Labels, Annotations and Taints (kubernetes.io/docs/reference/labels-annotations-taints/)',
  'kubernetes/kubernetes pkg/api/pod/warnings.go (deprecated annotations, volume plugins and node labels the API server warns about)',
  'Kubernetes API reference, PodSpec (serviceAccount is a deprecated alias for serviceAccountName)',
  'kubernetes/kubernetes#109819 and #114947 (seccomp annotations ignored from 1.25, non-functional from 1.27)',
  `Offload knowledge: kubernetes-apis field table, as of ${KUBERNETES_APIS_AS_OF}`,
];

export interface FieldFinding {
  obj: K8sObject;
  row: KubernetesFieldRow;
  status: FieldStatusId;
  /** Where to underline: the key (and scalar value) of the field or annotation, or a label key used as a value. */
  node: SourceNode;
  data: Record<string, string>;
  /** 'volume' rows are in-tree volume plugins. */
  volume: boolean;
  workload?: WorkloadView;
  fix?: FixDescriptor;
  suggest?: FixDescriptor[];
}

const POD_ROWS = (scope: KubernetesFieldRow['scope'], type: KubernetesFieldRow['type']) =>
  kubernetesFields.filter((r) => r.apiVersions === null && r.scope === scope && r.type === type);

function kindMatches(row: KubernetesFieldRow, kind: string): boolean {
  return row.appliesTo.length === 0 || row.appliesTo.some((a) => a.toLowerCase() === kind.toLowerCase());
}

/** A prefixed label or annotation key (`kubernetes.io/os`): a replacement a key rename can use. */
const PLAIN_KEY = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?\/[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/;

export function fieldFindings(doc: ParsedDocument, text: string, workloads: readonly WorkloadView[], target: string): FieldFinding[] {
  // k8s-field-deprecated and k8s-field-removed both ask, for the same document.
  const memo = FIELD_MEMO.get(doc);
  if (memo && memo.text === text && memo.workloads === workloads && memo.target === target) return memo.out;
  const out = fieldFindingsUncached(doc, text, workloads, target);
  FIELD_MEMO.set(doc, { text, workloads, target, out });
  return out;
}

const FIELD_MEMO = new WeakMap<ParsedDocument, { text: string; workloads: readonly WorkloadView[]; target: string; out: FieldFinding[] }>();

function fieldFindingsUncached(doc: ParsedDocument, text: string, workloads: readonly WorkloadView[], target: string): FieldFinding[] {
  const out: FieldFinding[] = [];
  for (const obj of k8sObjects(doc, text, workloads)) {
    const found: Found[] = [];
    const lookup = (path: string, node: SourceNode, kind: Found['kind'], accept: (r: KubernetesFieldRow) => boolean) => {
      const st = fieldStatusAt(path, obj.kind, target, obj.apiVersion);
      if (!st.row || st.row.apiVersions !== null || !accept(st.row)) return;
      if (st.status === 'ok' || st.status === 'unknown') return;
      found.push({ row: st.row, status: st.status, node, at: kind === 'key' ? keySpan(node) : node, kind });
    };
    const isPod = obj.kind === 'Pod';
    const annotationScopes = (r: KubernetesFieldRow, pod: boolean) => r.type === 'annotation' && (r.scope === 'object' || (pod && r.scope === 'pod'));

    // The object's own metadata. Pod-scoped annotations only act on a Pod's metadata.
    for (const a of obj.node.at('metadata', 'annotations')?.entries() ?? []) {
      if (a.key) lookup(`metadata.annotations.${a.key}`, a, 'key', (r) => annotationScopes(r, isPod));
    }
    for (const l of obj.node.at('metadata', 'labels')?.entries() ?? []) {
      if (l.key) lookup(`metadata.labels.${l.key}`, l, 'key', (r) => r.type === 'label' && r.scope === 'object');
    }
    // Object fields (Service spec.loadBalancerIP, ...).
    for (const row of kubernetesFields) {
      if (row.apiVersions !== null || row.type !== 'field' || row.scope !== 'object' || !kindMatches(row, obj.kind) || row.path.includes('<')) continue;
      for (const n of nodesAtPath(obj.node, row.path)) lookup(row.path, n, 'key', (r) => r === row);
    }

    const w = obj.workload;
    if (w?.pod) {
      const podRoot = isPod ? obj.node : w.pod.spec.parent;
      if (!isPod) {
        for (const a of w.pod.metadata?.get('annotations')?.entries() ?? []) {
          if (a.key) lookup(`metadata.annotations.${a.key}`, a, 'key', (r) => annotationScopes(r, true));
        }
        for (const l of w.pod.metadata?.get('labels')?.entries() ?? []) {
          if (l.key) lookup(`metadata.labels.${l.key}`, l, 'key', (r) => r.type === 'label' && r.scope === 'object');
        }
      }
      if (podRoot) {
        for (const row of POD_ROWS('pod', 'field')) {
          if (!kindMatches(row, obj.kind) || row.path.includes('<')) continue;
          for (const n of nodesAtPath(podRoot, row.path)) lookup(row.path, n, 'key', (r) => r === row);
        }
      }
      // Node labels matter where a pod picks nodes: selectors, affinity, spread and tolerations.
      const nodeLabel = (r: KubernetesFieldRow) => r.type === 'label' && r.scope === 'pod';
      const spec = w.pod.spec;
      for (const s of spec.get('nodeSelector')?.entries() ?? []) if (s.key) lookup(`spec.nodeSelector.${s.key}`, s, 'key', nodeLabel);
      for (const v of nodeLabelValues(spec)) lookup(str(v)!, v, 'value', nodeLabel);
      // Toleration keys name taints; node-role.kubernetes.io/master is both a label and a taint.
      for (const t of spec.get('tolerations')?.items() ?? []) {
        const k = t.get('key');
        if (k && typeof k.value === 'string') lookup(k.value, k, 'taint', nodeLabel);
      }
    }

    for (const f of found) {
      if (versionGuarded(doc, text, f.node.keyStart ?? f.node.start)) continue;
      out.push(finding(text, obj, target, f));
    }
  }
  return out;
}

/** Label keys written as values: node affinity expressions, topology keys, toleration keys. */
function nodeLabelValues(spec: SourceNode): SourceNode[] {
  const out: SourceNode[] = [];
  const na = spec.at('affinity', 'nodeAffinity');
  for (const term of na?.at('requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms')?.items() ?? []) {
    for (const e of term.get('matchExpressions')?.items() ?? []) out.push(...opt(e.get('key')));
  }
  for (const p of na?.get('preferredDuringSchedulingIgnoredDuringExecution')?.items() ?? []) {
    for (const e of p.at('preference', 'matchExpressions')?.items() ?? []) out.push(...opt(e.get('key')));
  }
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const a = spec.at('affinity', kind);
    for (const t of a?.get('requiredDuringSchedulingIgnoredDuringExecution')?.items() ?? []) out.push(...opt(t.get('topologyKey')));
    for (const t of a?.get('preferredDuringSchedulingIgnoredDuringExecution')?.items() ?? []) out.push(...opt(t.at('podAffinityTerm', 'topologyKey')));
  }
  for (const c of spec.get('topologySpreadConstraints')?.items() ?? []) out.push(...opt(c.get('topologyKey')));
  return out.filter((n) => typeof n.value === 'string');
}

function opt(n: SourceNode | undefined): SourceNode[] {
  return n && n.kind === 'scalar' ? [n] : [];
}

function describe(row: KubernetesFieldRow, node: SourceNode, kind: Found['kind']): { what: string; name: string; volume: boolean } {
  const key = kind === 'key' ? node.key ?? row.path : String(node.value);
  if (row.type === 'annotation') return { what: 'Annotation', name: `"${key}"`, volume: false };
  if (row.type === 'label') return { what: row.scope !== 'pod' ? 'Label' : kind === 'taint' ? 'Node taint' : 'Node label', name: `"${key}"`, volume: false };
  const volume = row.path.includes('volumes[*].');
  return { what: volume ? 'Volume type' : 'Field', name: volume ? `"${key}"` : row.path.replace(/\[\*\]/g, '[]'), volume };
}

interface Found {
  row: KubernetesFieldRow;
  status: FieldStatusId;
  node: SourceNode;
  at: SourceNode;
  kind: 'key' | 'value' | 'taint';
}

function finding(text: string, obj: K8sObject, targetVersion: string, { row, status, node, at, kind }: Found): FieldFinding {
  const d = describe(row, node, kind);
  const later: string[] = [];
  if (status === 'deprecated') {
    if (row.ineffectiveFrom) later.push(d.volume ? `Kubernetes ${row.ineffectiveFrom} drops the plugin behind it` : `Kubernetes ${row.ineffectiveFrom} ignores it`);
    if (row.removedIn) later.push(`Kubernetes ${row.removedIn} rejects it`);
  }
  const data: Record<string, string> = {
    what: d.what,
    name: d.name,
    target: targetVersion,
    still: row.type === 'label' && row.scope === 'pod' ? `nodes of EKS ${targetVersion} may still carry it` : `EKS ${targetVersion} still accepts it`,
    since: row.deprecatedIn ? ` since Kubernetes ${row.deprecatedIn}` : '',
    later: later.length ? `, but ${later.join(' and ')}` : '',
    from: (status === 'removed' ? row.removedIn : row.ineffectiveFrom) ?? '',
    replacement: row.replacement ?? '',
    // Table replacements are either a name (`spec.serviceAccountName`) or a phrase.
    use: !row.replacement ? 'Nothing replaces it.' : /\s/.test(row.replacement) ? `Instead, use ${row.replacement}.` : `Use ${row.replacement} instead.`,
  };
  const f: FieldFinding = { obj, row, status, node: at, data, volume: d.volume, workload: obj.workload };
  addEdits(text, obj, f, node, kind);
  return f;
}

function addEdits(text: string, obj: K8sObject, f: FieldFinding, node: SourceNode, kind: Found['kind']): void {
  const row = f.row;
  if (row.path === 'spec.serviceAccount' && row.type === 'field') {
    const spec = node.parent;
    const named = spec?.get('serviceAccountName');
    if (!named) {
      const e = renameKey(text, node, 'serviceAccountName');
      if (e) f.fix = { title: 'Rename serviceAccount to serviceAccountName', edits: [e] };
    } else if (spec && text[spec.start] !== '{' && !lineHasTemplate(text, node.keyStart ?? node.start)) {
      const same = str(named) !== undefined && str(named) === str(node);
      const edit = removeEntryLines(text, node);
      if (same) f.fix = { title: 'Remove serviceAccount (serviceAccountName says the same)', edits: [edit] };
      else f.suggest = [{ title: `Remove serviceAccount (serviceAccountName "${str(named) ?? ''}" is the one used)`, edits: [edit] }];
    }
    return;
  }
  if (row.path === 'kubernetes.io/ingress.class' && obj.kind === 'Ingress') {
    const s = ingressClassSuggestion(text, obj, node);
    if (s) f.suggest = [s];
    return;
  }
  if ((row.type === 'label' || row.type === 'annotation') && row.replacement && PLAIN_KEY.test(row.replacement) && !row.prefix) {
    const e: OffsetEdit | undefined =
      kind === 'key' ? renameKey(text, node, row.replacement) : replaceQuoted(text, node, row.replacement);
    if (e && !lineHasTemplate(text, node.keyStart ?? node.start)) f.suggest = [{ title: `Use ${row.replacement}`, edits: [e] }];
  }
}

function replaceQuoted(text: string, node: SourceNode, value: string): OffsetEdit {
  const q = text[node.start];
  return { start: node.start, end: node.end, newText: q === '"' || q === "'" ? `${q}${value}${q}` : value };
}

/**
 * `kubernetes.io/ingress.class: alb` -> `spec.ingressClassName: alb`. A suggestion, not
 * a fix: the field names an IngressClass object, which must exist with that name
 * (the annotation named whatever the controller chose to read).
 */
function ingressClassSuggestion(text: string, obj: K8sObject, entry: SourceNode): FixDescriptor | undefined {
  const av = obj.apiVersion.trim();
  if (av !== 'networking.k8s.io/v1' && av !== 'networking.k8s.io/v1beta1') return undefined;
  const spec = obj.node.get('spec');
  const annotations = entry.parent;
  if (!spec || spec.kind !== 'map' || text[spec.start] === '{' || spec.get('ingressClassName') || !annotations || text[annotations.start] === '{') return undefined;
  if (entry.kind !== 'scalar' || typeof entry.value !== 'string' || !entry.value || lineHasTemplate(text, entry.keyStart ?? entry.start)) return undefined;
  const valueText = text.slice(entry.start, entry.end);
  if (valueText.includes('\n')) return undefined;
  const first = spec.entries()[0];
  const line = `ingressClassName: ${valueText}`;
  const insert = (first && insertBeforeEntry(text, first, [line])) ?? insertIntoBlockMap(text, spec, [line]);
  if (!insert) return undefined;
  // The only annotation: drop the whole `annotations:` key rather than leave it empty.
  const only = annotations.entries().length === 1 && annotations.keyStart !== undefined;
  const remove = removeEntryLines(text, only ? annotations : entry);
  return { title: `Use spec.ingressClassName: ${entry.value} (an IngressClass "${entry.value}" must exist)`, edits: [insert, remove] };
}
