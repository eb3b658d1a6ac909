/**
 * Questions about the Kubernetes API lifecycle table: is this apiVersion/kind served by
 * a given Kubernetes minor, what replaces it, and which fields, annotations and labels
 * are deprecated. Pure functions over the generated data in `./kubernetes-apis`; every
 * answer is plain data (DESIGN §1), and odd input gives 'unknown', never an exception.
 *
 * Boundary convention: a release named in the table is the FIRST release in the new
 * state. At `removedIn` the API is no longer served; at `deprecatedIn` it is served
 * with a deprecation warning. Only major.minor matters: 1.16.3 behaves as 1.16.
 */
import { asOf, kubernetesApis, kubernetesFields, sources } from './kubernetes-apis';
import type { ApiMigration, KubernetesApiRow, KubernetesFieldRow } from './kubernetes-apis';

export type { ApiMigration, KubernetesApiRow, KubernetesFieldRow } from './kubernetes-apis';
export { kubernetesApis, kubernetesFields };

/** The day the API table was researched. */
export const KUBERNETES_APIS_AS_OF: string = asOf;
/** What the API table was built from. */
export const KUBERNETES_APIS_SOURCES: readonly string[] = sources;

// ---------------------------------------------------------------------------
// Versions

/** A parsed Kubernetes version. */
export interface K8sVersion {
  readonly major: number;
  readonly minor: number;
  /** null when the input gave only major.minor. */
  readonly patch: number | null;
}

// Accepts '1.9', 'v1.9', '1.29.3', 'v1.29.0-eks-1234' and the like. Numbers are refused
// on purpose: YAML reads an unquoted `1.30` as the number 1.3, so a number cannot be
// trusted to mean the minor its author wrote.
const VERSION = /^v?(\d{1,3})\.(\d{1,3})(?:\.(\d{1,5}))?(?:[-+][0-9A-Za-z.+-]*)?$/;

/** Parses a version string; null when it is not one. */
export function parseK8sVersion(input: unknown): K8sVersion | null {
  if (typeof input !== 'string') return null;
  const m = VERSION.exec(input.trim());
  if (!m) return null;
  return { major: Number(m[1]), minor: Number(m[2]), patch: m[3] === undefined ? null : Number(m[3]) };
}

/** 'major.minor' for a version string, or null when it is not one. */
export function normalizeK8sVersion(input: unknown): string | null {
  const v = parseK8sVersion(input);
  return v ? `${v.major}.${v.minor}` : null;
}

/**
 * Orders versions numerically ('1.9' < '1.10'); a missing patch counts as 0, so
 * '1.16' equals '1.16.0'. Strings that are not versions sort after all versions and
 * among themselves by plain string order, so the function is a total order and never
 * throws (it is safe as an Array.prototype.sort comparator).
 */
export function compareK8sVersions(a: string, b: string): number {
  const va = parseK8sVersion(a);
  const vb = parseK8sVersion(b);
  if (va && vb) return va.major - vb.major || va.minor - vb.minor || (va.patch ?? 0) - (vb.patch ?? 0);
  if (va) return -1;
  if (vb) return 1;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** a >= b for 'major.minor' strings already known to parse. */
function atOrAfter(a: string, b: string): boolean {
  return compareK8sVersions(a, b) >= 0;
}

/** The minor before `v` ('1.16' -> '1.15'); null for x.0. */
function previousMinor(v: string): string | null {
  const p = parseK8sVersion(v);
  return p && p.minor > 0 ? `${p.major}.${p.minor - 1}` : null;
}

// ---------------------------------------------------------------------------
// Lookup

/** An apiVersion + kind pair. */
export interface GroupVersionKind {
  readonly apiVersion: string;
  readonly kind: string;
}

const key = (apiVersion: string, kind: string): string => `${apiVersion.toLowerCase()} ${kind.toLowerCase()}`;

const ROWS = new Map<string, KubernetesApiRow>(kubernetesApis.map((r) => [key(r.apiVersion, r.kind), r]));

/**
 * GVKs the table names only as replacements (apps/v1 Deployment, ...), with the
 * earliest release the guide says serves them (null when not stated).
 */
const TARGETS = new Map<string, { gvk: GroupVersionKind; availableIn: string | null }>();
for (const r of kubernetesApis) {
  if (!r.replacement) continue;
  const k = key(r.replacement.apiVersion, r.replacement.kind);
  if (ROWS.has(k)) continue;
  const prev = TARGETS.get(k);
  const availableIn = r.replacementAvailableIn;
  if (!prev) TARGETS.set(k, { gvk: r.replacement, availableIn });
  else if (availableIn && (!prev.availableIn || compareK8sVersions(availableIn, prev.availableIn) < 0)) prev.availableIn = availableIn;
}

/**
 * Groups Kubernetes itself defines: every group in the table or named as a
 * replacement, plus built-in groups that only ever had alpha or GA versions here.
 */
const BUILT_IN_GROUPS = new Set<string>([
  ...kubernetesApis.map((r) => r.group),
  ...kubernetesApis.flatMap((r) => (r.replacement ? [splitApiVersion(r.replacement.apiVersion).group] : [])),
  'resource.k8s.io', 'storagemigration.k8s.io', 'internal.apiserver.k8s.io', 'settings.k8s.io',
]);

function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

// apiVersion never contains whitespace, so all of it can go (' apps / v1 ' -> 'apps/v1').
function cleanApiVersion(input: unknown): string {
  return typeof input === 'string' ? input.replace(/\s+/g, '') : '';
}

function cleanKind(input: unknown): string {
  return typeof input === 'string' ? input.trim() : '';
}

/** What the table says about one apiVersion + kind. Plain data. */
export interface ApiLifecycle {
  /** The apiVersion as read (whitespace removed); '' when the input was not a string. */
  readonly apiVersion: string;
  readonly kind: string;
  readonly group: string;
  readonly version: string;
  /**
   * The table knows this GVK: it is a row (deprecated or removed), or it is named as
   * a replacement. False for custom resources and for built-in kinds the table has no
   * reason to list.
   */
  readonly known: boolean;
  /** The group is one Kubernetes defines (so not a CRD group). */
  readonly builtInGroup: boolean;
  /** The table row, when the GVK was deprecated or removed. */
  readonly row: KubernetesApiRow | null;
  readonly stability: KubernetesApiRow['stability'] | null;
  /** For a row: its introducedIn. For a replacement-only GVK: the release the guide says first serves it. */
  readonly introducedIn: string | null;
  readonly deprecatedIn: string | null;
  readonly removedIn: string | null;
  /** Last minor that served it by default; null while still served (or unknown). */
  readonly servedUntil: string | null;
  readonly replacement: GroupVersionKind | null;
  /** The end of the replacement chain (flowcontrol v1beta1 -> v1beta2 -> v1beta3 -> v1 gives v1). */
  readonly finalReplacement: GroupVersionKind | null;
  readonly migration: ApiMigration | null;
  readonly changes: readonly string[];
  readonly source: string | null;
  readonly notes: string | null;
}

function findRow(apiVersion: string, kind: string): KubernetesApiRow | null {
  return ROWS.get(key(apiVersion, kind)) ?? null;
}

/**
 * Looks up an apiVersion + kind. Never throws: non-string or empty input gives
 * `known: false`. Matching ignores case, since API groups are lower-case and a kind in
 * the wrong case is still recognisably the same kind; the answer carries the canonical
 * spelling when it is known.
 */
export function kubernetesApi(apiVersion: unknown, kind: unknown): ApiLifecycle {
  const av = cleanApiVersion(apiVersion);
  const k = cleanKind(kind);
  const row = av && k ? findRow(av, k) : null;
  const target = !row && av && k ? TARGETS.get(key(av, k)) ?? null : null;
  const canonicalApiVersion = row?.apiVersion ?? target?.gvk.apiVersion ?? av;
  const { group, version } = splitApiVersion(canonicalApiVersion);
  return {
    apiVersion: canonicalApiVersion,
    kind: row?.kind ?? target?.gvk.kind ?? k,
    group,
    version,
    known: row !== null || target !== null,
    builtInGroup: av !== '' && BUILT_IN_GROUPS.has(group.toLowerCase()),
    row,
    stability: row?.stability ?? (target ? stabilityOf(version) : null),
    introducedIn: row ? row.introducedIn : target?.availableIn ?? null,
    deprecatedIn: row?.deprecatedIn ?? null,
    removedIn: row?.removedIn ?? null,
    servedUntil: row?.removedIn ? previousMinor(row.removedIn) : null,
    replacement: row?.replacement ?? null,
    finalReplacement: row ? chainOf(row).at(-1) ?? null : null,
    migration: row?.migration ?? null,
    changes: row?.changes ?? [],
    source: row?.source ?? null,
    notes: row?.notes ?? null,
  };
}

function stabilityOf(version: string): KubernetesApiRow['stability'] {
  return /alpha/.test(version) ? 'alpha' : /beta/.test(version) ? 'beta' : 'stable';
}

/** The replacement chain of a row, nearest first. Guarded against cycles. */
function chainOf(row: KubernetesApiRow): GroupVersionKind[] {
  const chain: GroupVersionKind[] = [];
  const seen = new Set<string>([key(row.apiVersion, row.kind)]);
  let next = row.replacement;
  while (next && !seen.has(key(next.apiVersion, next.kind))) {
    seen.add(key(next.apiVersion, next.kind));
    chain.push(next);
    next = findRow(next.apiVersion, next.kind)?.replacement ?? null;
  }
  return chain;
}

// ---------------------------------------------------------------------------
// Status at a version

export type ApiStatusId = 'served' | 'deprecated' | 'removed' | 'unknown';

/** Whether an apiVersion + kind is served by one Kubernetes minor. Plain data. */
export interface ApiStatus {
  readonly status: ApiStatusId;
  /** The target as 'major.minor', or the input as given when it is not a version. */
  readonly target: string;
  readonly row?: KubernetesApiRow;
  /**
   * What to move to: the furthest step of the replacement chain that the target
   * serves, or the next step when none of them is served there.
   */
  readonly replacement?: GroupVersionKind;
  /** Why the answer is what it is, when that is not obvious. */
  readonly note?: string;
}

function rowStatus(row: KubernetesApiRow, target: string): ApiStatusId {
  if (row.introducedIn && !atOrAfter(target, row.introducedIn)) return 'unknown';
  if (row.removedIn && atOrAfter(target, row.removedIn)) return 'removed';
  if (row.deprecatedIn && atOrAfter(target, row.deprecatedIn)) return 'deprecated';
  return 'served';
}

/** Status of a GVK at a target without looking at replacements. */
function plainStatus(gvk: GroupVersionKind, target: string): ApiStatusId {
  const row = findRow(gvk.apiVersion, gvk.kind);
  if (row) return rowStatus(row, target);
  const t = TARGETS.get(key(gvk.apiVersion, gvk.kind));
  if (!t) return 'unknown';
  return !t.availableIn || atOrAfter(target, t.availableIn) ? 'served' : 'unknown';
}

/**
 * The best replacement for a row at a target: the furthest step of the chain the
 * target serves without deprecation, else the furthest it serves at all, else the
 * next step.
 */
function replacementAt(row: KubernetesApiRow, target: string): GroupVersionKind | undefined {
  const chain = chainOf(row);
  let best: GroupVersionKind | undefined;
  let bestDeprecated: GroupVersionKind | undefined;
  for (const step of chain) {
    const s = plainStatus(step, target);
    if (s === 'served') best = step;
    if (s === 'deprecated') bestDeprecated = step;
  }
  return best ?? bestDeprecated ?? chain[0];
}

/**
 * Whether `apiVersion`/`kind` is served by Kubernetes `targetVersion` ('1.29',
 * 'v1.29.3', ...). Unknown GVKs (custom resources, kinds the table does not list) and
 * unreadable versions give 'unknown'.
 */
export function apiStatusAt(apiVersion: unknown, kind: unknown, targetVersion: unknown): ApiStatus {
  const target = normalizeK8sVersion(targetVersion);
  if (!target) {
    return { status: 'unknown', target: typeof targetVersion === 'string' ? targetVersion : '', note: 'not a Kubernetes version' };
  }
  const av = cleanApiVersion(apiVersion);
  const k = cleanKind(kind);
  const row = av && k ? findRow(av, k) : null;
  if (!row) {
    const t = av && k ? TARGETS.get(key(av, k)) : undefined;
    if (!t) return { status: 'unknown', target, note: 'not in the API lifecycle table' };
    if (!t.availableIn || atOrAfter(target, t.availableIn)) return { status: 'served', target };
    return { status: 'unknown', target, note: `first served in ${t.availableIn}` };
  }
  const status = rowStatus(row, target);
  const notes: string[] = [];
  if (status === 'unknown') notes.push(`introduced in ${row.introducedIn}`);
  if (row.stability === 'alpha' && status !== 'removed') notes.push('alpha: served only when enabled with --runtime-config');
  const replacement = status === 'deprecated' || status === 'removed' ? replacementAt(row, target) : undefined;
  if (replacement && plainStatus(replacement, target) === 'removed') {
    notes.push(`the replacement ${replacement.apiVersion} ${replacement.kind} is not served at ${target} either`);
  }
  return {
    status,
    target,
    row,
    ...(replacement ? { replacement } : {}),
    ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
  };
}

/** Rows no longer served at `targetVersion` (removed at or before it). Empty for an unreadable version. */
export function removedIn(targetVersion: unknown): KubernetesApiRow[] {
  const target = normalizeK8sVersion(targetVersion);
  if (!target) return [];
  return kubernetesApis.filter((r) => r.removedIn !== null && atOrAfter(target, r.removedIn));
}

/** Rows still served at `targetVersion` but deprecated there. */
export function deprecatedAt(targetVersion: unknown): KubernetesApiRow[] {
  const target = normalizeK8sVersion(targetVersion);
  if (!target) return [];
  return kubernetesApis.filter((r) => rowStatus(r, target) === 'deprecated');
}

/**
 * Rows an upgrade from `fromVersion` to `toVersion` stops serving: served (or
 * deprecated) at the first, removed at the second.
 */
export function removedBetween(fromVersion: unknown, toVersion: unknown): KubernetesApiRow[] {
  const from = normalizeK8sVersion(fromVersion);
  const to = normalizeK8sVersion(toVersion);
  if (!from || !to) return [];
  return kubernetesApis.filter((r) => {
    const before = rowStatus(r, from);
    return (before === 'served' || before === 'deprecated') && rowStatus(r, to) === 'removed';
  });
}

/** The end of the replacement chain for a GVK; null when it has none or is not a row. */
export function latestReplacement(apiVersion: unknown, kind: unknown): GroupVersionKind | null {
  return kubernetesApi(apiVersion, kind).finalReplacement;
}

// ---------------------------------------------------------------------------
// Fields, annotations and labels

export type FieldStatusId = 'ok' | 'deprecated' | 'ineffective' | 'removed' | 'unknown';

/** What the table says about a field path or an annotation/label key. Plain data. */
export interface FieldLifecycle {
  /** The path or key as matched (whitespace removed, list indexes as [*]). */
  readonly path: string;
  readonly kind: string;
  readonly known: boolean;
  /** The best match: an exact key or path before a prefix match. */
  readonly row: KubernetesFieldRow | null;
}

/** Where a pod spec sits inside each pod-carrying kind. */
const POD_TEMPLATE_PREFIXES = ['spec.jobTemplate.spec.template.', 'spec.template.', 'template.'];

/** Reads 'metadata.annotations.<key>', 'spec.template.spec.nodeSelector.<key>' and the like. */
const KEYED_MAP = /^(?:.*?\.)?(?:annotations|labels|nodeSelector)\.(.+)$/;

function cleanPath(input: unknown): string {
  if (typeof input !== 'string') return '';
  return input.replace(/\s+/g, '').replace(/\[\d+\]/g, '[*]');
}

function kindMatches(row: KubernetesFieldRow, kind: string): boolean {
  if (!kind || row.appliesTo.length === 0) return true;
  const k = kind.toLowerCase();
  return row.appliesTo.some((a) => a.toLowerCase() === k);
}

function apiVersionMatches(row: KubernetesFieldRow, apiVersion: string): boolean {
  if (!apiVersion || row.apiVersions === null) return true;
  const av = apiVersion.toLowerCase();
  return row.apiVersions.some((a) => a.toLowerCase() === av);
}

function rowMatchesPath(row: KubernetesFieldRow, path: string): 'exact' | 'prefix' | null {
  if (row.type === 'field') {
    if (path === row.path) return 'exact';
    if (row.scope === 'pod') {
      for (const prefix of POD_TEMPLATE_PREFIXES) {
        if (path.startsWith(prefix) && path.slice(prefix.length) === row.path) return 'exact';
      }
    }
    return null;
  }
  const keyed = KEYED_MAP.exec(path);
  const candidates = keyed ? [path, keyed[1]] : [path];
  for (const c of candidates) {
    if (c === row.path) return 'exact';
    if (row.prefix && c.startsWith(row.prefix) && c.length > row.prefix.length) return 'prefix';
  }
  return null;
}

/**
 * Looks up a field path ('spec.serviceAccount', 'spec.template.spec.volumes[0].gitRepo')
 * or an annotation/label key ('kubernetes.io/ingress.class',
 * 'container.seccomp.security.alpha.kubernetes.io/app'). `kind` narrows the match to
 * rows that apply to it, and `apiVersion` to rows of fields that only some versions
 * had; leave either out to match any. Never throws.
 */
export function fieldLifecycle(path: unknown, kind?: unknown, apiVersion?: unknown): FieldLifecycle {
  const p = cleanPath(path);
  const k = cleanKind(kind);
  const av = cleanApiVersion(apiVersion);
  let best: KubernetesFieldRow | null = null;
  if (p) {
    for (const row of kubernetesFields) {
      if (!kindMatches(row, k) || !apiVersionMatches(row, av)) continue;
      const m = rowMatchesPath(row, p);
      if (m === 'exact') {
        best = row;
        break;
      }
      if (m === 'prefix' && !best) best = row;
    }
  }
  return { path: p, kind: k, known: best !== null, row: best };
}

/** A field's state at one Kubernetes minor. Plain data. */
export interface FieldStatus {
  readonly status: FieldStatusId;
  readonly target: string;
  readonly row?: KubernetesFieldRow;
  readonly replacement?: string;
  readonly note?: string;
}

function fieldRowStatus(row: KubernetesFieldRow, target: string): FieldStatusId {
  if (row.removedIn && atOrAfter(target, row.removedIn)) return 'removed';
  if (row.ineffectiveFrom && atOrAfter(target, row.ineffectiveFrom)) return 'ineffective';
  // A null deprecatedIn means deprecated since before the covered releases.
  if (!row.deprecatedIn || atOrAfter(target, row.deprecatedIn)) return 'deprecated';
  return 'ok';
}

/**
 * The state of a field, annotation or label at `targetVersion`: 'ok' (not yet
 * deprecated), 'deprecated', 'ineffective' (accepted but ignored), 'removed'
 * (rejected or gone with its API version), or 'unknown' when the table does not list
 * it or the version cannot be read.
 */
export function fieldStatusAt(path: unknown, kind: unknown, targetVersion: unknown, apiVersion?: unknown): FieldStatus {
  // The field rule asks this for every label and annotation key of every object, and a
  // lookup scans the whole table: the answers for string arguments are remembered.
  if (typeof path !== 'string' || typeof kind !== 'string' || typeof targetVersion !== 'string' || (apiVersion !== undefined && typeof apiVersion !== 'string')) {
    return fieldStatusUncached(path, kind, targetVersion, apiVersion);
  }
  const key = `${path}\u0000${kind}\u0000${targetVersion}\u0000${apiVersion ?? ''}`;
  let hit = FIELD_STATUS_MEMO.get(key);
  if (!hit) {
    hit = fieldStatusUncached(path, kind, targetVersion, apiVersion);
    if (FIELD_STATUS_MEMO.size >= 20000) FIELD_STATUS_MEMO.clear();
    FIELD_STATUS_MEMO.set(key, hit);
  }
  return hit;
}

const FIELD_STATUS_MEMO = new Map<string, FieldStatus>();

function fieldStatusUncached(path: unknown, kind: unknown, targetVersion: unknown, apiVersion?: unknown): FieldStatus {
  const target = normalizeK8sVersion(targetVersion);
  if (!target) {
    return { status: 'unknown', target: typeof targetVersion === 'string' ? targetVersion : '', note: 'not a Kubernetes version' };
  }
  const { row } = fieldLifecycle(path, kind, apiVersion);
  if (!row) return { status: 'unknown', target };
  return {
    status: fieldRowStatus(row, target),
    target,
    row,
    ...(row.replacement ? { replacement: row.replacement } : {}),
    ...(row.notes ? { note: row.notes } : {}),
  };
}

/** Field, annotation and label rows that can appear on `kind` (rows for any kind included). */
export function fieldsForKind(kind: unknown): KubernetesFieldRow[] {
  const k = cleanKind(kind);
  if (!k) return [];
  return kubernetesFields.filter((r) => kindMatches(r, k));
}
