import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/engine';
import type { AnalysisResult, Effect, PlatformId, Workload } from '../../../src/engine';
import { defineRule } from '../../../src/engine/rules/define-rule';
import type { Rule } from '../../../src/engine/rules/define-rule';
import { ruleById } from '../../../src/engine/rules';
import { asOf as pricesAsOf, region as priceRegion } from '../../../src/engine/knowledge/pricing';

const TODAY = '2026-11-25';

/**
 * Test rules keyed on words in a workload's name, so each case states its own inputs:
 * "block" blocks Fargate, "fix" needs a change a quick fix makes, "nofix" one without
 * a fix, "ec2" needs a change on EC2, "advice" is advice only.
 */
function nameRule(id: string, word: string, effect: Effect, platforms: PlatformId[], withFix: boolean): Rule {
  return defineRule({
    meta: {
      id,
      title: id,
      description: id,
      remediation: 'none',
      formats: ['kubernetes', 'ecs-task-definition', 'compose'],
      platforms,
      effect,
      defaultSeverity: 'warning',
      sources: [],
      messages: { hit: `${id} on {{name}}` },
      scope: 'document',
    },
    check(ctx) {
      for (const w of ctx.workloads()) {
        if (!w.name.split('-').includes(word)) continue;
        const fix = withFix ? { title: `Fix ${id}`, edits: [{ start: w.anchor.start, end: w.anchor.end, newText: ctx.text().slice(w.anchor.start, w.anchor.end) }] } : undefined;
        ctx.report({ node: w.anchor, messageId: 'hit', data: { name: w.name }, workload: w, fix });
      }
    },
  });
}

const FARGATE: PlatformId[] = ['ecs-fargate', 'eks-fargate'];
const RULES: Rule[] = [
  nameRule('test-block', 'block', 'blocks', FARGATE, false),
  nameRule('test-fix', 'fix', 'needs-change', FARGATE, true),
  nameRule('test-fix-two', 'fix2', 'needs-change', FARGATE, true),
  nameRule('test-fix-also', 'fix2', 'needs-change', FARGATE, true),
  nameRule('test-nofix', 'nofix', 'needs-change', FARGATE, false),
  nameRule('test-ec2', 'ec2', 'needs-change', ['ecs-ec2', 'eks-ec2'], false),
  nameRule('test-advice', 'advice', 'advice', ['ecs-ec2', 'ecs-fargate', 'eks-ec2', 'eks-fargate'], false),
];

const k8s = (name: string, kind = 'Deployment', ns?: string) =>
  `apiVersion: apps/v1\nkind: ${kind}\nmetadata:\n  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}spec:\n  template:\n    spec:\n      containers:\n        - name: c\n          image: c\n`;
const ecs = (family: string) => JSON.stringify({ family, networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: [{ name: 'c', image: 'c' }] }, null, 2);
const compose = (...names: string[]) => `services:\n${names.map((n) => `  ${n}:\n    image: x\n`).join('')}`;

function run(files: Record<string, string>, rules: readonly Rule[] = RULES): AnalysisResult {
  return analyze(Object.entries(files).map(([path, text]) => ({ path, text })), { today: TODAY, rules });
}

function one(path: string, text: string, rules: readonly Rule[] = RULES): Workload {
  const r = run({ [path]: text }, rules);
  assert.equal(r.workloads.length, 1);
  return r.workloads[0];
}

function statuses(w: Workload): Record<PlatformId, string> {
  return Object.fromEntries(Object.entries(w.fit).map(([p, f]) => [p, f.status])) as Record<PlatformId, string>;
}

describe('recommend: platform fit and the choice', () => {
  it('Kubernetes with nothing in the way → EKS on Fargate, with the estimate', () => {
    const w = one('web.yaml', k8s('web'));
    assert.deepEqual(statuses(w), { 'ecs-ec2': 'needs-changes', 'ecs-fargate': 'needs-changes', 'eks-ec2': 'fits', 'eks-fargate': 'fits' });
    assert.equal(w.recommendation.platform, 'eks-fargate');
    assert.ok(w.fargate, 'a Fargate estimate');
    assert.equal(w.recommendation.summary, `EKS on Fargate: nothing blocks it at ${w.fargate.label}, about $${w.fargate.monthlyUsd.toFixed(2)}/month.`);
    assert.match(w.recommendation.reasons[0].message, /^Kubernetes Deployment → EKS, the orchestrator it is written for$/);
    assert.deepEqual(w.recommendation.reasons[0].range, w.range);
    assert.match(w.recommendation.reasons.at(-1)!.message, /^Nothing blocks Fargate .* → EKS on Fargate/);
  });

  it('the other orchestrator\'s platforms need changes, with an orchestrator-change reason first', () => {
    const w = one('web.yaml', k8s('web'));
    for (const p of ['ecs-ec2', 'ecs-fargate'] as const) {
      assert.equal(w.fit[p].reasons[0].ruleId, 'orchestrator-change');
      assert.match(w.fit[p].reasons[0].message, /^Written for Kubernetes: ECS would need it rewritten/);
      assert.equal(w.fit[p].reasons[0].file, 'web.yaml');
      assert.deepEqual(w.fit[p].reasons[0].range, w.range);
    }
    assert.deepEqual(w.fit['eks-fargate'].reasons, []);
    const t = one('td.json', ecs('orders'));
    assert.match(t.fit['eks-fargate'].reasons[0].message, /^Written for ECS: EKS would need it rewritten as Kubernetes manifests/);
    const c = one('docker-compose.yml', compose('web'));
    assert.match(c.fit['eks-ec2'].reasons[0].message, /^Written for ECS \(compose\):/);
  });

  it('the orchestrator-change reason comes before a blocker on the other orchestrator, which stays blocked', () => {
    const w = one('block.yaml', k8s('x-block'));
    assert.equal(w.fit['ecs-fargate'].status, 'blocked');
    assert.deepEqual(w.fit['ecs-fargate'].reasons.map((r) => r.ruleId), ['orchestrator-change', 'test-block']);
    assert.equal(w.fit['ecs-ec2'].status, 'needs-changes');
  });

  it('ECS task definitions and compose services → ECS on Fargate when nothing blocks', () => {
    const t = one('td.json', ecs('orders'));
    assert.equal(t.recommendation.platform, 'ecs-fargate');
    assert.match(t.recommendation.summary, /^ECS on Fargate: nothing blocks it at /);
    assert.match(t.recommendation.reasons[0].message, /^ECS task definition → ECS/);
    const c = one('docker-compose.yml', compose('web'));
    assert.equal(c.recommendation.platform, 'ecs-fargate');
    assert.match(c.recommendation.reasons[0].message, /^compose service → ECS/);
  });

  it('Fargate after a quick fix when every needs-change reason has a fix', () => {
    const w = one('td.json', ecs('x-fix'));
    assert.equal(w.fit['ecs-fargate'].status, 'needs-changes');
    assert.equal(w.recommendation.platform, 'ecs-fargate');
    assert.match(w.recommendation.summary, /^ECS on Fargate after 1 quick fix at /);
    const steps = w.recommendation.reasons.map((r) => r.message);
    assert.ok(steps.includes('Fargate needs a change a quick fix makes: test-fix on x-fix'));
    assert.match(steps.at(-1)!, /^Nothing blocks Fargate and the size fits, so the changes are worth it → ECS on Fargate/);
    const two = one('td.json', ecs('x-fix2'));
    assert.match(two.recommendation.summary, /^ECS on Fargate after 2 quick fixes/);
  });

  it('the real ECS rules: an invalid size and bridge mode are both quick fixes', () => {
    const td = JSON.stringify({ family: 'legacy', networkMode: 'bridge', cpu: '512', memory: '512', containerDefinitions: [{ name: 'c', image: 'c' }] }, null, 2);
    const w = one('legacy.json', td, [ruleById('ecs-fargate-network-mode')!, ruleById('ecs-fargate-task-size')!]);
    assert.equal(w.recommendation.platform, 'ecs-fargate');
    assert.match(w.recommendation.summary, /after 2 quick fixes at 0\.5vCPU 1GB/);
  });

  it('Fargate after changes when a needs-change reason has no fix, counting the quick fixes', () => {
    const w = one('td.json', ecs('x-nofix'));
    assert.equal(w.recommendation.platform, 'ecs-fargate');
    assert.match(w.recommendation.summary, /^ECS on Fargate after 1 change at /);
    assert.ok(w.recommendation.reasons.some((r) => r.message === 'Fargate needs a change: test-nofix on x-nofix' && r.ruleId === 'test-nofix'));
    const mixed = one('td.json', ecs('x-fix-nofix'));
    assert.match(mixed.recommendation.summary, /^ECS on Fargate after 2 changes \(1 with a quick fix\)/);
  });

  it('changes every platform of the orchestrator needs do not count against Fargate', () => {
    const rules = [...RULES, nameRule('test-both', 'both', 'needs-change', ['eks-ec2', 'eks-fargate'], false)];
    const w = one('d.yaml', k8s('x-both'), rules);
    assert.equal(w.fit['eks-ec2'].status, 'needs-changes');
    assert.equal(w.recommendation.platform, 'eks-fargate');
    assert.match(w.recommendation.summary, /nothing blocks it .*\(after 1 change every EKS platform needs\)/);
    assert.ok(w.recommendation.reasons.some((r) => r.message === 'Needed on any EKS platform: test-both on x-both'));
  });

  it('EC2 when the pod is larger than any Fargate size, though that is only a change', () => {
    const big = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: huge\nspec:\n  template:\n    spec:\n      containers:\n        - name: c\n          image: c\n          resources:\n            requests:\n              cpu: "32"\n              memory: 256Gi\n';
    const w = one('big.yaml', big, [ruleById('eks-fargate-pod-too-large')!]);
    assert.equal(w.fit['eks-fargate'].status, 'needs-changes');
    assert.equal(w.recommendation.platform, 'eks-ec2');
    assert.ok(w.recommendation.reasons.some((r) => r.message.startsWith('Too large for Fargate: ') && r.ruleId === 'eks-fargate-pod-too-large'));
  });

  it('EC2 when Fargate is blocked; the trace points at the blocker', () => {
    const w = one('ds.yaml', k8s('agent-block', 'DaemonSet'));
    assert.equal(w.fit['eks-fargate'].status, 'blocked');
    assert.equal(w.recommendation.platform, 'eks-ec2');
    assert.equal(w.recommendation.summary, 'EKS on EC2 nodes. test-block on agent-block');
    const step = w.recommendation.reasons.find((r) => r.ruleId === 'test-block')!;
    assert.equal(step.message, 'Fargate blocked: test-block on agent-block');
    assert.equal(step.file, 'ds.yaml');
    assert.deepEqual(step.range, w.range);
  });

  it('blocked beats needs-changes, and every reason is kept', () => {
    const w = one('ds.yaml', k8s('x-block-nofix'));
    assert.equal(w.fit['eks-fargate'].status, 'blocked');
    assert.deepEqual(w.fit['eks-fargate'].reasons.map((r) => r.ruleId).sort(), ['test-block', 'test-nofix']);
  });

  it('when EC2 needs changes too, the trace says so', () => {
    const w = one('ds.yaml', k8s('x-block-ec2'));
    assert.equal(w.recommendation.platform, 'eks-ec2');
    assert.equal(w.fit['eks-ec2'].status, 'needs-changes');
    assert.ok(w.recommendation.reasons.some((r) => r.message === 'EC2 needs attention too: test-ec2 on x-block-ec2'));
  });

  it('advice never changes a fit', () => {
    const w = one('web.yaml', k8s('x-advice'));
    assert.equal(run({ 'web.yaml': k8s('x-advice') }).findings.length, 1);
    assert.deepEqual(statuses(w), statuses(one('web.yaml', k8s('plain'))));
    assert.equal(w.recommendation.platform, 'eks-fargate');
  });

  it('a Fargate blocker on the other orchestrator does not move the pick', () => {
    const eksOnly = nameRule('test-eks-only', 'block', 'blocks', ['eks-fargate'], false);
    const w = one('td.json', ecs('x-block'), [eksOnly]);
    assert.equal(w.fit['eks-fargate'].status, 'blocked');
    assert.equal(w.recommendation.platform, 'ecs-fargate');
  });

  it('the real DaemonSet rule: EKS on EC2 nodes, blocked on both Fargates', () => {
    const w = one('ds.yaml', k8s('log-agent', 'DaemonSet'), [ruleById('eks-fargate-daemonset')!]);
    assert.equal(w.fit['eks-fargate'].status, 'blocked');
    assert.equal(w.fit['ecs-fargate'].status, 'blocked');
    assert.equal(w.recommendation.platform, 'eks-ec2');
    assert.match(w.recommendation.summary, /^EKS on EC2 nodes\. DaemonSet "log-agent" cannot run on Fargate/);
  });

  it('every workload has all four fits', () => {
    const r = run({ 'a.yaml': k8s('a'), 'b.json': ecs('b'), 'docker-compose.yml': compose('c', 'd') });
    for (const w of r.workloads) assert.deepEqual(Object.keys(w.fit).sort(), ['ecs-ec2', 'ecs-fargate', 'eks-ec2', 'eks-fargate']);
  });
});

describe('recommend: the workspace summary', () => {
  it('one line per orchestrator, with Fargate profile namespaces and the EC2 workloads by name', () => {
    const r = run({
      'shop.yaml': [k8s('web', 'Deployment', 'shop'), k8s('api', 'Deployment', 'shop'), k8s('cron', 'Deployment')].join('---\n'),
      'agent.yaml': k8s('log-block', 'DaemonSet', 'kube-system'),
      'docker-compose.yml': compose('front', 'exporter-block'),
    });
    assert.deepEqual(r.recommendation.lines.slice(0, 2), [
      'EKS: 3 workloads fit Fargate (Fargate profile for namespaces shop, default), 1 needs EC2 nodes (DaemonSet log-block).',
      'ECS: 1 service fits Fargate, 1 needs EC2 capacity (ComposeService exporter-block).',
    ]);
    assert.equal(r.recommendation.summary, r.recommendation.lines[0]);
  });

  it('the Fargate estimate sums one of each Fargate workload, with the prices\' as-of date', () => {
    const r = run({ 'shop.yaml': [k8s('web', 'Deployment', 'shop'), k8s('agent-block', 'DaemonSet')].join('---\n'), 'td.json': ecs('orders') });
    const fargate = r.workloads.filter((w) => w.recommendation.platform.endsWith('fargate'));
    assert.equal(fargate.length, 2);
    const sum = fargate.reduce((s, w) => s + w.fargate!.monthlyUsd, 0);
    assert.equal(r.recommendation.fargateMonthlyUsd, Math.round(sum * 100) / 100);
    assert.equal(r.recommendation.pricesAsOf, pricesAsOf);
    assert.equal(
      r.recommendation.lines.at(-1),
      `Fargate estimate: about $${sum.toFixed(2)}/month for one task or pod of each (${priceRegion} list prices as of ${pricesAsOf}; multiply by replicas).`,
    );
  });

  it('more than four EC2 workloads are counted, not all named', () => {
    const r = run({ 'ds.yaml': ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => k8s(`${n}-block`, 'DaemonSet')).join('---\n') });
    assert.equal(r.recommendation.lines[0], 'EKS: 6 need EC2 nodes (DaemonSet a-block; DaemonSet b-block; DaemonSet c-block; DaemonSet d-block; +2 more).');
    assert.equal(r.recommendation.fargateMonthlyUsd, 0);
    assert.equal(r.recommendation.lines.length, 1, 'no estimate line when nothing runs on Fargate');
  });

  it('no workloads: says what Offload reads', () => {
    const r = run({ 'README.yaml': 'title: nothing here\n' });
    assert.deepEqual(r.recommendation.lines, ['No workloads found. Offload reads Kubernetes workloads, ECS task definitions and compose services.']);
    assert.equal(r.recommendation.summary, r.recommendation.lines[0]);
  });

  it('the per-platform counts in the summary match the picks', () => {
    const r = run({ 'a.yaml': [k8s('a'), k8s('b-block', 'DaemonSet')].join('---\n'), 'td.json': ecs('x-block') });
    assert.deepEqual(r.summary.byPlatform, { 'ecs-ec2': 1, 'ecs-fargate': 0, 'eks-ec2': 1, 'eks-fargate': 1 });
    assert.equal(r.summary.workloads, 3);
  });
});
