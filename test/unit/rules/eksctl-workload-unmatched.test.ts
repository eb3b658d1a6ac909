import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/engine';
import rule from '../../../src/engine/rules/eksctl-workload-unmatched';
import { FIXTURES, TODAY, ruleTester } from '../rule-tester';

const related = 'context-fargate-only.yaml';

ruleTester(rule, {
  valid: [
    { file: 'pass.yaml', with: [related] },
    { file: 'pass.yaml', with: ['context-mixed.yaml'] },
    // No eksctl config, or one without Fargate profiles: nothing to match against.
    'fail.yaml',
    { file: 'fail.yaml', with: ['context-no-profiles.yaml'] },
  ],
  invalid: [
    {
      // Fargate-only: the pods stay Pending.
      file: 'fail.yaml',
      with: [related],
      errors: [
        { line: 20, column: 7, endColumn: 17, message: 'Deployment "admin" in namespace default matches no Fargate profile of cluster "serverless", and the cluster has no node groups: its pods stay Pending. Add a Fargate profile selector for namespace default.' },
        { line: 37, column: 7, endColumn: 10, message: 'Job "monthly-report" in namespace batch-reports matches no Fargate profile' },
        { line: 53, column: 7, endColumn: 17, message: 'matches no Fargate profile of cluster "serverless" (its label eks.amazonaws.com/fargate-profile: fp-batch allows only that profile)' },
      ],
    },
    {
      // A second config for the same cluster adds a node group: the pods run there instead.
      file: 'fail.yaml',
      with: [related, 'context-nodegroup-addon.yaml'],
      errors: [
        { line: 20, message: 'its pods run on node group spot-workers, not on Fargate. To run it on Fargate, add a Fargate profile selector for namespace default.' },
        { line: 37, message: 'Job "monthly-report"' },
        { line: 53, message: 'Deployment "cart"' },
      ],
    },
    {
      file: 'fail.mixed.yaml',
      with: ['context-mixed.yaml'],
      errors: [
        { line: 3, column: 7, endColumn: 17, message: 'Deployment "search" in namespace search matches no Fargate profile of cluster "serverless": its pods run on node group general, not on Fargate.' },
        // No "add a Fargate profile" advice for a GPU job.
        { line: 20, column: 7, endColumn: 10, message: 'its pods run on node group general, which is where its nvidia.com/gpu request can be met (Fargate has no accelerators).' },
      ],
    },
    {
      file: 'fail.mixed.yaml',
      with: ['context-auto-mode.yaml'],
      errors: [
        { line: 3, message: 'its pods run on EKS Auto Mode nodes, not on Fargate' },
        { line: 20, message: 'Job "trainer"' },
      ],
    },
  ],
});

describe('eksctl-workload-unmatched: effect on the recommendation', () => {
  const dir = path.join(FIXTURES, rule.meta.id);
  const load = (...names: string[]) => names.map((n) => ({ path: n, text: fs.readFileSync(path.join(dir, n), 'utf8') }));

  it('blocks eks-fargate with a warning on a Fargate-only cluster, pointing at its fargateProfiles', () => {
    const r = analyze(load('fail.yaml', 'context-fargate-only.yaml'), { today: TODAY, rules: [rule] });
    const f = r.findings.find((x) => x.message.includes('"admin"'))!;
    assert.equal(f.severity, 'warning');
    assert.equal(f.effect, 'blocks');
    assert.deepEqual(f.platforms, ['eks-fargate']);
    assert.equal(f.file, 'fail.yaml');
    assert.deepEqual(f.related?.map((x) => [x.file, x.range.start.line + 1, x.range.start.character + 1]), [['context-fargate-only.yaml', 11, 1]]);
    const admin = r.workloads.find((w) => w.name === 'admin')!;
    assert.equal(admin.fit['eks-fargate'].status, 'blocked');
    assert.equal(admin.recommendation.platform, 'eks-ec2');
    assert.equal(r.workloads.find((w) => w.name === 'storefront')!.recommendation.platform, 'eks-fargate');
  });

  it('is an info finding that changes eks-fargate when node groups take the pods', () => {
    const r = analyze(load('fail.mixed.yaml', 'context-mixed.yaml'), { today: TODAY, rules: [rule] });
    const f = r.findings.find((x) => x.message.includes('"search"'))!;
    assert.equal(f.severity, 'info');
    assert.equal(f.effect, 'needs-change');
    const search = r.workloads.find((w) => w.name === 'search')!;
    assert.equal(search.fit['eks-fargate'].status, 'needs-changes');
    // Nothing blocks Fargate, so the pick is Fargate once a profile selects the pod.
    assert.equal(search.recommendation.platform, 'eks-fargate');
    assert.match(search.recommendation.summary, /^EKS on Fargate after 1 change/);
  });

  it('keeps a severity set in the options', () => {
    const r = analyze(load('fail.mixed.yaml', 'context-mixed.yaml'), { today: TODAY, rules: [rule], options: { rules: { [rule.meta.id]: 'hint' } } });
    assert.deepEqual(r.findings.map((x) => x.severity), ['hint', 'hint']);
  });
});
