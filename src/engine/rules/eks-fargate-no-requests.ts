import type { ContainerView } from '../views';
import type { FixDescriptor } from './define-rule';
import { defineRule } from './define-rule';
import {
  fargateDefaultSize,
  fargatePodOverheadMiB,
  formatCpu,
  formatMemory,
  insertNested,
  isClassicInit,
  lineHasTemplate,
  mayInjectKeys,
  podFargateSize,
  runsOnFargateAtAll,
} from '../rule-helpers/pod-helpers';

/** A dimension is set when a request or a limit (which then serves as the request) exists, even if templated. */
function hasCpu(c: ContainerView): boolean {
  return !!(c.cpuRequest ?? c.cpuLimit);
}
function hasMemory(c: ContainerView): boolean {
  return !!(c.memoryRequest ?? c.memoryLimit);
}

export default defineRule({
  meta: {
    id: 'eks-fargate-no-requests',
    title: 'Containers without CPU or memory requests get the smallest Fargate size',
    description: 'Flags containers that set no memory (or no CPU) request or limit. EKS Fargate sizes a pod from its requests only; a pod with none runs at the smallest size, 0.25 vCPU and 0.5 GB.',
    remediation: 'Set resources.requests (and equal limits) for CPU and memory on every container, sized for what it really uses.',
    formats: ['kubernetes'],
    platforms: ['eks-fargate'],
    effect: 'needs-change',
    defaultSeverity: 'warning',
    sources: [
      'Amazon EKS User Guide: Fargate Pod configuration (latest/ug/nodes/fargate-pod-configuration.adoc): with no vCPU and memory combination, the smallest one (0.25 vCPU, 0.5 GB) is used',
    ],
    messages: {
      none: 'Container "{{container}}" in {{kind}} "{{name}}" sets no CPU or memory request; Fargate sizes pods on requests, so {{outcome}}.',
      noMemory: 'Container "{{container}}" in {{kind}} "{{name}}" sets no memory request; Fargate sizes pods on requests, so {{outcome}}.',
      noCpu: 'Container "{{container}}" in {{kind}} "{{name}}" sets no CPU request; Fargate sizes pods on requests, so {{outcome}}.',
    },
    scope: 'document',
  },
  check(ctx) {
    const text = ctx.text();
    const smallest = fargateDefaultSize();
    // Placeholders that keep today's size: the smallest size minus the overhead Fargate adds.
    const placeholder = { cpu: formatCpu(smallest.vcpu), memory: formatMemory(smallest.memoryMiB - fargatePodOverheadMiB()) };
    for (const w of ctx.pods()) {
      if (!runsOnFargateAtAll(w)) continue;
      const size = podFargateSize(w.containers);
      const label = size.size?.label;
      if (!label) continue; // too large: eks-fargate-pod-too-large says so
      // A templated container may get its resources from `{{ toYaml .Values.resources }}`.
      const unknown = (c: ContainerView) => w.doc.templated && (mayInjectKeys(text, c.node) || lineHasTemplate(text, c.resources));
      const sizeUnknown = w.containers.some(unknown);
      for (const c of w.containers) {
        // Classic init containers run before the app, inside whatever size the pod gets.
        if (isClassicInit(c) || unknown(c)) continue;
        const cpu = hasCpu(c);
        const memory = hasMemory(c);
        if (cpu && memory) continue;
        const messageId = !cpu && !memory ? 'none' : !memory ? 'noMemory' : 'noCpu';
        let outcome: string;
        if (sizeUnknown) outcome = 'nothing is reserved for it, and the pod\'s size depends on requests the template fills in';
        else if (size.defaulted) outcome = `the pod gets the smallest size, ${label}`;
        else if (!memory) outcome = `the pod is sized on its other requests (${label}) and nothing in it is reserved for this container`;
        else if (size.request.vcpu === 0) outcome = `the pod gets the fewest vCPU its memory allows (${label})`;
        else outcome = `the pod is sized on its other CPU requests (${label})`;
        const missing: Record<string, string> = {};
        if (!cpu) missing.cpu = placeholder.cpu;
        if (!memory) missing.memory = placeholder.memory;
        const edit = insertNested(text, c.node, ['resources', 'requests'], missing);
        const suggest: FixDescriptor[] = edit
          ? [{ title: `Add resources.requests (${Object.entries(missing).map(([k, v]) => `${k} ${v}`).join(', ')}: placeholders, size them for the app)`, edits: [edit] }]
          : [];
        // A missing CPU request alone still gets a workable size; that is advice, not a needed change.
        const cpuOnly = messageId === 'noCpu';
        ctx.report({
          node: c.resources ?? c.nameNode ?? c.node,
          messageId,
          data: { container: c.name, kind: w.kind, name: w.name, outcome },
          workload: w,
          suggest,
          ...(cpuOnly ? { effect: 'advice' as const, severity: 'info' as const } : {}),
        });
      }
    }
  },
});
