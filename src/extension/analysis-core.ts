/**
 * The workspace model the analysis runs on: an incremental engine session (path →
 * text, re-checking only what an edit touched) and its parse cache. The same code runs
 * in the analysis worker thread (analysis-worker.ts) and, where a worker cannot start,
 * in the extension host itself (analyzer.ts). Pure: no vscode, no worker_threads, no
 * file system.
 */
import { ChunkCache, createSession } from '../engine';
import type { AnalysisResult, AnalysisSession, Finding, SessionSettings, Workload } from '../engine';
import { warmCache } from '../engine/host-api';
import type { AnalyzeRequest, FileChange, FilePart, PrimeRequest, ResultDelta, WorkerReply, WorkerRequest } from './analysis-protocol';

export type { AnalyzeRequest, FileChange, FilePart, PrimeRequest, ResultDelta, WorkerReply, WorkerRequest } from './analysis-protocol';
export { ResultAssembler } from './analysis-protocol';

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
