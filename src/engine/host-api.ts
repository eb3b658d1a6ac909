/**
 * Small pure helpers for editor hosts: "what is under the cursor" (hovers), the
 * workload at a position, fix-all selection, suppression-comment edits, minimal
 * edits to `.offload.yaml`, and parse-cache warm-up for time-sliced scans.
 *
 * Like the rest of the engine this takes text and returns plain data; the VS Code
 * adapters (src/extension) only convert it. Markdown returned here escapes every
 * piece of text that comes from a manifest, so a hover cannot be turned into links
 * or markup by the file it describes.
 */
import { parseDocument, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import type { AnalysisResult, Finding, InputFile, PlatformId, Range, TextEdit, Workload } from './types';
import { PLATFORMS } from './types';
import type { ChunkCache } from './load';
import { loadFile } from './load';
import { parseYamlChunk } from './source/yaml-source';
import type { SourceNode } from './source/source-node';
import { str } from './source/source-node';
import { LineIndex } from './source/line-index';
import { applyEdits } from './fix/apply-edits';
import { suppressionComment } from './suppress';
import { matchesAnyGlob } from './glob';
import { ruleDocs } from './rule-docs';
import { taskDefinitionNode } from './formats/ecs-task-definition';
import { kubernetesObjects } from './formats/kubernetes';
import {
  apiStatusAt,
  eksPodRequest,
  eksSupportStatus,
  fargateHourlyCost,
  fargateSizeFor,
  HOURS_PER_MONTH,
  KNOWLEDGE_AS_OF,
  KUBERNETES_APIS_AS_OF,
  kubernetesApi,
  latestEksVersion,
  monthlyFromHourly,
  parseEcsCpu,
  parseEcsMemory,
  parseK8sCpu,
  parseK8sMemory,
  region as lookupRegion,
  regionSupports,
  validFargateCombos,
} from './knowledge';
import type { ContainerRequest } from './knowledge';
import { EKS_CONTROL_PLANE_PRICING } from './knowledge/pricing';
import { region as PRICE_REGION } from './knowledge/pricing';

export { matchesAnyGlob };

export const PLATFORM_LABELS: Record<PlatformId, string> = {
  'ecs-ec2': 'ECS on EC2',
  'ecs-fargate': 'ECS on Fargate',
  'eks-ec2': 'EKS on EC2',
  'eks-fargate': 'EKS on Fargate',
};

// ---------------------------------------------------------------------------
// Hover: what is under the cursor

/** What the host knows when it asks. */
export interface DescribeContext {
  /** ISO day; the engine never reads the clock. */
  today: string;
  /** The resolved target (from the last analysis), for "status at the target". */
  eksVersion?: string;
  regions?: string[];
  /** The last analysis, for the fit of the workload under the cursor. */
  result?: AnalysisResult;
  /** The host's shared parse cache, so a hover does not re-parse unchanged documents. */
  cache?: ChunkCache;
}

export type DescriptionTopic = 'kind' | 'apiVersion' | 'resources' | 'ecs-size' | 'compose-size' | 'eks-version' | 'region' | 'rule';

export interface Description {
  topic: DescriptionTopic;
  /** The range the hover is about (the key or value under the cursor). */
  range: Range;
  /** Markdown sections, each safe to render untrusted. */
  contents: string[];
}

interface Hit {
  /** The node whose key or value holds the offset. */
  node: SourceNode;
  onKey: boolean;
  /** Keys and sequence indexes from the document root to `node`. */
  path: (string | number)[];
  /** Ancestors, root first, ending with `node`. */
  chain: SourceNode[];
}

/**
 * Describes what is at `offset` in `file` for a hover: a Kubernetes `kind` or
 * `apiVersion`, container `resources`, ECS task `cpu`/`memory`, compose resources, an
 * eksctl `version`, a `region`, or a setting in `.offload.yaml`. Returns undefined
 * where there is nothing useful to say. Never throws for file content.
 */
export function describeAt(file: InputFile, offset: number, ctx: DescribeContext): Description | undefined {
  try {
    return describe(file, offset, ctx);
  } catch {
    return undefined;
  }
}

function describe(file: InputFile, offset: number, ctx: DescribeContext): Description | undefined {
  const isConfig = /(^|\/)\.offload\.ya?ml$/.test(file.path);
  if (isConfig) {
    const doc = parseYamlChunk(file.text.replace(/^\uFEFF/, ''), 0);
    const lines = new LineIndex(file.text.replace(/^\uFEFF/, ''));
    const hit = doc.root ? nodeAt(doc.root, offset) : undefined;
    return hit ? describeConfig(hit, lines, ctx) : undefined;
  }
  const model = loadFile(file.path, file.text, Number.POSITIVE_INFINITY, ctx.cache);
  const doc = documentAt(model.documents, offset);
  if (!doc) return undefined;
  const hit = nodeAt(doc.root, offset);
  if (!hit) return undefined;
  const range = (n: SourceNode, key: boolean) =>
    key && n.keyStart !== undefined && n.keyEnd !== undefined ? model.lines.range(n.keyStart, n.keyEnd) : model.lines.range(n.start, n.end);
  const at = range(hit.node, hit.onKey);
  const make = (topic: DescriptionTopic, contents: string[] | undefined): Description | undefined =>
    contents && contents.length ? { topic, range: at, contents } : undefined;

  // A `region` anywhere (eksctl metadata.region, awslogs-region, ...) is a region.
  const key = hit.path[hit.path.length - 1];
  const regionKey = typeof key === 'string' && /(^|[-_.])region$/i.test(key);
  if (regionKey && hit.node.kind === 'scalar' && str(hit.node)) return make('region', describeRegion(str(hit.node)!, ctx));

  switch (doc.format) {
    case 'kubernetes': {
      const { object, rel } = objectOf(doc.root, hit);
      if (!object) return undefined;
      if (rel.length === 1 && rel[0] === 'kind') return make('kind', describeKind(object, file.path, model.lines, ctx));
      if (rel.length === 1 && rel[0] === 'apiVersion') return make('apiVersion', describeApiVersion(object, ctx));
      const r = rel.indexOf('resources');
      if (r >= 2 && (rel[r - 2] === 'containers' || rel[r - 2] === 'initContainers')) {
        return make('resources', describePodResources(object, hit.chain));
      }
      return undefined;
    }
    case 'ecs-task-definition': {
      const task = taskDefinitionNode(doc.root);
      if (!task) return undefined;
      const rel = relativePath(hit, task);
      if (!rel) return undefined;
      if (rel.length === 1 && (rel[0] === 'cpu' || rel[0] === 'memory')) return make('ecs-size', describeEcsSize(task, undefined));
      if (rel.length === 3 && rel[0] === 'containerDefinitions' && ['cpu', 'memory', 'memoryReservation'].includes(String(rel[2]))) {
        return make('ecs-size', describeEcsSize(task, String(rel[2])));
      }
      return undefined;
    }
    case 'compose': {
      if (hit.path[0] !== 'services' || hit.path.length < 3) return undefined;
      const rest = hit.path.slice(2).map(String);
      const sizing = rest[0] === 'deploy' ? rest[1] === 'resources' : ['cpus', 'mem_limit', 'mem_reservation'].includes(rest[0]);
      if (!sizing) return undefined;
      const service = doc.root.get('services')?.get(String(hit.path[1]));
      return service ? make('compose-size', describeComposeSize(service)) : undefined;
    }
    case 'eksctl': {
      if (hit.path.length === 2 && hit.path[0] === 'metadata' && hit.path[1] === 'version') {
        return make('eks-version', describeEksVersion(hit.node.value, ctx, 'This cluster'));
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

function describeConfig(hit: Hit, lines: LineIndex, ctx: DescribeContext): Description | undefined {
  const n = hit.node;
  const at = hit.onKey && n.keyStart !== undefined && n.keyEnd !== undefined ? lines.range(n.keyStart, n.keyEnd) : lines.range(n.start, n.end);
  const top = hit.path[0];
  if (top === 'eksVersion' && hit.path.length === 1) {
    const v = n.value === 'latest' ? latestEksVersion(ctx.today)?.version : n.value;
    const contents = describeEksVersion(v, ctx, n.value === 'latest' ? `"latest" (on ${ctx.today})` : 'The target');
    return contents ? { topic: 'eks-version', range: at, contents } : undefined;
  }
  if (top === 'regions' && hit.path.length === 2 && str(n)) return { topic: 'region', range: at, contents: describeRegion(str(n)!, ctx) };
  if (top === 'regions' && hit.path.length === 1 && n.kind === 'scalar' && str(n)) return { topic: 'region', range: at, contents: describeRegion(str(n)!, ctx) };
  if (top === 'rules' && hit.path.length === 2) {
    const id = String(hit.path[1]);
    const doc = ruleDocs().find((d) => d.id === id);
    const contents = doc
      ? [`**${esc(doc.id)}**: ${esc(doc.title)}`, esc(doc.description), `**How to fix:** ${esc(doc.remediation)}`, `Default severity: ${doc.defaultSeverity}`]
      : [`\`${code(id)}\` is not an Offload rule id.`];
    return { topic: 'rule', range: at, contents };
  }
  return undefined;
}

/** The document whose root spans the offset (the last one that starts at or before it). */
function documentAt<T extends { root: SourceNode }>(docs: readonly T[], offset: number): T | undefined {
  let best: T | undefined;
  for (const d of docs) {
    const start = Math.min(d.root.start, d.root.keyStart ?? d.root.start);
    if (start <= offset && offset <= d.root.end) best = d;
  }
  return best;
}

/** The deepest node whose key or value holds the offset. */
function nodeAt(root: SourceNode, offset: number): Hit | undefined {
  const path: (string | number)[] = [];
  const chain: SourceNode[] = [root];
  let cur = root;
  let onKey = false;
  if (offset < root.start || offset > root.end) return undefined;
  for (let depth = 0; depth < 200; depth++) {
    let next: SourceNode | undefined;
    let step: string | number | undefined;
    if (cur.kind === 'map') {
      for (const e of cur.entries()) {
        if (e.keyStart !== undefined && e.keyEnd !== undefined && offset >= e.keyStart && offset <= e.keyEnd) {
          path.push(e.key ?? '');
          chain.push(e);
          return { node: e, onKey: true, path, chain };
        }
        if (offset >= e.start && offset <= e.end) {
          next = e;
          step = e.key ?? '';
          break;
        }
      }
    } else if (cur.kind === 'seq') {
      cur.items().forEach((it, i) => {
        if (!next && offset >= it.start && offset <= it.end) {
          next = it;
          step = i;
        }
      });
    }
    if (!next || step === undefined) break;
    path.push(step);
    chain.push(next);
    cur = next;
    onKey = false;
  }
  return path.length ? { node: cur, onKey, path, chain } : undefined;
}

/** The Kubernetes object (the document, or an item of a List) holding the hit, and the path within it. */
function objectOf(root: SourceNode, hit: Hit): { object?: SourceNode; rel: (string | number)[] } {
  for (const obj of kubernetesObjects(root)) {
    const rel = relativePath(hit, obj);
    if (rel) return { object: obj, rel };
  }
  return { rel: [] };
}

function relativePath(hit: Hit, ancestor: SourceNode): (string | number)[] | undefined {
  const i = hit.chain.indexOf(ancestor);
  if (i < 0) return undefined;
  return hit.path.slice(i);
}

// --- kind ---------------------------------------------------------------------

/** What a Kubernetes kind means on each platform. Facts from the EKS and ECS guides. */
const KIND_NOTES: Record<string, { fargate: string; ecs: string; eks: string }> = {
  Deployment: {
    fargate: 'Runs on EKS Fargate when a Fargate profile selects its namespace (and labels) and the pod avoids what Fargate rejects: privileged containers, hostNetwork, hostPort, GPUs and EBS-backed volumes.',
    ecs: 'The ECS equivalent is a service (REPLICA scheduling) running a task definition; it would need rewriting as one.',
    eks: 'Runs unchanged on EKS, on EC2 nodes or on Fargate.',
  },
  StatefulSet: {
    fargate: 'EKS Fargate pods cannot mount EBS volumes; persistent storage there means EFS. volumeClaimTemplates backed by an EBS StorageClass keep it on EC2 nodes.',
    ecs: 'ECS has no StatefulSet: a service per replica or EFS/EBS volumes on tasks replace stable identity and storage.',
    eks: 'Runs on EKS; EBS-backed volumes need EC2 nodes and the EBS CSI driver.',
  },
  DaemonSet: {
    fargate: 'Fargate has no nodes to run one pod per node on, so DaemonSets never run there. Use a sidecar container on Fargate, or keep the DaemonSet on EC2 nodes.',
    ecs: 'The ECS equivalent is a service with the DAEMON scheduling strategy, which runs on EC2 container instances only.',
    eks: 'Runs on EKS EC2 nodes (managed node groups, self-managed nodes or Karpenter).',
  },
  Job: {
    fargate: 'Fits EKS Fargate when the pod avoids what Fargate rejects; each pod gets its own Fargate capacity and is billed per second while it runs (one-minute minimum).',
    ecs: 'The ECS equivalent is a standalone task (RunTask).',
    eks: 'Runs unchanged on EKS.',
  },
  CronJob: {
    fargate: 'Fits EKS Fargate when the pod avoids what Fargate rejects; capacity exists only while a run is active.',
    ecs: 'The ECS equivalent is a scheduled task (EventBridge Scheduler running RunTask).',
    eks: 'Runs unchanged on EKS.',
  },
  Pod: {
    fargate: 'A bare Pod runs on EKS Fargate when a Fargate profile selects it; nothing restarts it if it stops.',
    ecs: 'The ECS equivalent is a standalone task.',
    eks: 'Runs on EKS; prefer a Deployment or Job so it is replaced when it fails.',
  },
  ReplicaSet: {
    fargate: 'Same constraints as a Deployment on EKS Fargate.',
    ecs: 'The ECS equivalent is a service.',
    eks: 'Runs on EKS; a Deployment usually manages ReplicaSets for you.',
  },
  ReplicationController: {
    fargate: 'Same constraints as a Deployment on EKS Fargate.',
    ecs: 'The ECS equivalent is a service.',
    eks: 'Legacy: still served, but a Deployment replaces it.',
  },
  Service: {
    fargate: 'Not a workload. On Fargate, load balancers must target pod IPs (AWS Load Balancer Controller with target type ip); NodePort and instance targets need EC2 nodes.',
    ecs: 'ECS services register tasks with an ALB/NLB target group or Service Connect instead.',
    eks: 'Served by kube-proxy; type LoadBalancer is provisioned by the AWS Load Balancer Controller or the in-tree provider.',
  },
  Ingress: {
    fargate: 'Not a workload. With the AWS Load Balancer Controller, use target-type ip for Fargate pods.',
    ecs: 'On ECS an ALB listener rule plays this part.',
    eks: 'Needs an ingress controller, such as the AWS Load Balancer Controller.',
  },
};

function describeKind(object: SourceNode, path: string, lines: LineIndex, ctx: DescribeContext): string[] {
  const kind = str(object.get('kind')) ?? '';
  const notes = KIND_NOTES[kind];
  const out: string[] = [];
  if (notes) {
    out.push(`**${esc(kind)}** on AWS`, `- **Fargate:** ${notes.fargate}\n- **ECS:** ${notes.ecs}\n- **EKS:** ${notes.eks}`);
  } else if (kind === 'ClusterConfig') {
    out.push('**ClusterConfig** (eksctl): the cluster Offload reads its EKS version, region and Fargate profiles from.');
  } else {
    out.push(`**${esc(kind)}** is not a workload kind: Offload does not place it on a platform.`);
  }
  const w = workloadIn(ctx.result, path, lines.range(object.start, object.end));
  if (w) out.push(fitMarkdown(w));
  out.push(asOfLine(['regions', 'eksVersions']));
  return out;
}

function fitMarkdown(w: Workload): string {
  const icon = { fits: '✓ fits', 'needs-changes': '⚠ needs changes', blocked: '✗ blocked' } as const;
  const rows = PLATFORMS.map((p) => {
    const f = w.fit[p];
    // The "written for the other orchestrator" reason is the same on both of its rows; say it briefly.
    const own = f.reasons.filter((r) => r.ruleId !== 'orchestrator-change');
    const rewrite = own.length < f.reasons.length ? `rewrite for ${p.startsWith('ecs') ? 'ECS' : 'EKS'}` : '';
    const why = [rewrite, ...own.slice(0, 1).map((r) => esc(r.message))].filter(Boolean).join('; ');
    const more = own.length > 1 ? ` (+${own.length - 1} more)` : '';
    return `- ${PLATFORM_LABELS[p]}: ${icon[f.status]}${why ? ` — ${why}${more}` : ''}`;
  });
  const cost = w.fargate ? `\n\nOn Fargate: ${esc(w.fargate.label)}, ${usd(w.fargate.hourlyUsd, 5)}/hour, about ${usd(w.fargate.monthlyUsd, 2)}/month per task or pod.` : '';
  return `**Recommended: ${PLATFORM_LABELS[w.recommendation.platform]}** — ${esc(w.recommendation.summary)}\n\n${rows.join('\n')}${cost}`;
}

/** The analysed workload whose object spans `range` in `file`. */
function workloadIn(result: AnalysisResult | undefined, file: string, span: Range): Workload | undefined {
  if (!result) return undefined;
  return result.workloads.find((w) => w.file === file && within(w.range, span));
}

function within(inner: Range, outer: Range): boolean {
  const le = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

/**
 * The analysed workload whose object holds `offset` in `file`, for "explain this
 * workload" actions. Undefined outside workloads or before the first analysis.
 */
export function workloadAt(file: InputFile, offset: number, result: AnalysisResult | undefined, cache?: ChunkCache): Workload | undefined {
  if (!result) return undefined;
  try {
    const model = loadFile(file.path, file.text, Number.POSITIVE_INFINITY, cache);
    const doc = documentAt(model.documents, offset);
    if (!doc) return undefined;
    const candidates: SourceNode[] = [];
    if (doc.format === 'kubernetes') candidates.push(...kubernetesObjects(doc.root));
    else if (doc.format === 'ecs-task-definition') candidates.push(taskDefinitionNode(doc.root) ?? doc.root);
    else if (doc.format === 'compose') candidates.push(...(doc.root.get('services')?.entries() ?? []));
    for (const obj of candidates) {
      const start = obj.keyStart ?? obj.start;
      if (offset < start || offset > obj.end) continue;
      const w = workloadIn(result, file.path, model.lines.range(start, obj.end));
      if (w) return w;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

// --- apiVersion ---------------------------------------------------------------

function describeApiVersion(object: SourceNode, ctx: DescribeContext): string[] {
  const apiVersion = str(object.get('apiVersion')) ?? '';
  const kind = str(object.get('kind')) ?? '';
  const api = kubernetesApi(apiVersion, kind);
  const out: string[] = [`**${esc(apiVersion)}** ${esc(kind)}`];
  if (!api.known) {
    out.push(
      api.builtInGroup
        ? `Not deprecated or removed in any Kubernetes release the data covers: it is served at every version Offload knows.`
        : `Not a built-in Kubernetes API (a custom resource?): Offload has no lifecycle for it.`,
    );
  } else {
    const facts: string[] = [];
    if (api.introducedIn) facts.push(`- Served from: ${api.introducedIn}`);
    if (api.deprecatedIn) facts.push(`- Deprecated in: ${api.deprecatedIn}`);
    if (api.servedUntil) facts.push(`- Served until: ${api.servedUntil}`);
    if (api.removedIn) facts.push(`- Removed in: ${api.removedIn}`);
    if (api.replacement) facts.push(`- Replacement: \`${code(api.replacement.apiVersion)}\` ${esc(api.replacement.kind)}${api.row?.replacementAvailableIn ? ` (served from ${api.row.replacementAvailableIn})` : ''}`);
    if (api.finalReplacement && api.replacement && api.finalReplacement.apiVersion !== api.replacement.apiVersion) {
      facts.push(`- Latest replacement: \`${code(api.finalReplacement.apiVersion)}\` ${esc(api.finalReplacement.kind)}`);
    }
    if (!api.row) facts.push('- Not deprecated: it is itself a replacement.');
    out.push(facts.join('\n'));
    if (api.changes.length) out.push(`Migration (${api.migration ?? 'changes'}):\n${api.changes.map((c) => `- ${esc(c)}`).join('\n')}`);
  }
  if (ctx.eksVersion) {
    const s = apiStatusAt(apiVersion, kind, ctx.eksVersion);
    const label = { served: 'served', deprecated: 'deprecated (still served, with a warning)', removed: 'NOT served: the API server rejects it', unknown: 'unknown' }[s.status];
    const repl = s.replacement ? `; use \`${code(s.replacement.apiVersion)}\` ${esc(s.replacement.kind)}` : '';
    if (api.known || s.status !== 'unknown') out.push(`At the target, EKS ${esc(ctx.eksVersion)}: **${label}**${repl}.`);
  }
  out.push(`_Kubernetes API data as of ${KUBERNETES_APIS_AS_OF}._`);
  return out;
}

// --- Fargate sizes ------------------------------------------------------------

function describePodResources(object: SourceNode, chain: SourceNode[]): string[] {
  const kind = str(object.get('kind')) ?? '';
  const podPaths: Record<string, string[]> = { Pod: [], CronJob: ['spec', 'jobTemplate', 'spec', 'template'] };
  const template = kind === 'Pod' ? object : object.at(...(podPaths[kind] ?? ['spec', 'template']));
  const spec = template?.get('spec');
  if (!spec) return [];
  const req = (c: SourceNode): ContainerRequest => {
    const r = c.get('resources');
    return {
      cpu: parseK8sCpu(r?.at('requests', 'cpu')?.value ?? r?.at('limits', 'cpu')?.value),
      memoryMiB: parseK8sMemory(r?.at('requests', 'memory')?.value ?? r?.at('limits', 'memory')?.value),
    };
  };
  const containers = spec.get('containers')?.items() ?? [];
  const inits = spec.get('initContainers')?.items() ?? [];
  const pod = eksPodRequest(containers.map(req), inits.map(req));
  const here = chain.find((n) => containers.includes(n) || inits.includes(n));
  const out: string[] = [];
  if (here) {
    const c = req(here);
    const name = str(here.get('name')) ?? 'this container';
    out.push(`Container **${esc(name)}** requests ${c.cpu !== undefined ? `${fmt(c.cpu)} vCPU` : 'no CPU'} and ${c.memoryMiB !== undefined ? `${fmt(c.memoryMiB)} MiB` : 'no memory'}${inits.includes(here) ? ' (init container: counts as the larger of itself and the sum of the others)' : ''}.`);
  }
  if (!pod.size) {
    out.push(`**Too big for EKS Fargate:** the pod asks for ${fmt(pod.withOverhead.vcpu)} vCPU and ${fmt(pod.withOverhead.memoryMiB)} MiB with overhead. ${esc(pod.reason ?? '')}`);
    return out;
  }
  const cost = fargateHourlyCost({ vcpu: pod.size.vcpu, memoryGiB: pod.size.memoryGiB }, { arch: 'x86_64', os: 'linux', platform: 'eks' });
  out.push(
    `**On EKS Fargate this pod runs as ${esc(pod.size.label)}**` +
      (pod.defaulted
        ? ' (no container sets a request, so Fargate uses its smallest size).'
        : `: ${fmt(pod.request.vcpu)} vCPU and ${fmt(pod.request.memoryMiB)} MiB requested, plus ${fmt(pod.withOverhead.memoryMiB - pod.request.memoryMiB)} MiB Fargate adds for its own agents, rounded up to the next size.`),
  );
  if (cost.hourlyUsd !== null) out.push(costLine(cost.hourlyUsd, 'pod'));
  out.push(asOfLine(['fargateSizes', 'pricing']));
  return out;
}

function describeEcsSize(task: SourceNode, containerKey: string | undefined): string[] {
  const out: string[] = [];
  const fam = str(task.at('runtimePlatform', 'operatingSystemFamily')) ?? 'LINUX';
  const os = fam.startsWith('WINDOWS') ? 'windows' : 'linux';
  const arch = str(task.at('runtimePlatform', 'cpuArchitecture')) === 'ARM64' ? 'arm64' : 'x86_64';
  const units = parseEcsCpu(task.get('cpu')?.value);
  const mem = parseEcsMemory(task.get('memory')?.value);
  if (containerKey) {
    out.push(
      `Container-level \`${containerKey}\` is a share of the task. **Fargate sizes and bills the task-level \`cpu\` and \`memory\`**, which must be one of the valid pairs.`,
    );
  }
  const check = fargateSizeFor(units !== undefined ? units / 1024 : undefined, mem, { platform: 'ecs', os });
  const size = check.nearest;
  const osLabel = `${os === 'windows' ? 'Windows' : 'Linux'}/${arch === 'arm64' ? 'ARM64' : 'x86_64'}`;
  if (check.valid && size) {
    out.push(`**Fargate size: ${fmt(size.vcpu)} vCPU, ${fmt(size.memoryGiB)} GB** (cpu ${size.cpu}, memory ${size.memoryMiB}) — a valid ${osLabel} size.`);
  } else if (size) {
    out.push(`**Not a valid Fargate size as written.** ${esc(check.reason ?? '')} The smallest valid size that shrinks neither value is cpu ${size.cpu} / memory ${size.memoryMiB} (${fmt(size.vcpu)} vCPU, ${fmt(size.memoryGiB)} GB).`);
  } else {
    out.push(`**No Fargate ${osLabel} size can hold this task.** ${esc(check.reason ?? '')}`);
  }
  if (size) {
    const options = validFargateCombos(os).filter((s) => s.vcpu === size.vcpu).map((s) => s.memoryMiB);
    out.push(`Valid memory for ${fmt(size.vcpu)} vCPU: ${options.join(', ')} MiB.`);
    const cost = fargateHourlyCost({ vcpu: size.vcpu, memoryGiB: size.memoryGiB }, { arch, os, platform: 'ecs' });
    if (cost.hourlyUsd !== null) out.push(costLine(cost.hourlyUsd, `${osLabel} task`));
    else if (cost.reason) out.push(esc(cost.reason));
  }
  out.push(asOfLine(['fargateSizes', 'pricing']));
  return out;
}

function describeComposeSize(service: SourceNode): string[] {
  const limits = service.at('deploy', 'resources', 'limits');
  const reservations = service.at('deploy', 'resources', 'reservations');
  const cpuNode = reservations?.get('cpus') ?? limits?.get('cpus') ?? service.get('cpus');
  const memNode = reservations?.get('memory') ?? limits?.get('memory') ?? service.get('mem_limit');
  const cpu = parseK8sCpu(cpuNode?.value);
  const mem = composeMemory(memNode?.value);
  const check = fargateSizeFor(cpu ?? 0.25, mem ?? 512, { platform: 'ecs' });
  const out: string[] = [];
  out.push(`Compose asks for ${cpu !== undefined ? `${fmt(cpu)} CPUs` : 'no CPU limit'} and ${mem !== undefined ? `${fmt(mem)} MiB` : 'no memory limit'} (reservations first, then limits).`);
  if (!check.nearest) {
    out.push(`**No Fargate size can hold this service.** ${esc(check.reason ?? '')}`);
  } else {
    const s = check.nearest;
    out.push(`**As an ECS task on Fargate: ${fmt(s.vcpu)} vCPU, ${fmt(s.memoryGiB)} GB** (cpu ${s.cpu}, memory ${s.memoryMiB}), the smallest valid size that holds it.`);
    const cost = fargateHourlyCost({ vcpu: s.vcpu, memoryGiB: s.memoryGiB }, { arch: 'x86_64', os: 'linux', platform: 'ecs' });
    if (cost.hourlyUsd !== null) out.push(costLine(cost.hourlyUsd, 'task'));
  }
  out.push(asOfLine(['fargateSizes', 'pricing']));
  return out;
}

function composeMemory(v: unknown): number | undefined {
  if (typeof v === 'string') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([bkmg])b?\s*$/i.exec(v);
    if (m) return Number(m[1]) * { b: 1 / 1048576, k: 1 / 1024, m: 1, g: 1024 }[m[2].toLowerCase() as 'b' | 'k' | 'm' | 'g'];
  }
  return parseK8sMemory(v);
}

function costLine(hourly: number, what: string): string {
  return `Cost: **${usd(hourly, 5)}/hour**, about **${usd(monthlyFromHourly(hourly), 2)}/month** per ${what} running all month (${HOURS_PER_MONTH} h; on-demand ${PRICE_REGION} list price; multiply by replicas).`;
}

// --- EKS version ----------------------------------------------------------------

function describeEksVersion(value: unknown, ctx: DescribeContext, who: string): string[] | undefined {
  const s = eksSupportStatus(value, ctx.today);
  const out: string[] = [];
  const label: Record<string, string> = {
    standard: 'in standard support',
    extended: 'in EXTENDED support (extra cost)',
    'end-of-life': 'past the end of support',
    'not-yet-released': 'not released yet',
    unknown: 'unknown',
  };
  out.push(`**EKS ${esc(s.version)}** is ${label[s.status]} on ${ctx.today}.${s.note ? ` ${esc(s.note)}` : ''}`);
  if (s.known) {
    const p = EKS_CONTROL_PLANE_PRICING;
    out.push(
      [
        `| Phase | From | Until | Control plane |`,
        `|---|---|---|---|`,
        `| Standard support | ${s.eksRelease ?? '?'} | ${s.endOfStandardSupport ?? '?'} | ${usd(p.standardSupportPerClusterHour, 2)}/hour |`,
        `| Extended support | ${s.endOfStandardSupport ?? '?'} | ${s.endOfExtendedSupport ?? '?'} | ${usd(p.extendedSupportPerClusterHour, 2)}/hour |`,
      ].join('\n'),
    );
    if (s.hourlyPriceUsd !== null) {
      out.push(`${esc(who)} costs **${usd(s.hourlyPriceUsd, 2)}/hour** per cluster now, about ${usd(monthlyFromHourly(s.hourlyPriceUsd), 2)}/month.`);
    }
    if (s.next) out.push(`Next: ${s.next.status === 'end-of-life' ? 'end of support (the control plane is upgraded automatically)' : `${s.next.status} support`} on ${s.next.date}, in ${s.next.daysAway} ${s.next.daysAway === 1 ? 'day' : 'days'}.`);
  }
  const latest = latestEksVersion(ctx.today);
  if (latest && latest.version !== s.version) out.push(`The newest EKS version on ${ctx.today} is ${latest.version}.`);
  if (ctx.eksVersion && ctx.eksVersion === s.version) out.push('This is the version Offload targets.');
  out.push(asOfLine(['eksVersions', 'pricing']));
  return out;
}

// --- region ---------------------------------------------------------------------

function describeRegion(regionCode: string, ctx: DescribeContext): string[] {
  const r = lookupRegion(regionCode);
  if (!r.known) {
    const dym = r.didYouMean.length ? ` Did you mean ${r.didYouMean.map((c) => `\`${code(c)}\``).join(', ')}?` : '';
    return [`**${esc(regionCode)}** is not a region Offload knows.${dym}`, asOfLine(['regions'])];
  }
  const yn = (v: boolean | null) => (v === true ? '✓ yes' : v === false ? '✗ no' : '? unknown');
  const rows = [
    `| Service | Available |`,
    `|---|---|`,
    `| ECS (EC2) | ${yn(regionSupports(r, 'ecs-ec2'))} |`,
    `| EKS (EC2) | ${yn(regionSupports(r, 'eks-ec2'))} |`,
    `| Fargate for ECS (Linux) | ${yn(regionSupports(r, 'ecs-fargate'))} |`,
    `| Fargate for ECS (Windows) | ${yn(regionSupports(r, 'ecs-fargate', 'windows'))} |`,
    `| Fargate for EKS | ${yn(regionSupports(r, 'eks-fargate'))} |`,
  ].join('\n');
  const optIn = r.optInRequired === true ? 'opt-in required' : r.optInRequired === false ? 'enabled by default' : 'opt-in: not stated';
  const targeted = ctx.regions?.includes(r.code) ? ' Offload targets this region.' : '';
  return [`**${esc(r.code)}**: ${esc(r.name)} (${esc(r.partition)}, ${optIn}${r.launchYear ? `, launched ${r.launchYear}` : ''}).${targeted}`, rows, ...(r.notes ? [esc(r.notes)] : []), asOfLine(['regions'])];
}

// --- markdown helpers -------------------------------------------------------------

function asOfLine(topics: (keyof typeof KNOWLEDGE_AS_OF)[]): string {
  const names: Record<keyof typeof KNOWLEDGE_AS_OF, string> = { eksVersions: 'EKS calendar', regions: 'regions', fargateSizes: 'Fargate sizes', pricing: 'prices' };
  return `_Data as of ${topics.map((t) => `${KNOWLEDGE_AS_OF[t]} (${names[t]})`).join(', ')}. Offline data shipped with Offload._`;
}

/** Escapes text for Markdown so it renders literally (no links, emphasis or HTML). */
export function esc(s: string): string {
  return String(s).replace(/[\\`*_{}[\]<>()#+\-.!|~&]/g, (ch) => `\\${ch}`).replace(/\r?\n/g, ' ');
}

/** Text for inside backticks: backticks cannot be escaped there, so they are dropped. */
function code(s: string): string {
  return String(s).replace(/[`\r\n]/g, '');
}

function fmt(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

function usd(n: number, digits: number): string {
  const fixed = n.toFixed(digits);
  // Keep at least two decimals but drop trailing zeros beyond them: $0.04048, $0.10.
  return `$${digits > 2 ? fixed.replace(/(\.\d\d\d*?)0+$/, '$1') : fixed}`;
}

// ---------------------------------------------------------------------------
// Fix all, suppressions

/**
 * The edits of every fix in `findings` for `file` that do not overlap an earlier fix,
 * as ESLint's fix-all does: a fix is taken whole or not at all, in document order, and
 * the engine's applyEdits gives the resulting text. Run again to pick up skipped fixes.
 */
export function fixAllEdits(text: string, file: string, findings: readonly Finding[]): { edits: TextEdit[]; text: string; fixes: number; skipped: number } {
  const lines = new LineIndex(text);
  const fixes = findings
    .filter((f) => f.file === file && f.fix && f.fix.edits.length)
    .map((f) => ({ fix: f.fix!, spans: f.fix!.edits.map((e) => [lines.offsetAt(e.range.start), lines.offsetAt(e.range.end)] as const) }))
    .sort((a, b) => Math.min(...a.spans.map((s) => s[0])) - Math.min(...b.spans.map((s) => s[0])));
  const taken: (readonly [number, number])[] = [];
  const edits: TextEdit[] = [];
  let count = 0;
  let skipped = 0;
  const seen = new Set<string>();
  for (const { fix, spans } of fixes) {
    const sig = JSON.stringify(fix.edits);
    if (seen.has(sig)) continue; // the same fix reported twice (one per container) is applied once
    seen.add(sig);
    // Overlapping ranges clash, and so do two insertions at one point (their order would be a guess).
    const clash = spans.some(([s, e]) => taken.some(([ts, te]) => (s < te && ts < e) || (s === e && ts === te && s === ts)));
    if (clash) {
      skipped++;
      continue;
    }
    taken.push(...spans);
    edits.push(...fix.edits);
    count++;
  }
  const applied = applyEdits(text, edits);
  return { edits: applied.applied, text: applied.text, fixes: count, skipped: skipped + (applied.skipped.length ? 1 : 0) };
}

/**
 * The edit that inserts `# offload-ignore <rule>: <reason>` (or `//` for JSONC) on a
 * new line above `line`, indented like that line, so it suppresses findings there.
 */
export function suppressionEdit(text: string, line: number, ruleId: string, json: boolean): TextEdit {
  const lines = new LineIndex(text);
  const lineText = lines.lineText(line);
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  // A sequence item (`- name: x`) is indented at its dash, which is where the comment belongs.
  const pos = { line, character: 0 };
  return { range: { start: pos, end: pos }, newText: suppressionComment(ruleId, indent, json) + lines.eol };
}

/** The text "<reason>" in a suppression comment at `line`, for selecting after insertion. */
export const REASON_PLACEHOLDER = '<reason>';

// ---------------------------------------------------------------------------
// .offload.yaml edits

/**
 * A minimal edit that sets a top-level key of `.offload.yaml` that the file already
 * has: the value is replaced in place, so comments, key order and the rest of the
 * file are kept. Returns undefined when the key is absent or the file does not parse
 * (hosts then write the setting elsewhere).
 */
export function setConfigValue(text: string, key: 'eksVersion' | 'regions', value: string | readonly string[]): TextEdit | undefined {
  let doc;
  try {
    doc = parseDocument(text, { prettyErrors: false });
  } catch {
    return undefined;
  }
  if (doc.errors.length || !isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
  if (!pair) return undefined;
  const lines = new LineIndex(text);
  const node = pair.value as YamlNode | null;
  const keyNode = pair.key as YamlNode;
  let newText: string;
  if (typeof value === 'string') {
    newText = value === 'latest' ? 'latest' : quoteLike(node, value);
  } else if (node && isSeq(node) && !node.flow && node.items.length && node.range) {
    const col = lines.positionAt(node.range[0]).character;
    newText = value.length ? value.map((v, i) => `${i ? ' '.repeat(col) : ''}- ${yamlScalar(v)}`).join(lines.eol) : '[]';
  } else {
    newText = `[${value.map(yamlScalar).join(', ')}]`;
  }
  if (!node || !node.range || (isScalar(node) && node.value === null && node.range[0] === node.range[1])) {
    // `regions:` with no value: put the value after the key.
    const end = keyNode.range?.[1] ?? 0;
    const colon = text.indexOf(':', end);
    if (colon < 0) return undefined;
    const at = lines.positionAt(colon + 1);
    return { range: { start: at, end: at }, newText: ' ' + (Array.isArray(value) ? `[${value.map(yamlScalar).join(', ')}]` : newText) };
  }
  // A block list's own range runs through trailing comments; end at its last item's value.
  const last = isSeq(node) && !node.flow ? (node.items[node.items.length - 1] as YamlNode | undefined) : undefined;
  const end = last?.range ? last.range[1] : node.range[1];
  if (isSeq(node) && !node.flow && node.items.length && Array.isArray(value) && !value.length) {
    // An emptied block list becomes `[]` after the key.
    const colon = text.indexOf(':', keyNode.range?.[1] ?? 0);
    return { range: lines.range(colon + 1, end), newText: ' []' };
  }
  return { range: lines.range(node.range[0], end), newText };
}

function quoteLike(node: YamlNode | null, value: string): string {
  if (node && isScalar(node) && node.type === 'QUOTE_SINGLE') return `'${value}'`;
  return `"${value}"`;
}

function yamlScalar(v: string): string {
  return /^[a-z0-9][a-z0-9-]*$/i.test(v) ? v : JSON.stringify(v);
}

// ---------------------------------------------------------------------------
// Scans

/**
 * Parses a file into the shared cache without analysing it, so a host can spread a
 * workspace's parsing over time slices and the final `analyze()` finds every YAML
 * document already parsed.
 */
export function warmCache(file: InputFile, cache: ChunkCache, maxFileSizeBytes: number): void {
  try {
    loadFile(file.path, file.text, maxFileSizeBytes, cache);
  } catch {
    // analyze() reports what went wrong; warming is best effort.
  }
}
