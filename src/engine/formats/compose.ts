import type { SourceNode } from '../source/source-node';
import { str } from '../source/source-node';
import type { ContainerView, ParsedDocument, PortView, WorkloadView } from '../views';
import { parseK8sCpu, parseK8sMemory } from '../knowledge/quantities';

/** The compose spec's top-level keys; it rejects any other that is not an `x-` extension. */
const COMPOSE_TOP_LEVEL = new Set(['version', 'name', 'include', 'services', 'networks', 'volumes', 'configs', 'secrets', 'models']);

/**
 * A compose file is a map with `services`, each a map with `image` or `build`, and
 * only compose's own top-level keys: that tells it apart from Kubernetes YAML
 * (`apiVersion`/`kind`), a Helm values.yaml, an OpenAPI spec or a package.json that
 * happen to have a `services` map.
 */
export function isCompose(root: SourceNode): boolean {
  if (root.kind !== 'map') return false;
  if (root.entries().some((e) => e.key === undefined || (!COMPOSE_TOP_LEVEL.has(e.key) && !e.key.startsWith('x-')))) return false;
  const services = root.get('services');
  if (!services || services.kind !== 'map') return false;
  const entries = services.entries();
  return entries.length > 0 && entries.some((s) => s.kind === 'map' && (s.get('image') || s.get('build')));
}

export function composeWorkloads(doc: ParsedDocument, root: SourceNode): WorkloadView[] {
  const services = root.get('services');
  return (services?.entries() ?? [])
    .filter((s) => s.kind === 'map')
    .map((s) => {
      const name = s.key ?? '(service)';
      return {
        id: `${doc.file}#${doc.docIndex}/ComposeService/${name}`,
        name,
        kind: 'ComposeService',
        format: 'compose' as const,
        file: doc.file,
        doc,
        node: s,
        anchor: s,
        containers: [serviceContainer(s, name)],
      };
    });
}

function serviceContainer(s: SourceNode, name: string): ContainerView {
  const limits = s.at('deploy', 'resources', 'limits');
  const reservations = s.at('deploy', 'resources', 'reservations');
  const accelerators: ContainerView['accelerators'] = [];
  for (const d of reservations?.get('devices')?.items() ?? []) {
    const caps = (d.get('capabilities')?.items() ?? []).map(str);
    if (caps.includes('gpu') || str(d.get('driver')) === 'nvidia') accelerators.push({ node: d, resource: 'gpu' });
  }
  const cpu = reservations?.get('cpus') ?? limits?.get('cpus') ?? s.get('cpus');
  const mem = reservations?.get('memory') ?? limits?.get('memory') ?? s.get('mem_limit');
  return {
    name,
    node: s,
    init: false,
    image: s.get('image'),
    privileged: s.get('privileged'),
    ports: (s.get('ports')?.items() ?? []).map(composePort),
    cpuRequest: cpu ? { node: cpu, amount: parseK8sCpu(cpu.value) } : undefined,
    memoryRequest: mem ? { node: mem, amount: parseComposeMemory(mem.value) } : undefined,
    accelerators,
    capabilitiesAdd: s.get('cap_add')?.items() ?? [],
  };
}

/** Compose memory is a byte value with b/k/m/g units ("512m", "1g"); K8s suffixes also pass. */
function parseComposeMemory(v: unknown): number | undefined {
  if (typeof v === 'string') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([bkmg])b?\s*$/i.exec(v);
    if (m) {
      const n = Number(m[1]);
      const mult = { b: 1 / (1024 * 1024), k: 1 / 1024, m: 1, g: 1024 }[m[2].toLowerCase() as 'b' | 'k' | 'm' | 'g'];
      return n * mult;
    }
  }
  return parseK8sMemory(v);
}

/** "8080:80", "127.0.0.1:8080:80/tcp", "80", or the long form {target, published}. */
function composePort(p: SourceNode): PortView {
  if (p.kind === 'map') {
    const target = Number(str(p.get('target')));
    const published = Number(str(p.get('published')));
    return { node: p, containerPort: finite(target), hostPort: finite(published), hostPortNode: p.get('published'), protocol: str(p.get('protocol')) };
  }
  const s = str(p) ?? '';
  const [spec, protocol] = s.split('/');
  const parts = spec.split(':');
  const container = parts[parts.length - 1];
  const host = parts.length >= 2 ? parts[parts.length - 2] : undefined;
  return { node: p, containerPort: finite(parseInt(container, 10)), hostPort: host !== undefined ? finite(parseInt(host, 10)) : undefined, hostPortNode: host !== undefined ? p : undefined, protocol };
}

function finite(n: number): number | undefined {
  return Number.isFinite(n) ? n : undefined;
}
