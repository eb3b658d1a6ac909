/**
 * A cold scan on several cores. The main thread has read the files (its own pass
 * needs them all); `jobs - 1` worker threads and the main thread each analyse a
 * share, and the main thread then puts the result together: the cross-file pass (the
 * eksctl clusters, the indexed objects, the index rules) and the assembly.
 *
 * What crosses threads is kept small: a worker is sent paths, not texts, and reads
 * its own files (and the index files, below) from disk; it sends each file's part
 * back in batches as soon as the batch is made, so the main thread takes them in
 * while everyone works and no worker holds more than a batch of parts.
 *
 * Every share is analysed with the files that can feed the workspace index (those
 * with an index needle), in the workspace's order, so its index, and the target
 * version taken from it, are the whole workspace's: a part made in a worker is the
 * part the main thread would have made.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AnalyzeOptions } from '../engine/analyze';
import { Engine } from '../engine/session';
import type { FilePart } from '../engine/session';
import { INDEX_NEEDLES } from '../engine/workspace-index';
import type { AnalysisResult, InputFile } from '../engine/types';

/**
 * Below this, starting threads costs more than it saves. Measured with the fast YAML
 * reader on 2 cores (npm run bench): 1,000 files (8 MB) took 2.0 s on one thread and
 * 2.9 s on two; 10,000 files (69 MB) 16.5 s and 15.9 s.
 */
export const PARALLEL_MIN_FILES = 5000;
export const PARALLEL_MIN_CHARS = 40_000_000;

/** Files per batch of parts: a batch is made, then handed over. */
export const BATCH = 200;

/**
 * The main thread's share, relative to a worker's: it also takes in the workers'
 * parts while it analyses, and does the whole cross-file pass after everyone is done.
 */
export const MAIN_WEIGHT = 0.95;

export type ScanOptions = Omit<AnalyzeOptions, 'cache' | 'rules'>;

/** What a worker is sent: paths, never texts. */
export interface WorkerTask {
  /** Paths are relative to this folder. */
  cwd: string;
  /** Every file of the workspace, in workspace order. */
  paths: string[];
  /** The worker's share: `paths[from]` up to, not including, `paths[to]`. */
  from: number;
  to: number;
  /** Indexes, outside the share, of the files with an index needle (ascending). */
  index: number[];
  options: ScanOptions;
}

export type WorkerMessage = { type: 'parts'; parts: FilePart[] } | { type: 'error'; message: string };

/** The CPU cores this process may use. */
export function cores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/** How many threads (the main thread included): `auto` uses the cores when the workspace is large enough to pay for them. */
export function jobsFor(setting: string | undefined, files: readonly InputFile[]): number {
  if (setting !== undefined && setting !== 'auto') return Math.max(1, Math.min(64, Number(setting) || 1));
  const chars = files.reduce((n, f) => n + f.text.length, 0);
  if (files.length < PARALLEL_MIN_FILES && chars < PARALLEL_MIN_CHARS) return 1;
  return Math.max(1, Math.min(cores(), 8));
}

export function hasNeedle(text: string): boolean {
  return INDEX_NEEDLES.some((n) => text.includes(n));
}

/** A file as the CLI reads it: invalid UTF-8 decodes to U+FFFD, which the engine reports as "not valid UTF-8". */
export function readText(abs: string): string {
  return fs.readFileSync(abs).toString('utf8');
}

/**
 * Splits the files into `jobs` contiguous shares of about equal text (share k weighted
 * by `weights[k]`, default 1), keeping each share's files in workspace order.
 */
export function shares(files: readonly InputFile[], jobs: number, weights?: readonly number[]): number[][] {
  const w = Array.from({ length: jobs }, (_, k) => weights?.[k] ?? 1);
  const wTotal = w.reduce((a, b) => a + b, 0);
  // Share k ends where the cumulative text reaches its cumulative weight.
  const ends: number[] = [];
  let cw = 0;
  for (const x of w) ends.push((cw += x) / wTotal);
  const total = files.reduce((n, f) => n + f.text.length + 200, 0);
  const out: number[][] = Array.from({ length: jobs }, () => []);
  let acc = 0;
  let k = 0;
  for (let i = 0; i < files.length; i++) {
    const mid = (acc + (files[i].text.length + 200) / 2) / total;
    while (k < jobs - 1 && mid > ends[k]) k++;
    out[k].push(i);
    acc += files[i].text.length + 200;
  }
  return out;
}

/** An engine for one share (what a worker runs): the share's files and the index files, in workspace order. */
export function shareEngine(options: ScanOptions): Engine {
  return new Engine({ today: options.today, options: options.options, configText: options.configText, configPath: options.configPath }, { order: 'input', keepDocuments: 0 });
}

/**
 * `analyze()` on `jobs` threads, the main thread included: the same result. The files
 * are the texts the main thread read from `cwd`; the workers read their shares from
 * there too. The worker script is `parallel-worker.js` next to this module (dist/ when
 * bundled, out/ under tsc).
 */
export async function analyzeParallel(
  files: readonly InputFile[],
  opts: ScanOptions,
  jobs: number,
  cwd: string,
  { script = path.join(__dirname, 'parallel-worker.js'), warn = () => undefined }: { script?: string; warn?: (message: string) => void } = {},
): Promise<AnalysisResult> {
  const trace = process.env.OFFLOAD_TRACE ? tracer() : undefined;
  const needle = files.map((f) => hasNeedle(f.text));
  const groups = shares(files, jobs, [MAIN_WEIGHT]);
  const paths = files.map((f) => f.path);
  const workerParts: FilePart[][] = [];
  // The workers start first: loading their bundle overlaps the main thread's share.
  const workers = groups.slice(1).filter((g) => g.length).map((g) => {
    const from = g[0];
    const to = g[g.length - 1] + 1;
    const task: WorkerTask = { cwd, paths, from, to, index: needle.flatMap((n, i) => (n && (i < from || i >= to) ? [i] : [])), options: opts };
    return new Promise<void>((resolve, reject) => {
      const w = new Worker(script, { workerData: task, name: 'offload-scan' });
      w.on('message', (m: WorkerMessage) => {
        if (m.type === 'parts') {
          workerParts.push(m.parts);
          trace?.(`parts from worker ${from}: ${m.parts.length}`);
        } else reject(new Error(m.message));
      });
      w.on('error', reject);
      w.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`scan worker exited with code ${code}`))));
    }).catch((e: unknown) => {
      // The parts it sent are whole; the main thread analyses the rest of its share.
      warn(`a scan thread failed (${(e as Error)?.message ?? String(e)}); its files are analysed on the main thread`);
    });
  });
  trace?.(`${workers.length} worker(s) started; ${needle.filter(Boolean).length} index files`);

  // The main thread's share, in batches, letting the workers' parts in between.
  const mine = groups[0];
  const own = new Set(mine);
  const a = shareEngine(opts);
  for (let i = 0; i < files.length; i++) {
    if (own.has(i)) a.update(files[i].path, files[i].text);
    else if (needle[i]) a.updateIndexOnly(files[i].path, files[i].text);
  }
  const mainParts: FilePart[][] = [];
  for (let i = 0; i < mine.length; i += BATCH) {
    mainParts.push(a.parts(mine.slice(i, i + BATCH).map((k) => files[k].path)));
    await new Promise<void>((r) => setImmediate(r));
  }
  trace?.('main share done');
  await Promise.all(workers);
  trace?.('workers done');

  // The cross-file pass: the index (needle files only), the index rules, the assembly.
  // A file without a part (its worker failed, or could not read it) is analysed here.
  const engine = shareEngine(opts);
  for (const f of files) engine.update(f.path, f.text);
  for (const parts of mainParts) engine.adopt(parts);
  for (const parts of workerParts) engine.adopt(parts);
  const result = engine.result();
  trace?.('result');
  return result;
}

/** With OFFLOAD_TRACE set, phase timings and memory on standard error (for profiling the CLI). */
export function tracer(): (m: string) => void {
  const t0 = performance.now();
  const mb = (n: number) => (n / 1048576).toFixed(0);
  return (m) => {
    const u = process.memoryUsage();
    process.stderr.write(`[offload ${(performance.now() - t0).toFixed(0)} ms, rss ${mb(u.rss)} MB, heap ${mb(u.heapUsed)} MB, peak rss ${mb(process.resourceUsage().maxRSS * 1024)} MB] ${m}\n`);
  };
}
