import { str } from '../source/source-node';
import { isFargateCapability, removeYamlSeqItem } from '../rule-helpers/ecs-helpers';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'compose-cap-add',
    title: 'Fargate lets a container add only SYS_PTRACE',
    description: 'Flags cap_add entries other than SYS_PTRACE in compose services: on ECS they become linuxParameters.capabilities.add, where Fargate allows only SYS_PTRACE.',
    remediation: 'Remove the capability if the service does not need it; otherwise run the service on ECS with EC2 capacity.',
    formats: ['compose'],
    platforms: ['ecs-fargate'],
    effect: 'blocks',
    defaultSeverity: 'warning',
    sources: ['Amazon ECS Developer Guide: fargate-tasks-services.html ("linuxParameters": only CAP_SYS_PTRACE can be added, platform version 1.4.0 or later)'],
    messages: {
      capability: 'Service "{{name}}" adds capability {{capability}}; Fargate lets a container add only SYS_PTRACE.',
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
          const edit = removeYamlSeqItem(text, cap);
          ctx.report({
            node: cap,
            messageId: 'capability',
            data: { name: w.name, capability: name },
            workload: w,
            ...(edit ? { suggest: [{ title: `Remove ${name} (only if the service does not need it)`, edits: [edit] }] } : {}),
          });
        }
      }
    }
  },
});
