import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { installNetTrap } from './robustness/net-trap';
import type { Trap } from './robustness/net-trap';
import { createVscodeStub, installVscodeStub } from './robustness/vscode-stub';
import { REPO_ROOT, TODAY } from './rule-tester';

/**
 * Issue 7: no network, ever, and nothing executed. The CLI and the bundled extension
 * each run a full scan (the examples and every hostile fixture) with net, tls, http,
 * https, http2, dns, dgram, fetch, WebSocket and child_process trapped, in the main
 * thread and in the analysis worker; nothing may be attempted.
 */
describe('no network, no programs run', function () {
  // Bounded "finishes at all" guard: a full scan on a shared two-core machine.
  this.timeout(120_000);
  let trap: Trap;
  let logFile: string;
  let tmp: string;

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'offload-nonet-'));
    logFile = path.join(tmp, 'attempts.log');
    trap = installNetTrap(logFile);
  });

  afterEach(() => {
    trap.restore();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  // The log file has every attempt, from this thread and from workers alike.
  const attempted = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').filter(Boolean) : []);

  it('the trap works: it records and blocks a connection, a lookup, fetch and spawn', async () => {
    const net = await import('node:net');
    const dns = await import('node:dns');
    const cp = await import('node:child_process');
    assert.throws(() => net.connect(443, 'example.com'));
    assert.throws(() => dns.lookup('example.com', () => undefined));
    assert.throws(() => cp.spawn('helm', ['template', '.']));
    await assert.rejects(async () => globalThis.fetch('https://example.com'));
    assert.equal(attempted().length, 4, attempted().join('\n'));
    // Tell the assertions below that the log was written by this test, not by a scan.
    fs.rmSync(logFile, { force: true });
    trap.attempts.length = 0;
  });

  it('the CLI (dist/cli.js): offload scan of examples/ and the hostile fixtures, every format, on worker threads too', async () => {
    const bundle = path.join(REPO_ROOT, 'dist', 'cli.js');
    if (!fs.existsSync(bundle)) throw new Error('dist/cli.js is missing: run `npm run -s build` first');
    type Main = (argv: string[], io: { out(s: string): void; err(s: string): void; cwd: string; today: string; isTTY: boolean }) => number | Promise<number>;
    const cli = (await import(bundle)) as { main: Main; mainAsync?: Main };
    const outputs: Record<string, string> = {};
    const runs: [string, string[], Main][] = [
      ...['json', 'sarif', 'markdown', 'text'].map((f): [string, string[], Main] => [f, ['--format', f], cli.main]),
      // The worker pool (--jobs) when the CLI has one.
      ...(cli.mainAsync ? [['jobs', ['--format', 'json', '--jobs', '2'], cli.mainAsync] as [string, string[], Main]] : []),
    ];
    for (const [name, args, run] of runs) {
      const out: string[] = [];
      const err: string[] = [];
      const code = await run(['scan', 'examples', 'test/fixtures/hostile', ...args, '--today', TODAY], { out: (s) => out.push(s), err: (s) => err.push(s), cwd: REPO_ROOT, today: TODAY, isTTY: false });
      assert.ok(code === 0 || code === 1, `${name}: exit ${code}: ${err.join('')}`);
      outputs[name] = out.join('');
    }
    const json = JSON.parse(outputs.json);
    assert.ok(json.workloads.length > 10, 'the scan found the workloads');
    if (outputs.jobs) assert.deepEqual(JSON.parse(outputs.jobs).findings.length, json.findings.length);
    assert.deepEqual(attempted(), []);
    // Workers, if any, run the bundled script next to the CLI, never a workspace path.
    for (const w of trap.workers) assert.equal(path.relative(REPO_ROOT, w), path.join('dist', 'parallel-worker.js'));
  });

  it('the extension: activate() with a stub vscode, a full workspace scan in the analysis worker, then dispose', async () => {
    const dist = path.join(REPO_ROOT, 'dist', 'extension.js');
    if (!fs.existsSync(dist)) throw new Error('dist/extension.js is missing: run `npm run -s build` first');
    // A workspace: the examples and the hostile fixtures side by side.
    const ws = path.join(tmp, 'ws');
    fs.cpSync(path.join(REPO_ROOT, 'examples'), path.join(ws, 'examples'), { recursive: true });
    fs.cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'hostile'), path.join(ws, 'hostile'), { recursive: true });
    const log: string[] = [];
    const stub = createVscodeStub({ root: ws, log }) as { Uri: { file(p: string): unknown } };
    const uninstall = installVscodeStub(stub);
    const subscriptions: { dispose(): unknown }[] = [];
    try {
      delete require.cache[dist];
      const ext = (await import(dist)) as { activate(ctx: unknown): { whenIdle(): Promise<void>; getLastResult(): { workloads: unknown[]; files: unknown[] } | undefined } };
      const api = ext.activate({
        subscriptions,
        extensionUri: stub.Uri.file(REPO_ROOT),
        extensionPath: REPO_ROOT,
        globalState: { get: () => undefined, update: async () => undefined, keys: () => [] },
        workspaceState: { get: () => undefined, update: async () => undefined, keys: () => [] },
        asAbsolutePath: (p: string) => path.join(REPO_ROOT, p),
      });
      // whenIdle() covers the scheduled scan, the reads and the analysis.
      await new Promise((r) => setTimeout(r, 10));
      await api.whenIdle();
      const result = api.getLastResult();
      assert.ok(result, `no analysis result; log:\n${log.join('\n')}`);
      assert.ok(result.workloads.length > 10, `found ${result.workloads.length} workloads`);
      assert.ok(result.files.length > 50, `read ${result.files.length} files`);
      assert.ok(!log.some((l) => /analysing in the extension host|worker stopped/i.test(l)), `the analysis left the worker:\n${log.join('\n')}`);
    } finally {
      for (const d of subscriptions) d.dispose();
      uninstall();
    }
    assert.deepEqual(attempted(), []);
    // The only worker is the bundled one, never a workspace path.
    assert.deepEqual(trap.workers.map((w) => path.relative(REPO_ROOT, w)), [path.join('dist', 'analysis-worker.js')]);
  });
});
