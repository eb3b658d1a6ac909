import { str } from '../source/source-node';
import { replaceJsonValue } from '../fix/json-edits';
import { removeJsonMember, targetsFargate } from '../rule-helpers/ecs-helpers';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'ecs-fargate-host-port',
    title: 'On Fargate hostPort must equal containerPort',
    description: 'Flags ECS port mappings whose hostPort differs from containerPort (including 0, the dynamic port of bridge mode). With awsvpc, which Fargate requires, a task is reached on the container port itself.',
    remediation: 'Set hostPort to the containerPort, or remove it. Clients, target groups and security groups then use the container port.',
    formats: ['ecs-task-definition'],
    platforms: ['ecs-fargate'],
    effect: 'needs-change',
    defaultSeverity: 'warning',
    sources: [
      'Amazon ECS Developer Guide: task_definition_parameters.md "portMappings" (awsvpc and host modes: hostPort blank or equal to containerPort)',
      'RegisterTaskDefinition error: "When networkMode=awsvpc, the host ports and container ports in port mappings must match."',
    ],
    messages: {
      differs: 'Container "{{container}}" maps host port {{hostPort}} to container port {{containerPort}}; with awsvpc (required on Fargate) the host port must equal the container port, so the task is reached on {{containerPort}}.',
      dynamic: 'Container "{{container}}" sets hostPort 0 (a dynamic host port in bridge mode); with awsvpc (required on Fargate) hostPort is left out or equals containerPort {{containerPort}}.',
    },
    scope: 'document',
  },
  check(ctx) {
    const text = ctx.text();
    for (const w of ctx.workloads()) {
      const mode = str(w.node.get('networkMode'));
      // AWS rejects a mismatch at registration for awsvpc and host tasks, and for any
      // task that declares FARGATE; elsewhere it only matters for a move.
      const rejected = targetsFargate(w.node) || mode === 'awsvpc' || mode === 'host';
      for (const c of w.containers) {
        for (const p of c.ports) {
          if (!p.hostPortNode || p.hostPort === undefined || p.containerPort === undefined || p.hostPort === p.containerPort) continue;
          const data = { container: c.name, hostPort: p.hostPort, containerPort: p.containerPort };
          const remove = { title: 'Remove hostPort', edits: removeJsonMember(text, p.hostPortNode) };
          const setEqual = { title: `Set hostPort to ${p.containerPort}`, edits: [replaceJsonValue(p.hostPortNode, p.containerPort)] };
          if (p.hostPort === 0) {
            // Removing keeps bridge mode's meaning (dynamic) and is what awsvpc wants. ECS is
            // known to accept 0 with awsvpc too, but the docs say blank or equal: a warning, not an error.
            ctx.report({ node: p.hostPortNode, messageId: 'dynamic', data, workload: w, severity: rejected ? 'warning' : 'info', fix: remove.edits.length ? remove : setEqual, suggest: remove.edits.length ? [setEqual] : [] });
          } else {
            // Equal ports say in the file which port the task is reached on, and stay valid
            // in every network mode; removing would mean a dynamic port if the task stays on bridge.
            ctx.report({ node: p.hostPortNode, messageId: 'differs', data, workload: w, severity: rejected ? 'error' : 'info', fix: setEqual, suggest: [remove] });
          }
        }
      }
    }
  },
});
