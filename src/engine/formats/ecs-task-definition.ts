import type { SourceNode } from '../source/source-node';
import { str } from '../source/source-node';
import type { ContainerView, ParsedDocument, WorkloadView } from '../views';
import { parseEcsCpu, parseEcsMemory } from '../knowledge/quantities';

/**
 * The task definition map: the root itself, or the `taskDefinition` wrapper that
 * `aws ecs describe-task-definition` prints.
 */
export function taskDefinitionNode(root: SourceNode): SourceNode | undefined {
  if (root.kind !== 'map') return undefined;
  if (root.get('containerDefinitions')?.kind === 'seq') return root;
  const wrapped = root.get('taskDefinition');
  if (wrapped?.get('containerDefinitions')?.kind === 'seq') return wrapped;
  return undefined;
}

export function ecsWorkload(doc: ParsedDocument, task: SourceNode): WorkloadView {
  const family = task.get('family');
  const name = str(family) ?? fileStem(doc.file);
  return {
    id: `${doc.file}#${doc.docIndex}/TaskDefinition/${name}`,
    name,
    kind: 'TaskDefinition',
    format: 'ecs-task-definition',
    file: doc.file,
    doc,
    node: task,
    anchor: family ?? task.get('containerDefinitions') ?? task,
    containers: (task.get('containerDefinitions')?.items() ?? []).map(container),
  };
}

function container(c: SourceNode): ContainerView {
  const cpu = c.get('cpu');
  const mem = c.get('memoryReservation') ?? c.get('memory');
  const accelerators: ContainerView['accelerators'] = [];
  for (const r of c.get('resourceRequirements')?.items() ?? []) {
    const type = str(r.get('type'));
    if (type === 'GPU' || type === 'InferenceAccelerator') accelerators.push({ node: r, resource: type });
  }
  return {
    name: str(c.get('name')) ?? '(unnamed)',
    node: c,
    nameNode: c.get('name'),
    init: false,
    image: c.get('image'),
    privileged: c.get('privileged'),
    ports: (c.get('portMappings')?.items() ?? []).map((p) => ({
      node: p,
      containerPort: numberOf(p.get('containerPort')),
      hostPort: numberOf(p.get('hostPort')),
      hostPortNode: p.get('hostPort'),
      protocol: str(p.get('protocol')),
    })),
    // ECS container cpu is in CPU units; views speak vCPU.
    cpuRequest: cpu ? { node: cpu, amount: unitsToVcpu(parseEcsCpu(cpu.value)) } : undefined,
    memoryRequest: mem ? { node: mem, amount: parseEcsMemory(mem.value) } : undefined,
    accelerators,
    capabilitiesAdd: c.at('linuxParameters', 'capabilities', 'add')?.items() ?? [],
  };
}

function unitsToVcpu(units: number | undefined): number | undefined {
  return units === undefined ? undefined : units / 1024;
}

function numberOf(n: SourceNode | undefined): number | undefined {
  if (!n || n.kind !== 'scalar') return undefined;
  const v = typeof n.value === 'string' ? Number(n.value) : n.value;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function fileStem(file: string): string {
  const base = file.split('/').pop() ?? file;
  return base.replace(/\.[^.]+$/, '');
}
