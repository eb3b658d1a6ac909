import { str } from '../source/source-node';
import { fargateSeverity, isFargateCapability, removeJsonMember } from '../rule-helpers/ecs-helpers';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'ecs-fargate-capabilities',
    title: 'Fargate lets a container add only SYS_PTRACE',
    description: 'Flags linuxParameters.capabilities.add entries other than SYS_PTRACE in ECS container definitions.',
    remediation: 'Remove the capability if the container does not need it (many images add NET_ADMIN or SYS_ADMIN out of habit); otherwise run the task on ECS with EC2 capacity.',
    formats: ['ecs-task-definition'],
    platforms: ['ecs-fargate'],
    effect: 'blocks',
    defaultSeverity: 'warning',
    sources: ['Amazon ECS Developer Guide: fargate-tasks-services.html ("linuxParameters": only CAP_SYS_PTRACE can be added, platform version 1.4.0 or later)'],
    messages: {
      capability: 'Container "{{container}}" adds capability {{capability}}; Fargate lets a container add only SYS_PTRACE.',
    },
    scope: 'document',
  },
  check(ctx) {
    const text = ctx.text();
    for (const w of ctx.workloads()) {
      for (const c of w.containers) {
        for (const cap of c.capabilitiesAdd) {
          const name = str(cap);
          if (name === undefined || isFargateCapability(name)) continue;
          ctx.report({
            node: cap,
            messageId: 'capability',
            data: { container: c.name, capability: name },
            workload: w,
            severity: fargateSeverity(w.node, 'blocks'),
            suggest: [{ title: `Remove ${name} (only if the container does not need it)`, edits: removeJsonMember(text, cap) }],
          });
        }
      }
    }
  },
});
