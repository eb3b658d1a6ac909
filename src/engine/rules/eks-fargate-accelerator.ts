import { parseK8sQuantity } from '../knowledge';
import { defineRule } from './define-rule';
import { entrySpan, isTemplatedValue } from '../rule-helpers/pod-helpers';

/** What the user would call the hardware behind an extended resource name. */
function hardware(resource: string): string {
  if (resource.startsWith('aws.amazon.com/neuron')) return 'AWS Inferentia/Trainium (Neuron) devices';
  if (resource.startsWith('nvidia.com/')) return 'NVIDIA GPUs';
  if (resource.startsWith('amd.com/')) return 'AMD GPUs';
  if (resource.startsWith('habana.ai/')) return 'Habana Gaudi accelerators';
  return 'accelerators';
}

export default defineRule({
  meta: {
    id: 'eks-fargate-accelerator',
    title: 'GPUs and other accelerators are not available on Fargate',
    description: 'Flags containers that request GPU or accelerator extended resources (nvidia.com/gpu, aws.amazon.com/neuron*, amd.com/gpu, ...). Fargate offers vCPU and memory only.',
    remediation: 'Run the workload on an EC2 node group with the accelerator (for example g5 or inf2 instances) and its device plugin.',
    formats: ['kubernetes'],
    // ECS on Fargate rejects `gpu` resource requirements too.
    platforms: ['eks-fargate', 'ecs-fargate'],
    effect: 'blocks',
    defaultSeverity: 'warning',
    sources: [
      'Amazon EKS User Guide: AWS Fargate considerations (latest/ug/nodes/fargate.adoc): GPUs are not available; compute comparison table (no Inferentia)',
      'Amazon ECS Developer Guide: Fargate task definition considerations (gpu is invalid)',
    ],
    messages: {
      accelerator: 'Container "{{container}}" in {{kind}} "{{name}}" asks for {{resource}}: {{amount}}; Fargate has no {{hardware}}, so the pod cannot be scheduled there.',
    },
    scope: 'document',
  },
  check(ctx) {
    for (const w of ctx.pods()) {
      for (const c of w.containers) {
        for (const a of c.accelerators) {
          if (isTemplatedValue(w.doc, ctx.text(), a.node)) continue;
          // `nvidia.com/gpu: 0` asks for nothing; an unreadable amount is reported (the safe side).
          const amount = parseK8sQuantity(a.node.value);
          if (amount === 0) continue;
          ctx.report({
            node: entrySpan(a.node),
            messageId: 'accelerator',
            data: { container: c.name, kind: w.kind, name: w.name, resource: a.resource, amount: String(a.node.value), hardware: hardware(a.resource) },
            workload: w,
          });
        }
      }
    }
  },
});
