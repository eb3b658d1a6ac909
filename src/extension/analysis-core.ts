/**
 * The workspace model the analysis runs on: an incremental engine session (path →
 * text, re-checking only what an edit touched) and its parse cache. The same code runs
 * in the analysis worker thread (analysis-worker.ts) and, where a worker cannot start,
 * in the extension host itself (analyzer.ts). Pure: no vscode, no worker_threads, no
 * file system.
 */
import { ChunkCache, createSession } from '../engine';
import type { AnalysisResult, AnalysisSession, Finding, SessionSettings, UserOptions, Workload } from '../engine';
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
  /** The session's parse cache, bounded as the session's own would be; scans warm it. */
  private readonly cache = new ChunkCache(50_000, 2_000_000);
  private readonly session: AnalysisSession = createSession({ today: '1970-01-01', cache: this.cache });
  private settingsKey = '';
  /** What the receiver holds, per file. */
  private sentParts = new Map<string, SentPart>();
  private needsFull = true;

  get size(): number {
    return this.session.size;
  }

  apply(changes: readonly FileChange[]): void {
    for (const c of changes) {
      if (c.text === null) this.session.remove(c.path);
      else this.session.update(c.path, c.text);
    }
  }

  prime(req: PrimeRequest): void {
    this.apply(req.changes);
    // Parse now, while the host is still reading files: the first result finds the parses cached.
    for (const c of req.changes) if (c.text !== null) warmCache({ path: c.path, text: c.text }, this.cache, req.maxFileSizeBytes);
  }

  analyze(req: AnalyzeRequest): WorkerReply {
    const started = performance.now();
    try {
      this.apply(req.changes);
      const settings: SessionSettings = { today: req.today, options: req.options, configText: req.configText, configPath: req.configPath };
      // setOptions invalidates what depends on settings, so only call it on a change.
      const key = JSON.stringify(settings);
      if (key !== this.settingsKey) {
        this.session.setOptions(settings);
        this.settingsKey = key;
      }
      const result = this.session.result();
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
    const next = new Map<string, SentPart>();
    for (const [file, p] of byFile) {
      const prev = this.sentParts.get(file);
      // The session hands back the same objects for a file it did not redo: then the
      // part is unchanged without serialising it.
      const same = prev && sameItems(prev.findings, p.findings) && sameItems(prev.workloads, p.workloads);
      const json = same ? prev.json : JSON.stringify(p);
      next.set(file, { ...p, json });
      if (full || !prev || prev.json !== json) changed.push({ file, ...p, signature: hash(json) });
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

interface SentPart {
  findings: Finding[];
  workloads: Workload[];
  json: string;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
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
