/**
 * What the extension host and the analysis worker say to each other, and the
 * host-side assembly of results from deltas. No engine code, only its types: the
 * extension host loads this at activation, and the engine only when it needs it.
 */
import type { AnalysisResult, Finding, UserOptions, Workload } from '../engine';

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
