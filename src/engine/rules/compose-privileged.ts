import { isTrue } from '../source/source-node';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'compose-privileged',
    title: 'Privileged compose services cannot run on Fargate',
    description: 'Flags compose services with privileged: true; the ECS container parameter privileged is invalid on Fargate.',
    remediation: 'Remove privileged and add only the capabilities needed, or run the service on ECS with EC2 capacity.',
    formats: ['compose'],
    platforms: ['ecs-fargate', 'eks-fargate'],
    effect: 'blocks',
    defaultSeverity: 'warning',
    sources: ['Amazon ECS Developer Guide: Fargate task definition considerations (privileged is invalid)'],
    messages: {
      privileged: 'Service "{{name}}" is privileged, which Fargate rejects.',
    },
    scope: 'document',
  },
  check(ctx) {
    for (const w of ctx.workloads()) {
      const n = w.node.get('privileged');
      if (isTrue(n)) ctx.report({ node: n!, messageId: 'privileged', data: { name: w.name }, workload: w });
    }
  },
});
