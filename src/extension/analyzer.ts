/**
 * Runs analyses off the extension host's thread when it can. `createAnalyzer()`
 * starts dist/analysis-worker.js in a worker thread; when that file is missing or the
 * worker dies, analysis falls back to the extension host (the same AnalysisCore),
 * after re-sending every file. No vscode import, so it is unit-tested in Node.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AnalysisResult } from '../engine';
import type { AnalysisCore } from './analysis-core';
import { ResultAssembler } from './analysis-protocol';
import type { AnalyzeRequest, FileChange, WorkerReply } from './analysis-protocol';
import { engineApi } from './lazy';

export type AnalyzeInput = Omit<AnalyzeRequest, 'type' | 'id'>;

export interface AnalyzeOutput {
  result: AnalysisResult;
  ms: number;
  /** Files whose findings or workloads changed since the previous result. */
  changedFiles: string[];
  /** Signature of a file's findings and workloads, to tell whether it changed. */
  signature: (file: string) => string;
}

export interface Analyzer {
  readonly kind: 'worker' | 'in-process';
  /** Sends texts ahead of an analysis; parsing may start at once. */
  prime(changes: FileChange[], maxFileSizeBytes: number): void;
  analyze(input: AnalyzeInput): Promise<AnalyzeOutput>;
  /** Set when the analyzer lost its files (worker crash): the next analysis must send every file. */
  readonly needsFullResend: boolean;
  dispose(): void;
}

/** Turns worker replies back into whole results. */
function receive(assembler: ResultAssembler, reply: WorkerReply): AnalyzeOutput {
  if (reply.type === 'error') throw new Error(reply.message);
  const result = assembler.apply(reply.delta);
  const changedFiles = [...reply.delta.changed.map((p) => p.file), ...reply.delta.removed];
  return { result, ms: reply.ms, changedFiles, signature: (f) => assembler.signature(f) };
}

export class InProcessAnalyzer implements Analyzer {
  readonly kind = 'in-process' as const;
  /** The engine loads here only when analyses run in the extension host (no worker). */
  private readonly core: AnalysisCore = new (engineApi().AnalysisCore)();
  private readonly assembler = new ResultAssembler();
  needsFullResend = false;

  prime(changes: FileChange[], maxFileSizeBytes: number): void {
    this.core.prime({ type: 'prime', changes, maxFileSizeBytes });
  }

  analyze(input: AnalyzeInput): Promise<AnalyzeOutput> {
    try {
      return Promise.resolve(receive(this.assembler, this.core.analyze({ ...input, type: 'analyze', id: 0 })));
    } catch (err) {
      return Promise.reject(err);
    }
  }

  dispose(): void {}
}

export class WorkerAnalyzer implements Analyzer {
  readonly kind = 'worker' as const;
  private worker: Worker | undefined;
  private fallback: InProcessAnalyzer | undefined;
  private nextId = 1;
  private readonly assembler = new ResultAssembler();
  private readonly pending = new Map<number, { resolve: (r: AnalyzeOutput) => void; reject: (e: Error) => void }>();
  needsFullResend = false;

  constructor(
    script: string,
    private readonly onLog: (message: string) => void = () => undefined,
  ) {
    this.worker = new Worker(script, { name: 'offload-analysis' });
    this.worker.on('message', (reply: WorkerReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      try {
        p.resolve(receive(this.assembler, reply));
      } catch (err) {
        p.reject(err as Error);
      }
    });
    const fail = (why: string) => {
      if (!this.worker) return;
      this.onLog(`Analysis worker stopped (${why}); analysing in the extension host from now on`);
      this.worker = undefined;
      this.fallback = new InProcessAnalyzer();
      this.needsFullResend = true;
      for (const [, p] of this.pending) p.reject(new Error(`analysis worker stopped: ${why}`));
      this.pending.clear();
    };
    this.worker.on('error', (err) => fail(err.message));
    this.worker.on('exit', (code) => fail(`exit code ${code}`));
  }

  /** Where analyses run now: the worker, or the extension host after a crash. */
  get running(): 'worker' | 'in-process' {
    return this.worker ? 'worker' : 'in-process';
  }

  prime(changes: FileChange[], maxFileSizeBytes: number): void {
    if (this.fallback) return this.fallback.prime(changes, maxFileSizeBytes);
    this.worker?.postMessage({ type: 'prime', changes, maxFileSizeBytes });
  }

  analyze(input: AnalyzeInput): Promise<AnalyzeOutput> {
    if (this.fallback || !this.worker) {
      this.needsFullResend = false;
      return (this.fallback ??= new InProcessAnalyzer()).analyze(input);
    }
    const id = this.nextId++;
    const worker = this.worker;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...input, type: 'analyze', id } satisfies AnalyzeRequest);
    });
  }

  dispose(): void {
    const w = this.worker;
    this.worker = undefined;
    for (const [, p] of this.pending) p.reject(new Error('disposed'));
    this.pending.clear();
    void w?.terminate();
  }
}

/** A worker analyzer when `dir` holds the worker script, else the in-process one. */
export function createAnalyzer(dir: string, onLog: (message: string) => void): Analyzer {
  const script = path.join(dir, 'analysis-worker.js');
  if (fs.existsSync(script)) {
    try {
      return new WorkerAnalyzer(script, onLog);
    } catch (err) {
      onLog(`Could not start the analysis worker: ${(err as Error)?.message ?? String(err)}`);
    }
  } else {
    onLog(`No ${script}; analysing in the extension host`);
  }
  return new InProcessAnalyzer();
}
