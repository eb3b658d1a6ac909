import { str } from '../source/source-node';
import { replaceJsonValue } from '../fix/json-edits';
import { insertJsonProperties, targetsFargate } from '../rule-helpers/ecs-helpers';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'ecs-fargate-network-mode',
    title: 'Fargate tasks need networkMode awsvpc',
    description: 'Flags ECS task definitions whose networkMode is missing or not awsvpc.',
    remediation: 'Set "networkMode": "awsvpc". Services and run-task calls then need a networkConfiguration (subnets and security groups).',
    formats: ['ecs-task-definition'],
    platforms: ['ecs-fargate'],
    effect: 'needs-change',
    defaultSeverity: 'warning',
    sources: ['Amazon ECS Developer Guide: Fargate task definition considerations (AWS_Fargate.md, task_definition_parameters.md "networkMode")', 'Amazon ECS Developer Guide: fargate-tasks-services.html (current)'],
    messages: {
      wrongMode: 'networkMode "{{mode}}" is not supported on Fargate, which requires "awsvpc".',
      missingMode: 'No networkMode: ECS defaults to "bridge" on EC2, and Fargate requires "awsvpc".',
    },
    scope: 'document',
  },
  check(ctx) {
    for (const w of ctx.workloads()) {
      const mode = w.node.get('networkMode');
      const value = str(mode);
      if (value === 'awsvpc') continue;
      const fargate = targetsFargate(w.node);
      const severity = fargate ? 'error' : 'info';
      if (mode) {
        ctx.report({ node: mode, messageId: 'wrongMode', data: { mode: value ?? String(mode.value) }, workload: w, severity, fix: { title: 'Set networkMode to "awsvpc"', edits: [replaceJsonValue(mode, 'awsvpc')] } });
      } else {
        ctx.report({ node: w.anchor, messageId: 'missingMode', workload: w, severity, fix: { title: 'Add "networkMode": "awsvpc"', edits: insertJsonProperties(ctx.text(), w.node, [['networkMode', '"awsvpc"']]) } });
      }
    }
  },
});
