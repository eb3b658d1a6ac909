// The benchmark (issue 8): `npm run bench`.
//
// Generates (once) synthetic workspaces of 1,000 and 10,000 files and a 5,000-line
// manifest (bench/generate-corpus.mjs, into the git-ignored bench/.corpus/), then
// measures, each part in a child process of its own so peak memory is its own:
//
//   (a) the parser floor: reading the files plus yaml's parseAllDocuments (jsonc-parser for JSON);
//   (b) a cold scan through the engine (read + analyze(), one thread), and the CLI itself
//       (`dist/cli.js scan`) on one thread and on worker threads;
//   (c) an incremental re-scan after one file changes, cross-file rules included;
//   (d) the 5,000-line manifest after one-character edits, as the extension analyses it
//       per keystroke (a session), p50/p95 over 50 edits;
//   (e) the same edits through yaml-language-server's validation, without schemas;
//   (f) peak RSS;
//   (g) extension activation with a stub `vscode`, and the bundle size.
//
// The machine is shared, so nothing here is a pass/fail assertion: figures are reported
// as measured, with ratios taken within one process and CPU time next to wall time
// (CPU time is what other processes on the machine disturb least). Writes
// bench/results.json and prints a table.
//
//   node bench/run.mjs [--sizes 1000,10000] [--quick]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { generate } from './generate-corpus.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const CORPUS = path.join(HERE, '.corpus');
const require = createRequire(import.meta.url);
const TODAY = '2026-11-25';
/** The engine as this benchmark loads it: its own bundle, so a concurrent `tsc` or clean of out/ cannot pull it away. */
const BUILD = path.join(CORPUS, '.build');
const ENGINE = path.join(BUILD, 'engine.cjs');
const WALK = path.join(BUILD, 'walk.cjs');
const PARALLEL = path.join(BUILD, 'parallel.cjs');

// ---------------------------------------------------------------------------
// helpers

const now = () => performance.now();
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** Wall and CPU milliseconds of fn (awaited). */
async function timed(fn) {
  const w = now();
  const c = cpuMs();
  const value = await fn();
  return { wall: now() - w, cpu: cpuMs() - c, value };
}
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
function pct(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
/** mulberry32, for edits that are the same on every run. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const gc = () => globalThis.gc?.();

function listFiles(dir) {
  const { walk } = require(WALK);
  return walk([dir], dir, []).files;
}
function readAll(dir, paths) {
  return paths.map((p) => ({ path: p, text: fs.readFileSync(path.join(dir, p), 'utf8') }));
}

/** A one-line edit in a file: a character added to the first image tag (or the first line). */
function editOf(text, salt) {
  const i = text.indexOf('image: ');
  const at = i >= 0 ? text.indexOf('\n', i) : text.indexOf('\n');
  const pos = at >= 0 ? at : text.length;
  return text.slice(0, pos) + String.fromCharCode(97 + (salt % 26)) + text.slice(pos);
}

// ---------------------------------------------------------------------------
// child: one workspace size

async function measureSize(n) {
  const dir = path.join(CORPUS, `n${n}`);
  const { analyze, createSession } = require(ENGINE);
  const { parseAllDocuments } = require('yaml');
  const { parseTree } = require('jsonc-parser');
  const paths = listFiles(dir);
  const out = { files: paths.length };

  const floor = () => {
    let docs = 0;
    for (const p of paths) {
      const text = fs.readFileSync(path.join(dir, p), 'utf8');
      if (p.endsWith('.json')) parseTree(text, [], { allowTrailingComma: true });
      else docs += parseAllDocuments(text).length;
    }
    return docs;
  };
  const cold = () => analyze(readAll(dir, paths), { today: TODAY });

  // (a) and (b), alternating, so the machine's load falls on both alike; the best of each.
  const a1 = await timed(floor);
  gc();
  const b1 = await timed(cold);
  out.documents = a1.value;
  out.findings = b1.value.findings.length;
  out.workloads = b1.value.workloads.length;
  b1.value = undefined;
  gc();
  const a2 = await timed(floor);
  gc();
  const rounds = n <= 1000 ? 2 : 1;
  let b2 = b1;
  if (rounds > 1) {
    b2 = await timed(cold);
    b2.value = undefined;
    gc();
  }
  const best = (x, y) => ({ wall: Math.min(x.wall, y.wall), cpu: Math.min(x.cpu, y.cpu) });
  out.floor = best(a1, a2);
  out.cold = best(b1, b2);
  out.rssAfterCold = peakRssMb();

  // (c) a session: the initial scan, then one file changed at a time.
  gc();
  const session = createSession({ today: TODAY });
  const files = readAll(dir, paths);
  // How many threads `--jobs auto` uses on this workspace, as the CLI decides it.
  out.cliAutoJobs = require(PARALLEL).jobsFor('auto', files);
  for (const f of files) session.update(f.path, f.text);
  const first = await timed(() => session.result());
  out.sessionInitial = { wall: first.wall, cpu: first.cpu };
  // Checked on the small workspace only: two results of the large one would dwarf what is measured.
  out.sessionEqualsAnalyze = n <= 1000 ? JSON.stringify(first.value) === JSON.stringify(analyze(files, { today: TODAY })) : 'not checked';
  gc();
  const k8s = files.filter((f) => f.text.includes('kind: Deployment') && !f.text.includes('PersistentVolume'));
  const withClaim = files.filter((f) => f.text.includes('kind: PersistentVolumeClaim'));
  const pick = rng(n);
  const edits = [];
  for (let i = 0; i < 30; i++) {
    const f = k8s[Math.floor(pick() * k8s.length)];
    const edited = editOf(f.text, i);
    const t = await timed(() => {
      session.update(f.path, edited);
      return session.result();
    });
    edits.push(t.wall);
    session.update(f.path, f.text);
    session.result();
  }
  out.incremental = { p50: pct(edits, 50), p95: pct(edits, 95), max: Math.max(...edits), edits: edits.length, what: 'a character added to an image tag in a Kubernetes file (no indexed objects in it)' };
  const claimEdits = [];
  for (let i = 0; i < 10 && withClaim.length; i++) {
    const f = withClaim[Math.floor(pick() * withClaim.length)];
    // Above every document: all of them move, the file's claims get new index entries.
    const edited = `# edited\n${f.text}`;
    const t = await timed(() => {
      session.update(f.path, edited);
      return session.result();
    });
    claimEdits.push(t.wall);
    session.update(f.path, f.text);
    session.result();
  }
  out.incrementalIndexed = claimEdits.length ? { p50: pct(claimEdits, 50), p95: pct(claimEdits, 95), max: Math.max(...claimEdits), edits: claimEdits.length, what: 'a line added at the top of a file that holds PersistentVolumeClaims (its claims move in the index)' } : undefined;
  const cluster = files.find((f) => f.text.includes('kind: ClusterConfig'));
  if (cluster) {
    const edited = cluster.text.replace('namespace: legacy-billing', 'namespace: legacy-bill');
    const t = await timed(() => {
      session.update(cluster.path, edited);
      return session.result();
    });
    out.incrementalCluster = { wall: t.wall, what: 'a Fargate profile selector changed in an eksctl ClusterConfig: every pod is re-checked against it' };
    session.update(cluster.path, cluster.text);
  }
  gc();
  out.heapWithSessionMb = process.memoryUsage().heapUsed / 1e6;
  out.peakRssMb = peakRssMb();
  return out;
}

// ---------------------------------------------------------------------------
// child: the 5,000-line manifest, per keystroke

async function measureKeystroke() {
  const { createSession } = require(ENGINE);
  const { parseAllDocuments } = require('yaml');
  const text0 = fs.readFileSync(path.join(CORPUS, 'big-5000.yaml'), 'utf8');
  const lines = text0.split('\n').length;
  // 50 keystrokes, one after another, each a character typed at the end of a random
  // `key: value` line (typing in a value; a `---` line is not one).
  const pick = rng(5000);
  const texts = [];
  let t = text0;
  for (let i = 0; i < 50; i++) {
    const ends = [];
    for (let j = t.indexOf('\n'), s = 0; j >= 0; s = j + 1, j = t.indexOf('\n', j + 1)) if (t.slice(s, j).includes(': ')) ends.push(j);
    const end = ends[Math.floor(pick() * ends.length)];
    t = t.slice(0, end) + 'abcdefghij'[i % 10] + t.slice(end);
    texts.push(t);
  }
  const out = { lines, edits: texts.length };

  // Offload, as the extension does it: a session that holds the file, edited in turn.
  const editSession = async () => {
    const session = createSession({ today: TODAY });
    session.update('big.yaml', text0);
    const first = await timed(() => session.result());
    const times = [];
    for (const x of texts) {
      const r = await timed(() => {
        session.update('big.yaml', x);
        return session.result();
      });
      times.push(r.wall);
    }
    return { first: first.wall, stats: { p50: pct(times, 50), p95: pct(times, 95), max: Math.max(...times) } };
  };
  const cold = await editSession();
  out.offloadFirst = cold.first;
  out.offload = cold.stats;
  // The same edits in a fresh session of the same process: the code is compiled by now,
  // as it is in the extension's long-lived analysis worker after its first scan. The
  // run above includes V8 compiling the incremental paths on their first use.
  out.offloadWarm = (await editSession()).stats;

  // The whole file re-parsed with yaml on every keystroke, for scale.
  const reparse = [];
  for (const x of texts.slice(0, 20)) reparse.push((await timed(() => parseAllDocuments(x))).wall);
  out.yamlReparse = { p50: pct(reparse, 50), p95: pct(reparse, 95) };

  // (e) yaml-language-server's validation, no schemas: what a VS Code user already runs.
  const { getLanguageService } = require('yaml-language-server/lib/umd/languageservice/yamlLanguageService.js');
  const { TextDocument } = require('vscode-languageserver-textdocument');
  const ls = getLanguageService({ schemaRequestService: () => Promise.reject(new Error('no schemas')), workspaceContext: { resolveRelativePath: (r) => r } });
  ls.configure({ validate: true, hover: false, completion: false, format: false, isKubernetes: false, schemas: [], customTags: [] });
  let version = 0;
  const first = await timed(() => ls.doValidation(TextDocument.create('file:///big.yaml', 'yaml', version++, text0), false));
  out.ylsFirst = first.wall;
  const yls = [];
  for (const x of texts) yls.push((await timed(() => ls.doValidation(TextDocument.create('file:///big.yaml', 'yaml', version++, x), false))).wall);
  out.yls = { p50: pct(yls, 50), p95: pct(yls, 95), max: Math.max(...yls), version: require('yaml-language-server/package.json').version };
  out.peakRssMb = peakRssMb();
  return out;
}

// ---------------------------------------------------------------------------
// child: extension activation with a stub `vscode`

/** A stand-in for the whole vscode API: every member is callable, constructible and disposable. */
function fakeVscode() {
  const cache = new Map();
  const make = (name) => {
    if (cache.has(name)) return cache.get(name);
    const target = function () {};
    const p = new Proxy(target, {
      get(_t, key) {
        if (key === Symbol.iterator) return function* () {};
        if (key === Symbol.toPrimitive) return () => name;
        if (key === 'then') return undefined;
        if (key === 'dispose') return () => undefined;
        if (key === 'length') return 0;
        if (key === 'workspaceFolders') return [];
        if (key === 'get') return (_k, def) => def;
        if (typeof key === 'symbol') return undefined;
        return make(`${name}.${String(key)}`);
      },
      apply: () => make(`${name}()`),
      construct: () => make(`new ${name}`),
      set: () => true,
    });
    cache.set(name, p);
    return p;
  };
  // A bundle copies the module's own properties (esbuild's __toESM), so the members are real ones.
  const api = {};
  for (const name of API_NAMES) api[name] = make(`vscode.${name}`);
  return api;
}

const API_NAMES = (
  'CancellationTokenSource CodeAction CodeActionKind CodeActionTriggerKind ConfigurationTarget Diagnostic DiagnosticRelatedInformation DiagnosticSeverity ' +
  'DiagnosticTag Disposable EventEmitter FileType Hover Location MarkdownString Position ProgressLocation QuickPickItemKind Range RelativePattern Selection ' +
  'StatusBarAlignment TextEdit ThemeColor ThemeIcon TreeItem TreeItemCollapsibleState Uri ViewColumn WorkspaceEdit commands env extensions l10n languages window workspace'
).split(' ');

async function measureActivation() {
  const Module = require('node:module');
  const fake = fakeVscode();
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
  };
  require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: fake };
  const bundle = path.join(ROOT, 'dist/extension.js');
  const t0 = now();
  const ext = require(bundle);
  const t1 = now();
  const context = { subscriptions: [], extensionUri: fake.Uri.file(ROOT), extensionMode: 1, extensionPath: ROOT, globalState: fake.globalState, workspaceState: fake.workspaceState, asAbsolutePath: (p) => path.join(ROOT, p) };
  let error;
  try {
    ext.activate(context);
  } catch (e) {
    error = String(e?.stack ?? e).split('\n').slice(0, 3).join(' | ');
  }
  const t2 = now();
  const size = fs.statSync(bundle).size;
  // The engine bundle the extension host loads on first use (hover, code action, guide), not at activation.
  const lazy = path.join(ROOT, 'dist/engine-api.js');
  const lazyBytes = fs.existsSync(lazy) ? fs.statSync(lazy).size : 0;
  const engineLoaded = Object.keys(require.cache).some((k) => k.endsWith('engine-api.js'));
  return { requireMs: t1 - t0, activateMs: t2 - t1, totalMs: t2 - t0, bundleBytes: size, lazyBytes, engineLoaded, subscriptions: context.subscriptions.length, error };
}

// ---------------------------------------------------------------------------
// child: the CLI as users run it

async function measureCli(dir, jobs) {
  const cli = require(path.join(ROOT, 'dist/cli.js'));
  const io = { out: () => undefined, err: (s) => process.stderr.write(s), cwd: dir, today: TODAY, isTTY: false };
  const r = await timed(() => cli.mainAsync(['scan', '.', '--format', 'json', '--output', os.devNull, '--jobs', String(jobs), '--fail-on', 'none'], io));
  return { wall: r.wall, cpu: r.cpu, code: r.value, peakRssMb: peakRssMb() };
}

// ---------------------------------------------------------------------------
// orchestration

function child(args) {
  const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`bench child ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  const line = r.stdout.trim().split('\n').pop();
  return JSON.parse(line);
}

const f0 = (x) => (x === undefined ? '-' : x >= 100 ? x.toFixed(0) : x.toFixed(1));

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    const [, kind, arg, arg2] = args;
    const result = kind === 'size' ? await measureSize(Number(arg)) : kind === 'keystroke' ? await measureKeystroke() : kind === 'activation' ? await measureActivation() : await measureCli(arg, arg2);
    process.stdout.write(JSON.stringify(result) + '\n');
    // The extension's first scan is scheduled after activate(); the measurement is done.
    process.exit(0);
  }
  const opt = (name, def) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : def;
  };
  const sizes = opt('--sizes', '1000,10000').split(',').map(Number);
  for (const need of ['dist/cli.js', 'dist/extension.js', 'dist/parallel-worker.js']) {
    if (!fs.existsSync(path.join(ROOT, need))) throw new Error(`${need} is missing: run \`npm run build\` (npm run bench does)`);
  }
  const started = now();
  const { build } = await import('esbuild');
  const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', mainFields: ['module', 'main'] };
  await build({ ...common, entryPoints: [path.join(ROOT, 'src/engine/index.ts')], outfile: ENGINE });
  await build({ ...common, entryPoints: [path.join(ROOT, 'src/cli/walk.ts')], outfile: WALK });
  await build({ ...common, entryPoints: [path.join(ROOT, 'src/cli/parallel.ts')], outfile: PARALLEL });
  const t = now();
  generate(CORPUS, sizes);
  const log = (s) => process.stderr.write(s + '\n');
  log(`corpus ready (${((now() - t) / 1000).toFixed(1)} s)`);

  const results = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, loadavg: os.loadavg(), sizes: {} };
  for (const n of sizes) {
    log(`measuring ${n} files ...`);
    const s = child(['size', String(n)]);
    const dir = path.join(CORPUS, `n${n}`);
    log(`  the CLI on one thread and on worker threads ...`);
    s.cli1 = child(['cli', dir, '1']);
    s.cliAuto = child(['cli', dir, 'auto']);
    results.sizes[n] = s;
  }
  log('measuring the 5,000-line manifest, per keystroke ...');
  results.keystroke = child(['keystroke']);
  log('measuring activation ...');
  results.activation = child(['activation']);
  results.loadavgAfter = os.loadavg();
  results.totalSeconds = (now() - started) / 1000;

  // Table.
  const rows = [];
  const row = (what, ...cells) => rows.push([what, ...cells.map((c) => (typeof c === 'number' ? f0(c) : c ?? '-'))]);
  row('', ...sizes.map((n) => `${n} files`));
  row('files read (candidates)', ...sizes.map((n) => results.sizes[n].files));
  row('YAML documents', ...sizes.map((n) => results.sizes[n].documents));
  row('(a) parser floor, ms (wall / cpu)', ...sizes.map((n) => `${f0(results.sizes[n].floor.wall)} / ${f0(results.sizes[n].floor.cpu)}`));
  row('(b) cold scan, analyze(), 1 thread, ms', ...sizes.map((n) => `${f0(results.sizes[n].cold.wall)} / ${f0(results.sizes[n].cold.cpu)}`));
  row('    ratio (b)/(a) (wall / cpu)', ...sizes.map((n) => `${(results.sizes[n].cold.wall / results.sizes[n].floor.wall).toFixed(2)} / ${(results.sizes[n].cold.cpu / results.sizes[n].floor.cpu).toFixed(2)}`));
  row('(b) CLI scan, --jobs 1, ms', ...sizes.map((n) => results.sizes[n].cli1.wall));
  row(`(b) CLI scan, --jobs auto, ms (threads)`, ...sizes.map((n) => `${f0(results.sizes[n].cliAuto.wall)} (${results.sizes[n].cliAutoJobs})`));
  row('    CLI speed-up from threads', ...sizes.map((n) => (results.sizes[n].cliAutoJobs > 1 ? `${(results.sizes[n].cli1.wall / results.sizes[n].cliAuto.wall).toFixed(2)}x` : 'one thread')));
  row('    ratio CLI auto/(a) (wall)', ...sizes.map((n) => (results.sizes[n].cliAuto.wall / results.sizes[n].floor.wall).toFixed(2)));
  row('session: first result, ms', ...sizes.map((n) => results.sizes[n].sessionInitial.wall));
  row('session result = analyze()', ...sizes.map((n) => String(results.sizes[n].sessionEqualsAnalyze)));
  row('(c) re-scan after 1 file changed, ms p50 / p95', ...sizes.map((n) => `${f0(results.sizes[n].incremental.p50)} / ${f0(results.sizes[n].incremental.p95)}`));
  row('    ... file with indexed claims, p50 / p95', ...sizes.map((n) => (results.sizes[n].incrementalIndexed ? `${f0(results.sizes[n].incrementalIndexed.p50)} / ${f0(results.sizes[n].incrementalIndexed.p95)}` : '-')));
  row('    ... eksctl Fargate selector edited, ms', ...sizes.map((n) => results.sizes[n].incrementalCluster?.wall));
  row('(f) peak RSS, in-process runs, MB', ...sizes.map((n) => results.sizes[n].peakRssMb));
  row('    RSS after the cold scan, MB', ...sizes.map((n) => results.sizes[n].rssAfterCold));
  row('    heap holding the session, MB', ...sizes.map((n) => results.sizes[n].heapWithSessionMb));
  row('(f) peak RSS, CLI --jobs 1 / auto, MB', ...sizes.map((n) => `${f0(results.sizes[n].cli1.peakRssMb)} / ${f0(results.sizes[n].cliAuto.peakRssMb)}`));
  const k = results.keystroke;
  const a = results.activation;
  const table = rows.map((r) => r.map((c, i) => (i === 0 ? String(c).padEnd(48) : String(c).padStart(20))).join('')).join('\n');
  const extra = [
    '',
    `(d) ${k.lines}-line manifest, ${k.edits} one-character edits, Offload session: p50 ${f0(k.offload.p50)} ms, p95 ${f0(k.offload.p95)} ms (max ${f0(k.offload.max)}; first analysis ${f0(k.offloadFirst)} ms)`,
    `    the same edits again, code compiled (as in the running extension): p50 ${f0(k.offloadWarm.p50)} ms, p95 ${f0(k.offloadWarm.p95)} ms (max ${f0(k.offloadWarm.max)})`,
    `    yaml parseAllDocuments of the whole file, for scale: p50 ${f0(k.yamlReparse.p50)} ms, p95 ${f0(k.yamlReparse.p95)} ms`,
    `(e) yaml-language-server ${k.yls.version} doValidation, no schemas: p50 ${f0(k.yls.p50)} ms, p95 ${f0(k.yls.p95)} ms (max ${f0(k.yls.max)})`,
    `    ratio (d)/(e): p50 ${(k.offload.p50 / k.yls.p50).toFixed(3)}, p95 ${(k.offload.p95 / k.yls.p95).toFixed(3)}`,
    `    peak RSS of that run: ${f0(k.peakRssMb)} MB`,
    `(g) activation: require(dist/extension.js) ${f0(a.requireMs)} ms + activate() ${f0(a.activateMs)} ms = ${f0(a.totalMs)} ms; bundle ${(a.bundleBytes / 1024).toFixed(0)} KiB (+ ${((a.lazyBytes ?? 0) / 1024).toFixed(0)} KiB engine loaded on first use${a.engineLoaded ? ', loaded during activation' : ''}); ${a.subscriptions} subscriptions${a.error ? `; activate threw: ${a.error}` : ''}`,
    '',
    `Node ${results.node}, ${results.cpus} CPUs, load average ${results.loadavg.map((x) => x.toFixed(1)).join(' ')} before, ${results.loadavgAfter.map((x) => x.toFixed(1)).join(' ')} after; ${results.totalSeconds.toFixed(0)} s in all.`,
  ].join('\n');
  const text = `${table}\n${extra}\n`;
  process.stdout.write(text);
  results.table = text;
  fs.writeFileSync(path.join(HERE, 'results.json'), JSON.stringify(results, null, 2) + '\n');
}

await main();
