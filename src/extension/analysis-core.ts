/**
 * The workspace model the analysis runs on: path → text plus one shared parse cache.
 * The same code runs in the analysis worker thread (analysis-worker.ts) and, where a
 * worker cannot start, in the extension host itself (analyzer.ts). Pure: no vscode,
 * no worker_threads, no file system.
 */
import { ChunkCache, analyze } from '../engine';
import type { AnalysisResult, Finding, UserOptions, Workload } from '../engine';
import { warmCache } from '../engine/host-api';

/** A file's new text, or null when it is gone. Paths are workspace-relative. */
export interface FileChange {
  path: string;
  text: string | null;
}

export interface AnalyzeRequest {
  type: 'analyze';
  id: number;
  changes: FileChange[];
  options: UserOptions;
  configText?: string;
  configPath?: string;
  today: string;
}

/** Texts sent ahead of an analysis (during a scan), so parsing overlaps with reading. */
export interface PrimeRequest {
  type: 'prime';
  changes: FileChange[];
  maxFileSizeBytes: number;
}

export type WorkerRequest = AnalyzeRequest | PrimeRequest;

/** One file's share of a result: what the extension publishes for it. */
export interface FilePart {
  file: string;
  findings: Finding[];
  workloads: Workload[];
  /** Changes whenever the findings or workloads of the file change. */
  signature: string;
}

/**
 * A result as the difference from the previous one, so a re-analysis after one
 * keystroke in a large workspace moves one file's findings, not megabytes of JSON.
 */
export interface ResultDelta {
  /** The result without its per-file arrays. */
  head: Omit<AnalysisResult, 'findings' | 'workloads'>;
  /** Files whose findings or workloads changed (all of them when `full`). */
  changed: FilePart[];
  /** Files that have no findings and no workloads any more. */
  removed: string[];
  /** The receiver must drop what it has and take `changed` as everything. */
  full: boolean;
}

export type WorkerReply =
  | { type: 'result'; id: number; delta: ResultDelta; ms: number }
  | { type: 'error'; id: number; message: string };

/** Rebuilds whole results from deltas, on the receiving side. */
export class ResultAssembler {
  private parts = new Map<string, FilePart>();

  apply(delta: ResultDelta): AnalysisResult {
    if (delta.full) this.parts = new Map();
    for (const f of delta.removed) this.parts.delete(f);
    for (const p of delta.changed) this.parts.set(p.file, p);
    // The engine sorts findings by file first and reads files in path order, so
    // concatenating the parts in path order gives its own order back.
    const files = [...this.parts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const findings: Finding[] = [];
    const workloads: Workload[] = [];
    for (const f of files) {
      const p = this.parts.get(f)!;
      for (const x of p.findings) findings.push(x);
      for (const w of p.workloads) workloads.push(w);
    }
    return { ...delta.head, findings, workloads };
  }

  /** The signature of a file's part, for "did this file's diagnostics change". */
  signature(file: string): string {
    return this.parts.get(file)?.signature ?? '';
  }
}

export class AnalysisCore {
  private readonly files = new Map<string, string>();
  private readonly cache = new ChunkCache();
  /** What the receiver holds: file → signature of its part. */
  private sentParts = new Map<string, string>();
  private needsFull = true;

  get size(): number {
    return this.files.size;
  }

  apply(changes: readonly FileChange[]): void {
    for (const c of changes) {
      if (c.text === null) this.files.delete(c.path);
      else this.files.set(c.path, c.text);
    }
  }

  prime(req: PrimeRequest): void {
    this.apply(req.changes);
    for (const c of req.changes) if (c.text !== null) warmCache({ path: c.path, text: c.text }, this.cache, req.maxFileSizeBytes);
  }

  analyze(req: AnalyzeRequest): WorkerReply {
    const started = performance.now();
    try {
      this.apply(req.changes);
      const files = [...this.files].map(([path, text]) => ({ path, text })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      const result = analyze(files, { options: req.options, configText: req.configText, configPath: req.configPath, today: req.today, cache: this.cache });
      return { type: 'result', id: req.id, delta: this.diff(result), ms: performance.now() - started };
    } catch (err) {
      return { type: 'error', id: req.id, message: (err as Error)?.stack ?? String(err) };
    }
  }

  /** The next delta against what was sent before; every later delta builds on it. */
  private diff(result: AnalysisResult): ResultDelta {
    const byFile = new Map<string, { findings: Finding[]; workloads: Workload[] }>();
    const part = (file: string) => byFile.get(file) ?? byFile.set(file, { findings: [], workloads: [] }).get(file)!;
    for (const f of result.findings) part(f.file).findings.push(f);
    for (const w of result.workloads) part(w.file).workloads.push(w);
    const full = this.needsFull;
    const changed: FilePart[] = [];
    const next = new Map<string, string>();
    for (const [file, p] of byFile) {
      const signature = JSON.stringify(p);
      next.set(file, signature);
      if (full || this.sentParts.get(file) !== signature) changed.push({ file, ...p, signature: hash(signature) });
    }
    const removed = full ? [] : [...this.sentParts.keys()].filter((f) => !next.has(f));
    this.sentParts = next;
    this.needsFull = false;
    const { findings: _f, workloads: _w, ...head } = result;
    return { head, changed, removed, full };
  }

  handle(req: WorkerRequest): WorkerReply | undefined {
    if (req.type === 'prime') {
      this.prime(req);
      return undefined;
    }
    return this.analyze(req);
  }
}

/** FNV-1a, 32 bit, as hex: a short stand-in for a long signature. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16) + ':' + s.length;
}
