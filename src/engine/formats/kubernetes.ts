import type { SourceNode } from '../source/source-node';
import { str } from '../source/source-node';
import type { ContainerView, ParsedDocument, PodView, PortView, WorkloadView } from '../views';
import { parseK8sCpu, parseK8sMemory } from '../knowledge/quantities';
import { isAcceleratorResource, stringMap } from './common';

/** Kinds whose pods Offload places. Path from the object root to the pod template. */
const POD_PATHS: Record<string, string[]> = {
  Pod: [],
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

export const WORKLOAD_KINDS = Object.keys(POD_PATHS);

export function isKubernetesObject(root: SourceNode): boolean {
  return root.kind === 'map' && !!str(root.get('apiVersion')) && !!str(root.get('kind'));
}

/** Expands `kind: List` (and `*List`) into its items; other objects stand alone. */
export function kubernetesObjects(root: SourceNode): SourceNode[] {
  const kind = str(root.get('kind')) ?? '';
  if (kind === 'List' || (kind.endsWith('List') && root.get('items')?.kind === 'seq')) {
    return root.get('items')?.items().filter(isKubernetesObject) ?? [];
  }
  return [root];
}

export function kubernetesWorkload(doc: ParsedDocument, obj: SourceNode, itemIndex: number | undefined): WorkloadView | undefined {
  const kind = str(obj.get('kind'));
  if (!kind || !(kind in POD_PATHS)) return undefined;
  const metadata = obj.get('metadata');
  const name = writtenName(doc, metadata?.get('name')) ?? str(metadata?.get('generateName')) ?? `(unnamed ${kind})`;
  const template = POD_PATHS[kind].length ? obj.at(...POD_PATHS[kind]) : obj;
  const spec = template?.get('spec');
  const pod = spec?.kind === 'map' ? podView(spec, kind === 'Pod' ? metadata : template?.get('metadata')) : undefined;
  const idx = itemIndex === undefined ? `${doc.docIndex}` : `${doc.docIndex}.${itemIndex}`;
  return {
    id: `${doc.file}#${idx}/${kind}/${name}`,
    name,
    kind,
    namespace: str(metadata?.get('namespace')),
    format: 'kubernetes',
    file: doc.file,
    doc,
    node: obj,
    anchor: obj.get('kind') ?? obj,
    containers: pod ? podContainers(pod.spec) : [],
    pod,
    metadata,
  };
}

function podView(spec: SourceNode, metadata: SourceNode | undefined): PodView {
  return {
    spec,
    metadata,
    labels: stringMap(metadata?.get('labels')),
    hostNetwork: spec.get('hostNetwork'),
    hostPID: spec.get('hostPID'),
    hostIPC: spec.get('hostIPC'),
    volumes: spec.get('volumes')?.items() ?? [],
    nodeSelector: spec.get('nodeSelector'),
    affinity: spec.get('affinity'),
  };
}

function podContainers(spec: SourceNode): ContainerView[] {
  const out: ContainerView[] = [];
  for (const c of spec.get('initContainers')?.items() ?? []) out.push(container(c, true));
  for (const c of spec.get('containers')?.items() ?? []) out.push(container(c, false));
  return out;
}

function container(c: SourceNode, init: boolean): ContainerView {
  const sc = c.get('securityContext');
  const resources = c.get('resources');
  const requests = resources?.get('requests');
  const limits = resources?.get('limits');
  const accelerators: ContainerView['accelerators'] = [];
  for (const block of [requests, limits]) {
    for (const e of block?.entries() ?? []) {
      if (e.key && isAcceleratorResource(e.key) && !accelerators.some((a) => a.resource === e.key)) accelerators.push({ node: e, resource: e.key });
    }
  }
  const ports: PortView[] = (c.get('ports')?.items() ?? []).map((p) => {
    const hp = p.get('hostPort');
    return {
      node: p,
      containerPort: numberOf(p.get('containerPort')),
      hostPort: numberOf(hp),
      hostPortNode: hp,
      protocol: str(p.get('protocol')),
    };
  });
  const q = (n: SourceNode | undefined, parse: (v: unknown) => number | undefined) => (n ? { node: n, amount: parse(n.value) } : undefined);
  return {
    name: str(c.get('name')) ?? '(unnamed)',
    node: c,
    nameNode: c.get('name'),
    init,
    image: c.get('image'),
    privileged: sc?.get('privileged'),
    allowPrivilegeEscalation: sc?.get('allowPrivilegeEscalation'),
    ports,
    resources,
    cpuRequest: q(requests?.get('cpu'), parseK8sCpu),
    memoryRequest: q(requests?.get('memory'), parseK8sMemory),
    cpuLimit: q(limits?.get('cpu'), parseK8sCpu),
    memoryLimit: q(limits?.get('memory'), parseK8sMemory),
    accelerators,
    capabilitiesAdd: sc?.at('capabilities', 'add')?.items() ?? [],
  };
}

function numberOf(n: SourceNode | undefined): number | undefined {
  if (!n || n.kind !== 'scalar') return undefined;
  const v = typeof n.value === 'string' ? Number(n.value) : n.value;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/**
 * A name as the author wrote it. In a Helm template the masked value of
 * `name: {{ include "app.fullname" . }}-web` parses as `-web`; the raw line is what
 * the user recognises in the sidebar and in messages.
 */
/** Where a flow value written as raw text ends: the first `,` or `}` outside `{{ }}` and quotes. */
function flowValueEnd(raw: string): number {
  let actions = 0;
  let quote = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (raw.startsWith('{{', i)) {
      actions++;
      i++;
    } else if (actions > 0 && raw.startsWith('}}', i)) {
      actions--;
      i++;
    } else if (actions > 0) continue;
    else if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ',' || c === '}') return i;
  }
  return raw.length;
}

function writtenName(doc: ParsedDocument, node: SourceNode | undefined): string | undefined {
  const parsed = str(node);
  if (!doc.rawText || !node || node.keyEnd === undefined) return parsed;
  // Any line break ends the value: CRLF, LF, or a lone CR.
  const rest = doc.rawText.slice(node.keyEnd);
  const lineEnd = rest.search(/[\r\n]/);
  let raw = rest.slice(0, lineEnd < 0 ? undefined : lineEnd).replace(/^\s*:\s*/, '').replace(/\s+#.*$/, '');
  // In flow style (`metadata: {name: {{ .x }}, labels: {...}}`) the value also ends at
  // the `,` or `}` that closes it, outside template actions and quotes.
  if (node.parent && doc.rawText[node.parent.start] === '{') raw = raw.slice(0, flowValueEnd(raw));
  raw = raw.trim();
  if (!raw.includes('{{')) return parsed;
  return raw.replace(/^(['"])(.*)\1$/, '$2');
}
