import { str } from '../source/source-node';
import { replaceJsonValue } from '../fix/json-edits';
import { appendJsonArrayItem, COMPATIBILITIES, insertJsonProperties, removeJsonMember } from '../rule-helpers/ecs-helpers';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'ecs-fargate-requires-compatibilities',
    title: 'Fargate tasks need FARGATE in requiresCompatibilities',
    description: 'Flags ECS task definitions whose requiresCompatibilities lacks FARGATE (so Fargate cannot launch them), is missing, is not a list, or holds a value ECS does not know.',
    remediation: 'Add "FARGATE" to requiresCompatibilities, so ECS validates the task definition for Fargate when it is registered.',
    formats: ['ecs-task-definition'],
    platforms: ['ecs-fargate'],
    effect: 'needs-change',
    defaultSeverity: 'warning',
    sources: [
      'Amazon ECS Developer Guide: Fargate task definition considerations (AWS_Fargate.md: requiresCompatibilities FARGATE validates against Fargate)',
      'Amazon ECS API Reference: TaskDefinition.requiresCompatibilities (EC2 | FARGATE | EXTERNAL)',
    ],
    messages: {
      noFargate: 'requiresCompatibilities lists {{list}} but not "FARGATE": ECS validates this task definition for those launch types only, and Fargate cannot launch it.',
      externalOnly: 'requiresCompatibilities is ["EXTERNAL"] only (ECS Anywhere, on your own servers): Fargate cannot launch this task definition until "FARGATE" is added.',
      missing: 'No requiresCompatibilities: ECS validates the task definition for EC2 by default, so Fargate cannot be counted on to launch it.',
      notArray: 'requiresCompatibilities must be a list, such as ["FARGATE"]; ECS rejects a single string.',
      unknownValue: '"{{value}}" is not a launch type ECS knows in requiresCompatibilities (EC2, FARGATE or EXTERNAL).',
      fargateSpot: '"FARGATE_SPOT" is a capacity provider, not a launch type: requiresCompatibilities takes "FARGATE", and Spot is chosen in the service\'s capacity provider strategy.',
    },
    scope: 'document',
  },
  check(ctx) {
    const text = ctx.text();
    for (const w of ctx.workloads()) {
      const task = w.node;
      const rc = task.get('requiresCompatibilities');
      if (!rc) {
        // describe-task-definition output says what ECS validated the task definition against.
        const validated = (task.get('compatibilities')?.items() ?? []).map(str);
        if (validated.includes('FARGATE')) continue;
        ctx.report({
          node: w.anchor,
          messageId: 'missing',
          workload: w,
          severity: 'info',
          fix: { title: 'Add "requiresCompatibilities": ["EC2", "FARGATE"]', edits: insertJsonProperties(text, task, [['requiresCompatibilities', '["EC2", "FARGATE"]']]) },
        });
        continue;
      }
      if (rc.kind === 'scalar') {
        const v = str(rc);
        const known = v !== undefined && (COMPATIBILITIES as readonly string[]).includes(v.trim().toUpperCase()) ? v.trim().toUpperCase() : undefined;
        const wanted = JSON.stringify(known === 'FARGATE' ? ['FARGATE'] : [known, 'FARGATE']).replace(/,/g, ', ');
        ctx.report({
          node: rc,
          messageId: 'notArray',
          workload: w,
          severity: known === 'FARGATE' ? 'error' : 'warning',
          platforms: ['ecs-fargate', 'ecs-ec2'],
          ...(known ? { fix: { title: `Use ${wanted}`, edits: [{ start: rc.start, end: rc.end, newText: wanted }] } } : {}),
        });
        continue;
      }
      if (rc.kind !== 'seq') continue;
      const items = rc.items();
      const values = items.map((n) => str(n));
      const hasFargate = values.includes('FARGATE');
      // Values ECS rejects at registration, whatever the launch type.
      let fargateAdded = false;
      for (const item of items) {
        const v = str(item);
        if (v !== undefined && (COMPATIBILITIES as readonly string[]).includes(v)) continue;
        const upper = v?.trim().toUpperCase();
        const spot = upper === 'FARGATE_SPOT';
        const canonical = spot ? 'FARGATE' : upper && (COMPATIBILITIES as readonly string[]).includes(upper) ? upper : undefined;
        const fix = canonical === undefined
          ? undefined
          : values.includes(canonical) || (canonical === 'FARGATE' && fargateAdded)
            ? { title: `Remove ${JSON.stringify(v)} (${canonical} is already listed)`, edits: removeJsonMember(text, item) }
            : { title: `Use "${canonical}"`, edits: [replaceJsonValue(item, canonical)] };
        if (canonical === 'FARGATE' && !values.includes('FARGATE')) fargateAdded = true;
        ctx.report({
          node: item,
          messageId: spot ? 'fargateSpot' : 'unknownValue',
          data: { value: v ?? String(item.value) },
          workload: w,
          severity: 'error',
          platforms: ['ecs-fargate', 'ecs-ec2'],
          ...(fix ? { fix } : {}),
        });
      }
      if (hasFargate || fargateAdded) continue;
      const listed = values.filter((v): v is string => v !== undefined && (COMPATIBILITIES as readonly string[]).includes(v));
      const externalOnly = listed.length > 0 && listed.every((v) => v === 'EXTERNAL');
      ctx.report({
        node: rc,
        messageId: externalOnly ? 'externalOnly' : 'noFargate',
        data: { list: listed.length ? listed.join(' and ') : 'nothing (ECS then assumes EC2)' },
        workload: w,
        severity: 'info',
        fix: { title: 'Add "FARGATE" to requiresCompatibilities', edits: appendJsonArrayItem(text, rc, '"FARGATE"') },
      });
    }
  },
});
