import { str } from '../source/source-node';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'compose-host-network',
    title: 'network_mode: host does not map to Fargate',
    description: 'Flags compose services with network_mode: host. On ECS this is the "host" network mode, which Fargate does not support.',
    remediation: 'Drop network_mode: host and publish the ports the service needs; on ECS Fargate each task gets its own ENI (awsvpc).',
    formats: ['compose'],
    platforms: ['ecs-fargate', 'eks-fargate'],
    effect: 'blocks',
    defaultSeverity: 'warning',
    sources: ['Amazon ECS Developer Guide: Fargate task definition considerations (networkMode must be awsvpc)'],
    messages: {
      hostNetwork: 'Service "{{name}}" uses network_mode: host, which Fargate cannot provide (tasks there use awsvpc).',
    },
    scope: 'document',
  },
  check(ctx) {
    for (const w of ctx.workloads()) {
      const n = w.node.get('network_mode');
      if (str(n) === 'host') ctx.report({ node: n!, messageId: 'hostNetwork', data: { name: w.name }, workload: w });
    }
  },
});
