import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
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
    // The workers read their shares from disk.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offload-parallel-'));
    try {
      for (const f of files) {
        fs.mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
        fs.writeFileSync(path.join(dir, f.path), f.text);
      }
      for (const jobs of [2, 3, 5]) {
        const actual = await analyzeParallel(files, options, jobs, dir);
        assert.deepStrictEqual(JSON.parse(JSON.stringify(actual)), JSON.parse(JSON.stringify(expected)), `--jobs ${jobs}`);
        assert.ok(actual.findings.some((f) => f.ruleId === 'eksctl-fargate-profile-unmatched' || f.ruleId === 'eksctl-workload-unmatched'));
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('analyses a file the main thread read but a worker could not (removed since) on the main thread', async () => {
    const files: InputFile[] = [];
    for (let i = 0; i < 3; i++) for (const f of examples()) files.push({ path: `copy-${i}/${f.path}`, text: f.text });
    const options = { today: TODAY };
    const expected = analyze(files, options);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offload-parallel-'));
    try {
      // Only the first half exists on disk: the worker's share is missing.
      for (const f of files.slice(0, files.length / 2)) {
        fs.mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
        fs.writeFileSync(path.join(dir, f.path), f.text);
      }
      const actual = await analyzeParallel(files, options, 2, dir);
      assert.deepStrictEqual(JSON.parse(JSON.stringify(actual)), JSON.parse(JSON.stringify(expected)));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('analyses on the main thread what a failed worker did not', async () => {
    const files: InputFile[] = [];
    for (let i = 0; i < 2; i++) for (const f of examples()) files.push({ path: `copy-${i}/${f.path}`, text: f.text });
    const options = { today: TODAY };
    const expected = analyze(files, options);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offload-parallel-'));
    const script = path.join(dir, 'crash.js');
    fs.writeFileSync(script, 'throw new Error("boom")\n');
    try {
      const warnings: string[] = [];
      const actual = await analyzeParallel(files, options, 3, dir, { script, warn: (m) => warnings.push(m) });
      assert.deepStrictEqual(JSON.parse(JSON.stringify(actual)), JSON.parse(JSON.stringify(expected)));
      assert.equal(warnings.length, 2);
      assert.match(warnings[0], /boom/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
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
    // A lighter first share (the main thread's).
    const w = shares(files, 2, [0.6]);
    assert.deepEqual(w.flat(), [...Array(10).keys()]);
    assert.ok(w[0].length === 4 && w[1].length === 6, JSON.stringify(w));
  });
});
