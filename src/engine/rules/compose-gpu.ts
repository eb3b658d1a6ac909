import { str } from '../source/source-node';
import { isSet } from '../rule-helpers/ecs-helpers';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'compose-gpu',
    title: 'GPUs are not available on Fargate',
    description: 'Flags compose services that ask for GPUs: a device reservation with the gpu capability or the nvidia driver, the gpus attribute, or runtime: nvidia.',
    remediation: 'Run the service on GPU instances: ECS with an EC2 capacity provider of GPU instances, or EKS with a GPU node group.',
    formats: ['compose'],
    platforms: ['ecs-fargate', 'eks-fargate'],
    effect: 'blocks',
    defaultSeverity: 'warning',
    sources: [
      'Amazon ECS Developer Guide: fargate-tasks-services.html (the gpu parameter is invalid on Fargate)',
      'Amazon EKS User Guide: fargate.adoc (GPUs are not supported on Fargate)',
    ],
    messages: {
      reservation: 'Service "{{name}}" reserves a GPU; Fargate has no GPUs.',
      gpus: 'Service "{{name}}" asks for GPUs (gpus: {{value}}); Fargate has no GPUs.',
      runtime: 'Service "{{name}}" uses the nvidia runtime; Fargate has no GPUs.',
    },
    scope: 'document',
  },
  check(ctx) {
    for (const w of ctx.workloads()) {
      const data = { name: w.name };
      for (const c of w.containers) {
        for (const a of c.accelerators) ctx.report({ node: a.node, messageId: 'reservation', data, workload: w });
      }
      // The gpus attribute and the legacy nvidia runtime are not in the container view.
      const gpus = w.node.get('gpus');
      if (isSet(gpus)) ctx.report({ node: gpus, messageId: 'gpus', data: { ...data, value: str(gpus) ?? `${gpus.items().length} device(s)` }, workload: w });
      const runtime = w.node.get('runtime');
      if (str(runtime) === 'nvidia') ctx.report({ node: runtime!, messageId: 'runtime', data, workload: w });
    }
  },
});
