import { str } from '../source/source-node';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'compose-host-pid',
    title: 'pid: host does not map to Fargate',
    description: 'Flags compose services with pid: host. On ECS this is pidMode "host", which Fargate does not support.',
    remediation: 'Drop pid: host if the service does not inspect host processes; containers of one ECS task can share a PID namespace with pidMode "task". Host agents (node exporters, profilers) belong on EC2.',
    formats: ['compose'],
    platforms: ['ecs-fargate'],
    effect: 'blocks',
    defaultSeverity: 'warning',
    sources: [
      'Amazon ECS Developer Guide: AWS_Fargate.md @49232cf2 (pidMode invalid on Fargate)',
      'aws-cdk PR #30019 (Linux Fargate accepts pidMode "task", not "host")',
    ],
    messages: {
      hostPid: 'Service "{{name}}" uses pid: host, which Fargate cannot provide: a Fargate task has no host processes to see.',
    },
    scope: 'document',
  },
  check(ctx) {
    for (const w of ctx.workloads()) {
      const n = w.node.get('pid');
      if (str(n) === 'host') ctx.report({ node: n!, messageId: 'hostPid', data: { name: w.name }, workload: w });
    }
  },
});
