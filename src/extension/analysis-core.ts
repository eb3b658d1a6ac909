/**
 * The workspace model the analysis runs on: path → text plus one shared parse cache.
 * The same code runs in the analysis worker thread (analysis-worker.ts) and, where a
 * worker cannot start, in the extension host itself (analyzer.ts). Pure: no vscode,
 * no worker_threads, no file system.
 */
import { ChunkCache, analyze } from '../engine';
import type { AnalysisResult, UserOptions } from '../engine';
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

export type WorkerReply =
  | { type: 'result'; id: number; result: AnalysisResult; ms: number }
  | { type: 'error'; id: number; message: string };

export class AnalysisCore {
  private readonly files = new Map<string, string>();
  private readonly cache = new ChunkCache();

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
      return { type: 'result', id: req.id, result, ms: performance.now() - started };
    } catch (err) {
      return { type: 'error', id: req.id, message: (err as Error)?.stack ?? String(err) };
    }
  }

  handle(req: WorkerRequest): WorkerReply | undefined {
    if (req.type === 'prime') {
      this.prime(req);
      return undefined;
    }
    return this.analyze(req);
  }
}
