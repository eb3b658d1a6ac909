import type { SourceNode } from '../source/source-node';
import { str } from '../source/source-node';
import { defineRule } from './define-rule';
import { classifyInstanceType, instanceSelectorAsks, nodeGroupInstanceTypes } from '../rule-helpers/eksctl-helpers';

export default defineRule({
  meta: {
    id: 'eksctl-node-group-hardware',
    title: 'GPU, accelerator and arm64 node groups',
    description: 'Reports node groups of an eksctl ClusterConfig that run GPU or other accelerator instances, or arm64 (Graviton) instances, by instance type, instance type list or instance selector.',
    remediation: 'Nothing to fix: schedule accelerator workloads onto these nodes (resource requests, node selectors, tolerations), and build multi-arch images for arm64 nodes.',
    formats: ['eksctl'],
    platforms: ['eks-ec2'],
    effect: 'advice',
    defaultSeverity: 'info',
    sources: [
      'Amazon EC2 instance type naming: family, generation, attributes (g = AWS Graviton); accelerated computing families P, G, Inf, Trn, DL, F, VT',
      'Amazon EKS User Guide: AWS Fargate considerations (latest/ug/nodes/fargate.adoc): no GPUs, no Arm on EKS Fargate',
      'eksctl user guide: instance selector (instanceSelector.gpus, instanceSelector.cpuArchitecture)',
    ],
    messages: {
      accelerator:
        'Node group "{{group}}" has {{accelerator}} instances ({{types}}): workloads that need {{what}} run here, on EC2 nodes; Fargate has no accelerators.',
      arm: 'Node group "{{group}}" runs arm64 (Graviton) instances ({{types}}): images of pods scheduled there must be built for linux/arm64 (multi-arch).',
      selectorGpu: 'Node group "{{group}}" selects instances with {{count}} GPU(s): GPU workloads run here, on EC2 nodes; Fargate has no GPUs.',
      selectorArm: 'Node group "{{group}}" selects arm64 instances: images of pods scheduled there must be built for linux/arm64 (multi-arch).',
    },
    scope: 'document',
  },
  check(ctx) {
    for (const c of ctx.clusters()) {
      for (const ng of c.nodeGroups) {
        const group = str(ng.get('name')) ?? '(unnamed)';
        const typed = nodeGroupInstanceTypes(ng).map((t) => ({ ...t, hw: classifyInstanceType(t.type) }));
        const acc = typed.filter((t) => t.hw?.accelerator);
        if (acc.length) {
          const kinds = [...new Set(acc.map((t) => t.hw!.accelerator!))];
          const resources = [...new Set(acc.map((t) => t.hw!.resource).filter((r): r is string => !!r))];
          ctx.report({
            node: acc[0].node,
            messageId: 'accelerator',
            data: { group, accelerator: kinds.join(' / '), types: list(acc), what: resources.length ? resources.join(' or ') : 'these devices' },
          });
        }
        const arm = typed.filter((t) => t.hw?.arm);
        if (arm.length) ctx.report({ node: arm[0].node, messageId: 'arm', data: { group, types: list(arm) } });
        const asks = instanceSelectorAsks(ng);
        if (asks.gpus && !acc.length) ctx.report({ node: asks.gpus, messageId: 'selectorGpu', data: { group, count: String(asks.gpus.value) } });
        if (asks.arm && !arm.length) ctx.report({ node: asks.arm, messageId: 'selectorArm', data: { group } });
      }
    }
  },
});

function list(types: { type: string; node: SourceNode }[]): string {
  return [...new Set(types.map((t) => t.type))].join(', ');
}
