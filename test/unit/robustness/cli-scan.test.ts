import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HOSTILE } from '../../fuzz/hostile-files';
import { REPO_ROOT, TODAY } from '../rule-tester';

/**
 * Issue 7: `offload scan` of a folder holding every hostile fixture at once, plus the
 * inputs too big to commit (an oversized file, a 1,000-level block map, a 500 KB line,
 * 2,000 documents), finishes, exits 0 or 1 with a sane report, and keeps its memory
 * bounded. Time and memory are printed, not asserted: the machine is shared.
 */
const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

/** The generated files, by name. */
export function bigHostileFiles(): Record<string, string> {
  const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  hostNetwork: true\n  containers: [{name: a, image: nginx}]\n`;
  return {
    // Over the 2 MB default: skipped with a note, whatever it holds.
    'generated/oversized.yaml': pod('oversized') + ('# padding\n'.repeat(230_000)),
    // 1,000 levels of block maps, one space of indent each (500 KB).
    'generated/deep-block-map.yaml': pod('deep-block') + 'x:\n' + Array.from({ length: 1000 }, (_, i) => ' '.repeat(i + 1) + 'a:').join('\n') + ' 1\n',
    // One 500 KB line.
    'generated/long-line.yaml': pod('long-line').replace('image: nginx', `image: "${'x'.repeat(500_000)}"`),
    // 2,000 documents, every tenth a Pod.
    'generated/many-documents.yaml': Array.from({ length: 2000 }, (_, i) => (i % 10 ? `# document ${i}\n` : pod(`p${i}`))).join('---\n'),
    // A flow collection 10,000 deep in a file named like a manifest.
    'generated/deep-flow.yaml': pod('deep-flow') + `x: ${'['.repeat(10_000)}${']'.repeat(10_000)}\ny: ${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}\n`,
  };
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  maxRssMiB?: number;
  cpuMs?: number;
}

/** Runs dist/cli.js in a child Node; a preload reports the child's own peak RSS and CPU time at exit. */
function runCli(args: string[], cwd: string, timeoutMs: number): Promise<Run> {
  const usageFile = path.join(cwd, '.usage.json');
  const preload = path.join(cwd, '.usage-preload.js');
  fs.writeFileSync(
    preload,
    `process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeFileSync(${JSON.stringify(usageFile)}, JSON.stringify({ maxRSS: u.maxRSS, cpu: (u.userCPUTime + u.systemCPUTime) / 1000 })); });\n`,
  );
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', preload, CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const usage = fs.existsSync(usageFile) ? (JSON.parse(fs.readFileSync(usageFile, 'utf8')) as { maxRSS: number; cpu: number }) : undefined;
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: Date.now() - started, maxRssMiB: usage ? Math.round(usage.maxRSS / 1024) : undefined, cpuMs: usage ? Math.round(usage.cpu) : undefined });
    });
  });
}

describe('robustness: offload scan of every hostile fixture at once (child process)', function () {
  // Generous, bounded: the scan takes seconds; this only guards against a hang.
  this.timeout(240_000);
  let dir: string;

  before(function () {
    if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run -s build` first');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offload-hostile-'));
    fs.cpSync(HOSTILE, path.join(dir, 'hostile'), { recursive: true });
    for (const [name, text] of Object.entries(bigHostileFiles())) {
      fs.mkdirSync(path.dirname(path.join(dir, 'hostile', name)), { recursive: true });
      fs.writeFileSync(path.join(dir, 'hostile', name), text);
    }
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const jobs of ['1', '2']) {
    it(`finishes with a sane JSON report, exit 0 or 1 (--jobs ${jobs})`, async () => {
      const r = await runCli(['scan', 'hostile', '--format', 'json', '--today', TODAY, '--jobs', jobs], dir, 200_000);
      const summary = `${(r.ms / 1000).toFixed(1)} s wall, ${r.cpuMs ?? '?'} ms CPU, peak RSS ${r.maxRssMiB ?? '?'} MiB`;
      console.log(`      hostile scan (--jobs ${jobs}): ${summary}`);
      assert.equal(r.signal, null, `killed (${r.signal}) after ${summary}; stderr: ${r.stderr.slice(-2000)}`);
      assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}; stderr: ${r.stderr.slice(-2000)}`);
      const result = JSON.parse(r.stdout) as { files: { file: string; format: string; documents: number; note?: string }[]; findings: { ruleId: string; file: string }[]; workloads: unknown[] };
      const files = new Map(result.files.map((f) => [f.file, f]));
      assert.equal(files.get('hostile/generated/oversized.yaml')?.format, 'skipped');
      assert.match(files.get('hostile/generated/oversized.yaml')?.note ?? '', /larger than the 2048 KiB limit/);
      assert.equal(files.get('hostile/encoding/utf16le.yaml')?.format, 'skipped');
      assert.equal(files.get('hostile/generated/many-documents.yaml')?.documents, 200);
      assert.ok(result.findings.some((f) => f.file === 'hostile/generated/deep-flow.yaml' && f.ruleId === 'parse-error'));
      assert.ok(result.findings.some((f) => f.file === 'hostile/generated/long-line.yaml' && f.ruleId === 'eks-fargate-host-network'));
      assert.deepEqual(result.findings.filter((f) => f.ruleId === 'internal-error'), []);
      assert.ok(result.workloads.length > 200, `${result.workloads.length} workloads`);
    });
  }
});
