import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/engine';
import type { InputFile } from '../../../src/engine';
import { analyzeParallel, jobsFor, shares } from '../../../src/cli/parallel';

const TODAY = '2026-11-25';
const REPO = path.resolve(__dirname, '..', '..', '..', '..');

function examples(): InputFile[] {
  const out: InputFile[] = [];
  const visit = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) visit(abs);
      else out.push({ path: path.relative(REPO, abs).split(path.sep).join('/'), text: fs.readFileSync(abs, 'utf8') });
    }
  };
  visit(path.join(REPO, 'examples'));
  return out;
}

describe('cli: scans on worker threads', () => {
  it('gives the result analyze() gives, cross-file findings and target version included', async () => {
    // Spread the examples over many files, so every worker has some and the cluster is in one only.
    const files: InputFile[] = [];
    for (let i = 0; i < 6; i++) for (const f of examples()) files.push({ path: `copy-${i}/${f.path}`, text: f.text });
    const options = { today: TODAY, options: { regions: ['eu-west-1'] }, configText: 'rules:\n  eks-fargate-daemonset: info\n', configPath: '.offload.yaml' };
    const expected = analyze(files, options);
    const actual = await analyzeParallel(files, options, 3);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(actual)), JSON.parse(JSON.stringify(expected)));
    assert.ok(actual.findings.some((f) => f.ruleId === 'eksctl-fargate-profile-unmatched' || f.ruleId === 'eksctl-workload-unmatched'));
  });

  it('uses threads only for large workspaces, unless told', () => {
    const small = [{ path: 'a.yaml', text: 'a: 1\n' }];
    assert.equal(jobsFor(undefined, small), 1);
    assert.equal(jobsFor('auto', small), 1);
    assert.equal(jobsFor('3', small), 3);
  });

  it('splits the files into shares of about equal text, in order', () => {
    const files = Array.from({ length: 10 }, (_, i) => ({ path: `${i}.yaml`, text: 'x'.repeat(1000) }));
    const s = shares(files, 3);
    assert.deepEqual(s.flat(), [...Array(10).keys()]);
    assert.ok(s.every((g) => g.length >= 3 && g.length <= 4));
  });
});
