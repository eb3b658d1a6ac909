import type { SourceNode } from '../source/source-node';
import { str } from '../source/source-node';
import type { ContainerView, WorkloadView } from '../views';
import type { ContainerRequest, EksFargatePodSize } from '../knowledge';
import { eksPodRequest, fargateSizeFor } from '../knowledge';
import type { OffsetEdit } from '../rules/define-rule';
import { columnOf, endOfLine, insertIntoBlockMap, startOfLine } from '../fix/yaml-edits';

/**
 * Helpers shared by the eks-fargate-* rules: Fargate pod sizing over container views,
 * Helm-template awareness, and the few YAML edits those rules suggest. Not a rule.
 */

/**
 * DaemonSets never run on Fargate (eks-fargate-daemonset says so), so sizing
 * findings about them would only add noise.
 */
export function runsOnFargateAtAll(w: WorkloadView): boolean {
  return w.kind !== 'DaemonSet';
}

/**
 * An init container with `restartPolicy: Always` is a native sidecar (Kubernetes 1.29+):
 * it keeps running next to the app, so for sizing it counts as long-running.
 */
export function isSidecar(c: ContainerView): boolean {
  return c.init && str(c.node.get('restartPolicy')) === 'Always';
}

/** Classic init containers: they run to completion before the app starts. */
export function isClassicInit(c: ContainerView): boolean {
  return c.init && !isSidecar(c);
}

/** Kubernetes's effective request: the request, or the limit when only a limit is set. */
export function effectiveRequest(c: ContainerView): ContainerRequest {
  return { cpu: c.cpuRequest?.amount ?? c.cpuLimit?.amount, memoryMiB: c.memoryRequest?.amount ?? c.memoryLimit?.amount };
}

/**
 * The size EKS Fargate provisions for a pod. Follows the EKS guide's algorithm
 * (knowledge/fargate.ts), extended for native sidecars the way Kubernetes computes a
 * pod's effective request: sidecars add to the long-running sum, and each classic init
 * container also needs the sidecars declared before it.
 */
export function podFargateSize(containers: readonly ContainerView[]): EksFargatePodSize {
  const regular: ContainerRequest[] = [];
  const inits: ContainerRequest[] = [];
  let sidecarCpu = 0;
  let sidecarMemory = 0;
  let anySidecarRequest = false;
  for (const c of containers) {
    const r = effectiveRequest(c);
    if (isSidecar(c)) {
      regular.push(r);
      sidecarCpu += r.cpu ?? 0;
      sidecarMemory += r.memoryMiB ?? 0;
      anySidecarRequest ||= r.cpu !== undefined || r.memoryMiB !== undefined;
    } else if (c.init) {
      const hasOwn = r.cpu !== undefined || r.memoryMiB !== undefined;
      // Keep "not set" as undefined so a pod with no requests anywhere still counts as defaulted.
      inits.push(hasOwn || anySidecarRequest ? { cpu: (r.cpu ?? 0) + sidecarCpu, memoryMiB: (r.memoryMiB ?? 0) + sidecarMemory } : {});
    } else {
      regular.push(r);
    }
  }
  return eksPodRequest(regular, inits);
}

/** The memory Fargate adds to every pod for kubelet, kube-proxy and containerd, in MiB. */
export function fargatePodOverheadMiB(): number {
  const s = fargateSizeFor(0, 0, { platform: 'eks' });
  return s.withOverhead.memoryMiB - s.request.memoryMiB;
}

/** The size a pod without any requests gets (the smallest), from the knowledge module. */
export function fargateDefaultSize(): { vcpu: number; memoryMiB: number; label: string } {
  const s = fargateSizeFor(undefined, undefined, { platform: 'eks' }).size!;
  return { vcpu: s.vcpu, memoryMiB: s.memoryMiB, label: s.label };
}

/** '0.5' vCPU → '500m', 2 → '2': how manifests usually spell CPU. */
export function formatCpu(vcpu: number): string {
  return Number.isInteger(vcpu) ? String(vcpu) : `${Math.round(vcpu * 1000)}m`;
}

/** 256 → '256Mi', 2048 → '2Gi', 2304 → '2.25Gi'. */
export function formatMemory(mib: number): string {
  if (mib < 1024) return `${Math.round(mib * 100) / 100}Mi`;
  return `${Math.round((mib / 1024) * 100) / 100}Gi`;
}

/** For prose: 256 → '256 MiB', 131328 → '128.25 GiB'. */
export function describeMemory(mib: number): string {
  return mib < 1024 ? `${Math.round(mib * 100) / 100} MiB` : `${Math.round((mib / 1024) * 100) / 100} GiB`;
}

// ---------------------------------------------------------------------------
// Helm templates. The engine masks `{{ ... }}` with spaces before parsing, so
// `hostPID: {{ .Values.hostPID }}` reads as null and a whole `{{ toYaml ... }}`
// block disappears. Rules must read that as "unknown", never as "absent".

/** True when the source line holding the node (its key, if it has one) contains a template action. */
export function lineHasTemplate(text: string, node: SourceNode | undefined): boolean {
  if (!node) return false;
  const at = node.keyStart ?? node.start;
  return text.slice(startOfLine(text, at), endOfLine(text, at)).includes('{{');
}

/**
 * The source lines of a block node, through the last line indented at least as deep as
 * its first key. Unlike the node's own span, this includes trailing lines that held only
 * a template action (masked to blanks before parsing), which may add keys when rendered.
 */
export function blockLines(text: string, node: SourceNode): string {
  const first = node.kind === 'map' ? node.entries()[0] : undefined;
  const col = columnOf(text, first?.keyStart ?? node.keyStart ?? node.start);
  let pos = endOfLine(text, node.start);
  let end = pos;
  while (pos < text.length) {
    const eol = endOfLine(text, pos);
    const line = text.slice(pos, eol);
    if (line.trim() !== '') {
      if (line.length - line.trimStart().length < col) break;
      end = eol;
    }
    pos = eol;
  }
  return text.slice(startOfLine(text, node.start), end);
}

/**
 * Whether a template action could add keys to a block once rendered: a line of the block
 * that starts with an action (`{{- toYaml .Values.resources | nindent 12 }}`,
 * `{{- with ... }}`). A value action (`image: "{{ .Values.image }}"`) cannot.
 */
export function mayInjectKeys(text: string, node: SourceNode): boolean {
  return blockLines(text, node).split(/\r\n?|\n/).some((l) => l.trimStart().startsWith('{{'));
}

/** A scalar whose value came from a template action: treat it as unknown. */
export function isTemplatedValue(doc: { templated: boolean }, text: string, node: SourceNode | undefined): boolean {
  return doc.templated && !!node && (node.value === null || node.value === undefined || lineHasTemplate(text, node));
}

// ---------------------------------------------------------------------------
// Spans and edits.

/**
 * A view of a scalar map entry that spans `key: value`, for findings where the key
 * is the problem (`nvidia.com/gpu: 1`). Only its range is meaningful.
 */
export function entrySpan(node: SourceNode): SourceNode {
  if (node.kind !== 'scalar' || node.keyStart === undefined) return node;
  return {
    kind: 'scalar',
    value: node.value,
    start: node.keyStart,
    end: node.end,
    key: node.key,
    keyStart: node.keyStart,
    keyEnd: node.keyEnd,
    parent: node.parent,
    quoted: node.quoted,
    get: () => undefined,
    at: () => undefined,
    entries: () => [],
    items: () => [],
    toJS: () => node.toJS(),
  };
}

/** A map written in block style (not `{...}` flow style, and not JSON). */
export function isBlockMap(text: string, node: SourceNode | undefined): boolean {
  return !!node && node.kind === 'map' && text[node.start] !== '{' && node.entries().length > 0;
}

/**
 * Deletes one map entry (`hostPID: true`, `hostPort: 8080`) with its line break.
 * When the entry is the first key of a sequence item (`- hostPort: 80`), the next
 * key moves up behind the dash instead. Undefined where a line edit would not be
 * minimal and correct: flow maps, JSON, an item's only key, a value that shares its
 * line with other entries.
 */
export function removeEntry(text: string, entry: SourceNode): OffsetEdit | undefined {
  const map = entry.parent;
  if (!map || entry.keyStart === undefined || !isBlockMap(text, map)) return undefined;
  const lineStart = startOfLine(text, entry.keyStart);
  const before = text.slice(lineStart, entry.keyStart);
  const lineEnd = endOfLine(text, Math.max(entry.end - 1, entry.start));
  if (/^\s*$/.test(before)) {
    // Another entry on the same line would be deleted with it.
    // Nodes are fresh wrappers on every call: compare positions, not identity.
    const others = map.entries().filter((e) => e.keyStart !== entry.keyStart && e.keyStart !== undefined && e.keyStart >= lineStart && e.keyStart < lineEnd);
    return others.length ? undefined : { start: lineStart, end: lineEnd, newText: '' };
  }
  if (/^\s*-\s+$/.test(before)) {
    const entries = map.entries();
    const next = entries[entries.findIndex((e) => e.keyStart === entry.keyStart) + 1];
    if (!next || next.keyStart === undefined || next.keyStart < lineEnd) return undefined;
    return { start: entry.keyStart, end: next.keyStart, newText: '' };
  }
  return undefined;
}

/** Replaces a scalar with another scalar's exact source text (quotes and all). */
export function copyScalar(text: string, from: SourceNode, to: SourceNode): OffsetEdit {
  return { start: to.start, end: to.end, newText: text.slice(from.start, from.end) };
}

/** Replaces a scalar's value with a plain string, keeping its quote style (and JSON quoting). */
export function replaceScalarText(text: string, node: SourceNode, value: string): OffsetEdit {
  const q = text[node.start];
  const newText = q === '"' || q === "'" ? `${q}${value}${q}` : value;
  return { start: node.start, end: node.end, newText };
}

/**
 * The indent step of a block map's nested maps (2 in most manifests), measured from
 * the first nested block map found; 2 when there is none.
 */
export function indentStep(text: string, map: SourceNode): number {
  const stack = [map];
  while (stack.length) {
    const m = stack.shift()!;
    for (const e of m.entries()) {
      const child = e.kind === 'map' ? e : undefined;
      const first = child?.entries()[0];
      if (child && isBlockMap(text, child) && e.keyStart !== undefined && first?.keyStart !== undefined) {
        const step = columnOf(text, first.keyStart) - columnOf(text, e.keyStart);
        if (step > 0) return step;
      }
      if (e.kind === 'map') stack.push(e);
    }
  }
  return 2;
}

/**
 * Inserts `key: value` lines into a block map, each line a path below it, creating
 * the intermediate maps: addLines(text, container, ['resources', 'requests'], {cpu:'250m'}).
 * Keys that already exist on the path are reused. Undefined when any map on the way
 * is not a block map (flow style, JSON, template-masked).
 */
export function insertNested(text: string, map: SourceNode, path: string[], values: Record<string, string>): OffsetEdit | undefined {
  if (!isBlockMap(text, map)) return undefined;
  let at = map;
  let i = 0;
  for (; i < path.length; i++) {
    const next = at.get(path[i]);
    if (!next) break;
    if (!isBlockMap(text, next)) {
      // `resources: {}`: replace the empty flow map with a block, after the colon.
      if (next.kind === 'map' && next.entries().length === 0 && next.keyEnd !== undefined && text[next.start] === '{') {
        const colon = text.indexOf(':', next.keyEnd);
        const indent = ' '.repeat(columnOf(text, next.keyStart!));
        const step = ' '.repeat(indentStep(text, map));
        const eol = text.includes('\r\n') ? '\r\n' : '\n';
        const rest = path.slice(i + 1);
        const lines: string[] = [];
        rest.forEach((k, d) => lines.push(`${indent}${step.repeat(d + 1)}${k}:`));
        for (const [k, v] of Object.entries(values)) lines.push(`${indent}${step.repeat(rest.length + 1)}${k}: ${v}`);
        return { start: colon + 1, end: next.end, newText: eol + lines.join(eol) };
      }
      return undefined;
    }
    at = next;
  }
  const step = ' '.repeat(indentStep(text, map));
  const rest = path.slice(i);
  const valueLines = Object.entries(values).map(([k, v]) => `${step.repeat(rest.length)}${k}: ${v}`);
  const block = [...rest.map((k, d) => `${step.repeat(d)}${k}:`), ...valueLines].join('\n');
  return insertIntoBlockMap(text, at, [block]);
}
