/**
 * A cold scan on several cores. The main thread has read the files; each worker
 * thread analyses a share of them and hands back each file's part of the result as
 * plain data, and the main thread puts the result together: the cross-file pass (the
 * eksctl clusters, the indexed objects, the index rules) and the assembly.
 *
 * Every worker is also given the files that can feed the workspace index (those with
 * an index needle, a few percent of the text), in the workspace's order, so its
 * index, and the target version taken from it, are the whole workspace's: a part
 * made in a worker is the part the main thread would have made.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AnalyzeOptions } from '../engine/analyze';
import { Engine } from '../engine/session';
import type { FilePart } from '../engine/session';
import { INDEX_NEEDLES } from '../engine/workspace-index';
import type { AnalysisResult, InputFile } from '../engine/types';

/** Below this, starting threads costs more than it saves. */
export const PARALLEL_MIN_FILES = 400;
export const PARALLEL_MIN_CHARS = 2_000_000;

/** What a worker is sent. */
export interface WorkerTask {
  /** The share to analyse and the index-only files, in workspace order. */
  files: { path: string; text: string; own: boolean }[];
  options: Omit<AnalyzeOptions, 'cache' | 'rules'>;
}

export type WorkerMessage = { type: 'parts'; parts: FilePart[] } | { type: 'error'; message: string };

/** How many threads: `auto` uses the cores when the workspace is large enough to pay for them. */
export function jobsFor(setting: string | undefined, files: readonly InputFile[]): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  if (setting !== undefined && setting !== 'auto') return Math.max(1, Math.min(64, Number(setting) || 1));
  const chars = files.reduce((n, f) => n + f.text.length, 0);
  if (files.length < PARALLEL_MIN_FILES && chars < PARALLEL_MIN_CHARS) return 1;
  return Math.max(1, Math.min(cores, 8));
}

function hasNeedle(text: string): boolean {
  return INDEX_NEEDLES.some((n) => text.includes(n));
}

/**
 * Splits the files into `jobs` shares of about equal text, keeping each share's
 * files in workspace order (long runs of neighbours stay together).
 */
export function shares(files: readonly InputFile[], jobs: number): number[][] {
  const total = files.reduce((n, f) => n + f.text.length + 200, 0);
  const out: number[][] = Array.from({ length: jobs }, () => []);
  let acc = 0;
  for (let i = 0; i < files.length; i++) {
    const k = Math.min(jobs - 1, Math.floor((acc / total) * jobs));
    out[k].push(i);
    acc += files[i].text.length + 200;
  }
  return out;
}

/**
 * `analyze()` on `jobs` worker threads: the same result. The worker script is
 * `parallel-worker.js` next to this module (dist/ when bundled, out/ under tsc).
 */
export async function analyzeParallel(files: readonly InputFile[], opts: Omit<AnalyzeOptions, 'cache' | 'rules'>, jobs: number, script = path.join(__dirname, 'parallel-worker.js')): Promise<AnalysisResult> {
  const needle = files.map((f) => hasNeedle(f.text));
  const groups = shares(files, jobs).filter((g) => g.length);
  const results = await Promise.all(
    groups.map(
      (g) =>
        new Promise<FilePart[]>((resolve, reject) => {
          const own = new Set(g);
          const task: WorkerTask = {
            files: files.flatMap((f, i): WorkerTask['files'] => (own.has(i) || needle[i] ? [{ path: f.path, text: f.text, own: own.has(i) }] : [])),
            options: opts,
          };
          const w = new Worker(script, { workerData: task, name: 'offload-scan' });
          const parts: FilePart[] = [];
          w.on('message', (m: WorkerMessage) => {
            if (m.type === 'parts') for (const p of m.parts) parts.push(p);
            else reject(new Error(m.message));
          });
          w.on('error', reject);
          w.on('exit', (code) => (code === 0 ? resolve(parts) : reject(new Error(`scan worker exited with code ${code}`))));
        }),
    ),
  );
  // The main thread's own pass: the index (needle files only), the index rules, the assembly.
  const engine = new Engine({ today: opts.today, options: opts.options, configText: opts.configText, configPath: opts.configPath }, { order: 'input', keepDocuments: 0 });
  for (const f of files) engine.update(f.path, f.text);
  for (const parts of results) engine.adopt(parts);
  return engine.result();
}
