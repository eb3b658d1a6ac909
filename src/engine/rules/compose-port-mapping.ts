import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'compose-port-mapping',
    title: 'On Fargate a service is reached on its container port',
    description: 'Notes compose port mappings whose published (host) port differs from the container port, such as "8080:80". With awsvpc, which Fargate requires, the host port equals the container port.',
    remediation: 'In the task definition use the container port (hostPort left out or equal). Point clients, the load balancer\'s target group and security groups at the container port; a load balancer listener can still serve the old port.',
    formats: ['compose'],
    platforms: ['ecs-fargate'],
    effect: 'advice',
    defaultSeverity: 'info',
    sources: ['Amazon ECS Developer Guide: task_definition_parameters.md "portMappings" (awsvpc: hostPort blank or equal to containerPort)'],
    messages: {
      differs: 'Service "{{name}}" publishes container port {{containerPort}} on host port {{hostPort}}; on Fargate (awsvpc) the task is reached on {{containerPort}} itself, so clients, target groups and security groups use {{containerPort}}.',
    },
    scope: 'document',
  },
  check(ctx) {
    for (const w of ctx.workloads()) {
      for (const c of w.containers) {
        for (const p of c.ports) {
          if (p.hostPort === undefined || p.containerPort === undefined || p.hostPort === p.containerPort) continue;
          ctx.report({ node: p.hostPortNode ?? p.node, messageId: 'differs', data: { name: w.name, hostPort: p.hostPort, containerPort: p.containerPort }, workload: w });
        }
      }
    }
  },
});
