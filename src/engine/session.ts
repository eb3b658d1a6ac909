/**
 * Incremental analysis. A session holds a workspace (path → text) and answers
 * `result()` with exactly what `analyze()` returns for the same files, redoing only
 * what changed since the last result:
 *
 * - A file is split into YAML documents without parsing (a line scan). Each document
 *   keeps what was learnt from it, by its text: its parse (in the ChunkCache), its
 *   facts (format, workloads, placements, suppressing annotations) and the findings of
 *   its document rules, as offsets relative to its start. An edit re-parses and
 *   re-checks only the documents it touched; the others are re-placed at their new
 *   offsets, and positions are made through the file's LineIndex.
 * - Cross-file facts live in a small index: the eksctl clusters (which also decide the
 *   target version), the Kubernetes objects of the indexed kinds, every pod's
 *   placement. Workspace rules run per document and record what they read from the
 *   index; a document is re-checked when, and only when, that changes. Index rules
 *   (the ones that aggregate over every pod) run once, again only when what they read
 *   changed.
 * - Each file's part of the result (findings, workloads with their fit) is kept as the
 *   plain data the result is made of, so an unchanged file costs a few pointer copies.
 *   In an edited file, a document whose runs did not change keeps its converted
 *   findings and facts (shifted by whole lines when lines above it came or went, see
 *   incremental/shift.ts), and a workload whose findings are the same objects keeps
 *   its fit.
 * - After an edit only the changed files and the files whose runs read a changed part
 *   of the index are looked at (`dependents`), and the result is the previous one
 *   with those files' segments replaced (incremental/segments.ts).
 * - Findings, facts and workloads are stored compact (incremental/compact.ts): flat,
 *   shared strings that do not keep file texts alive, shared ranges and estimates.
 *
 * Parses are not kept for the whole workspace (a parsed document is about 25 bytes per
 * character of YAML): only the ChunkCache's bounded share, the documents of indexed
 * objects and clusters, and the document facts of recently edited files.
 *
 * Pure like the rest of the engine: no I/O, no clock, no workers.
 */
import type { AnalysisResult, FileSummary, Finding, FormatId, Severity, Workload } from './types';
import type { ChunkSpan, FileModel, PreparedFile } from './load';
import { ChunkCache, detect, prepareFile, yamlSummary } from './load';
import type { LineIndex } from './source/line-index';
import { str } from './source/source-node';
import type { SourceNode } from './source/source-node';
import { nodeSpan } from './source/node-span';
import type { ClusterView, ParsedDocument, WorkloadView } from './views';
import { kubernetesObjects, kubernetesWorkload } from './formats/kubernetes';
import { ecsWorkload, taskDefinitionNode } from './formats/ecs-task-definition';
import { composeWorkloads } from './formats/compose';
import { eksctlCluster } from './formats/eksctl';
import type { KubernetesObjectRef, PodRef, WorkspaceIndex } from './workspace-index';
import { INDEX_NEEDLES, INDEXED_KINDS } from './workspace-index';
import type { ResolvedOptions, UserOptions } from './config';
import { parseConfig, resolveOptions } from './config';
import type { Rule } from './rules/define-rule';
import { rules as allRules } from './rules';
import { IGNORE_ANNOTATION, commentSuppressionsFor, parseAnnotation, suppresses } from './suppress';
import type { Suppression } from './suppress';
import type { WorkloadFacts } from './recommend/fit';
import { fitWorkload } from './recommend/fit';
import { estimateFargate } from './recommend/estimate';
import { recommendFromTotals, sumTallies, tallyWorkloads } from './recommend/workspace';
import type { WorkloadTally } from './recommend/workspace';
import { matchesAnyGlob } from './glob';
import { DATA_AS_OF } from './knowledge';
import { ENGINE_VERSION } from './version';
import type { RawFinding, RunScope } from './run-rules';
import { CONFIG_ERROR, INTERNAL_ERROR, PARSE_ERROR, runRule, toFinding } from './run-rules';
import { shiftFacts, shiftFinding, shiftable } from './incremental/shift';
import { Compactor } from './incremental/compact';
import { IndexState, NO_INDEX, samePods } from './incremental/index-state';
import { cmpStr, compareFindings, mergeSorted, sameList, spliceSegments, starts } from './incremental/segments';

export interface SessionOptions {
  /** ISO date of "today"; hosts pass the real date, tests pin it. */
  today: string;
  /** CLI flags or VS Code settings: the top layer. */
  options?: UserOptions;
  /** The text of `.offload.yaml`, when the workspace has one. */
  configText?: string;
  /** Path of the config file, for findings about it. */
  configPath?: string;
  /** Restrict to these rules (RuleTester). Fixed for the session's life. */
  rules?: readonly Rule[];
  /** Parse cache, to share with hovers and code actions. Default: a private one. */
  cache?: ChunkCache;
}

/** What `setOptions` can change; a key that is present replaces the session's value (`undefined` clears it). */
export type SessionSettings = Partial<Pick<SessionOptions, 'today' | 'options' | 'configText' | 'configPath'>>;

/**
 * An incremental analysis. `result()` deep-equals `analyze()` of the same files given
 * in path order, with the same options. Results are shared between calls where
 * nothing changed: treat them as read-only.
 */
export interface AnalysisSession {
  /** Adds a file or replaces its text. Cheap: the work happens in `result()`. */
  update(path: string, text: string): void;
  /** Forgets a file. */
  remove(path: string): void;
  /** Changes settings, `.offload.yaml` or the date; what they invalidate is redone on the next result. */
  setOptions(settings: SessionSettings): void;
  /** The analysis of the current files. Never throws for anything a user's files can contain. */
  result(): AnalysisResult;
  /** Number of files held. */
  readonly size: number;
  /** Whether the session holds this path. */
  has(path: string): boolean;
  /**
   * One file's findings and workloads in the last result (call `result()` first). The
   * arrays are the same objects from one result to the next for as long as the file's
   * part did not change, so `a.findings !== b.findings` tells a host which files to
   * republish. Undefined for a file without a part.
   */
  filePart(path: string): FileResultPart | undefined;
}

/** A file's share of a result. */
export interface FileResultPart {
  readonly findings: readonly Finding[];
  readonly workloads: readonly Workload[];
}

export function createSession(opts: SessionOptions): AnalysisSession {
  return new Engine(opts, { order: 'path', keepDocuments: 256 });
}

/**
 * How the engine holds files. `analyze()` runs it once in input order and keeps no
 * per-document state; sessions run it in path order and keep the documents of the
 * most recently changed files.
 */
export interface EngineMode {
  order: 'path' | 'input';
  /** How many files keep their per-document facts and findings between results. */
  keepDocuments: number;
}

/**
 * Default bound of a session's private parse cache, in characters of YAML (about 25
 * bytes each once parsed, so about 10 MB): enough for the files being edited, whose
 * untouched documents then need no parse; the rest of the workspace is held as facts
 * and findings, not parses.
 */
const SESSION_CACHE_CHARS = 400_000;

// ---------------------------------------------------------------------------
// Per-document and per-file state

/** A workload as the document holds it: facts whose anchor is relative to the document's start. */
interface WorkloadFact {
  facts: Omit<WorkloadFacts, 'range'>;
  /** The anchor span, relative to the document's start. */
  anchor: [number, number];
}

interface Annotation {
  start: number;
  end: number;
  rules: Suppression[];
}

/** What one document (one chunk of a YAML stream, or a whole JSON file) yields. */
interface DocUnit {
  /** Identity: the chunk text as written, its index, and the file-level flags it was read with. */
  raw: string;
  docIndex: number;
  templated: boolean;
  crlf: boolean;
  empty: boolean;
  /** Syntax errors, relative to the document's start. */
  errors: { message: string; start: number; end: number }[];
  /** The text has an index needle (see INDEX_NEEDLES). */
  needle: boolean;
  format?: FormatId;
  workloads: WorkloadFact[];
  pods: Omit<PodRef, 'file'>[];
  /** `offload.dev/ignore` annotations, relative to the document's start. */
  annotations: Annotation[];
  /** The parsed document placed at `placedAt`, while the file is being analysed (and always for index documents). */
  doc?: ParsedDocument;
  /** The views of `doc`, while it is held. */
  views?: DocViews;
  /** The line of the chunk's start when its index entries were made. */
  entriesLine?: number;
  /** Index entries, placed at `placedAt` (absolute offsets). */
  placedAt: number;
  clusters: ClusterView[];
  objects: KubernetesObjectRef[];
  /** Findings of document rules, for one options key. */
  docRun?: { key: string; findings: RawFinding[] };
  /** Findings of workspace rules, for one options key and what they read from the index. */
  wsRun?: {
    key: string;
    deps: Map<string, number>;
    findings: RawFinding[];
    /** Every finding lies inside the document: where index entries are does not matter to it. */
    local: boolean;
  };
  /** The document's share of its file's output as last made (sessions only). */
  placed?: PlacedDoc;
}

/**
 * A document's converted share of its file's output, made from the runs it names at
 * `line` (the chunk's first line). Reused while the runs are the same objects: as it
 * is when the line is the same, shifted when only the line moved (see incremental/shift.ts).
 */
interface PlacedDoc {
  docRun: DocUnit['docRun'];
  wsRun: DocUnit['wsRun'];
  base: number;
  line: number;
  /** Every span is inside the chunk and relative to it: the positions move with the line. */
  shiftable: boolean;
  errors: Finding[];
  findings: Finding[];
  facts: WorkloadFacts[];
  pods: PodRef[];
  annotations: Annotation[];
}

/** A file's part of a result, as plain data (structured-cloneable): what a worker thread hands back. */
export interface FilePart {
  path: string;
  optionsKey: string;
  summary: FileSummary;
  findings: Finding[];
  workloads: Workload[];
  facts: WorkloadFacts[];
  formats: FormatId[];
  annotations: Annotation[];
  ignoreComments: boolean;
  pods: PodRef[];
}

interface FileOutput {
  summary: FileSummary;
  /** Sorted and suppressed; without the findings of index rules. */
  findings: Finding[];
  /** With fits from `findings`. */
  workloads: Workload[];
  facts: WorkloadFacts[];
  formats: Set<FormatId>;
  annotations: Annotation[];
  /** The text has suppression comments: findings from index rules need the line check. */
  ignoreComments: boolean;
  optionsKey: string;
  /** Index parts the file's workspace-rule runs read, with the stamp they saw. */
  deps: Map<string, number>;
  /** The index generation `deps` were last found current at. */
  checkedAt: number;
  /** What the workspace summary needs from `workloads`, and the findings by severity. */
  tally: WorkloadTally;
  severities: Record<Severity, number>;
}

interface FileState {
  path: string;
  text: string;
  /** Set when the text changed: the index contribution must be re-read. */
  stale: boolean;
  /** Units by document index, when kept. */
  units?: (DocUnit | undefined)[];
  /** The documents that hold index entries (clusters, indexed objects): always kept. */
  indexUnits: DocUnit[];
  /** The LineIndex, kept for files other files' findings point into. */
  lines?: LineIndex;
  out?: FileOutput;
  /** The index entries the file contributes (from `indexUnits`). */
  contribution: { clusters: ClusterView[]; objects: KubernetesObjectRef[] };
  /** The pods the file contributes to the index, as of its last analysis. */
  pods: PodRef[];
  /** The formats of its documents, as counted in the workspace's format counts. */
  formats: FormatId[];
  /** The split file, from the index pass to the analysis pass of one result. */
  prep?: PreparedFile;
  /** The output before the last edit (sessions): its arrays are reused where the new ones hold the same objects. */
  last?: FileOutput;
  /** The keys of `dependents` the file is filed under. */
  tracked?: string[];
  /** Fitted workloads by their facts (sessions, files with kept units): refitted only when a workload's findings change. */
  fits?: { key: string; map: Map<WorkloadFacts, { own: Finding[]; w: Workload }> };
}

function hasNeedle(text: string): boolean {
  for (const n of INDEX_NEEDLES) if (text.includes(n)) return true;
  return false;
}

// ---------------------------------------------------------------------------
// The engine

export class Engine implements AnalysisSession {
  private readonly files = new Map<string, FileState>();
  /** Files in result order; rebuilt when a file comes or goes. */
  private list: FileState[] = [];
  private listDirty = false;
  private readonly index = new IndexState(() => this.ordered());
  private readonly cache: ChunkCache;
  private readonly ruleSet: readonly Rule[];
  private readonly docRules: readonly Rule[];
  private readonly wsRules: readonly Rule[];
  private readonly indexRules: readonly Rule[];
  /** Files whose units are kept, least recently changed first. */
  private readonly keep = new Set<string>();
  private readonly indexOnly = new Set<string>();
  /** Files whose text changed since the last index pass. */
  private readonly staleFiles = new Set<FileState>();
  /** Findings and workloads are stored compact (see incremental/compact.ts). */
  private readonly compact = new Compactor();
  /** Files changed since the last analysis pass. */
  private readonly dirty = new Set<FileState>();
  /** The next analysis pass checks every file (see `refresh`). */
  private fullCheck = true;
  /** What the last analysis pass covered. */
  private checked: { files?: FileState[]; key: string } = { key: '' };
  /** Files by the index parts their runs read (sessions), so a change re-checks only them. */
  private readonly dependents = new Map<string, Set<FileState>>();
  /** Index entries of unchanged documents that moved in this index pass: the old ones and their new views. */
  private readonly moved = new Set<ClusterView | KubernetesObjectRef>();

  private settings: Required<Pick<SessionOptions, 'today'>> & SessionSettings;
  private settingsDirty = true;
  private config: ReturnType<typeof parseConfig> | undefined;
  private ignore: string[] = [];
  private maxBytes = 2 * 1024 * 1024;
  private options!: ResolvedOptions;
  private optionsKey = '';
  private indexRun: { key: string; deps: Map<string, number>; findings: Finding[]; byFile: Map<string, Finding[]> } | undefined;
  private configFindings: Finding[] = [];
  /** Files with documents of each format (index rules run only where theirs are). */
  private readonly formatCount = new Map<FormatId, number>();
  private last: AnalysisResult | undefined;
  /** Per file, what the last result holds for it (identity-stable while unchanged). */
  private partsByPath = new Map<string, FileResultPart>();
  /** How the last result was put together, to patch it after a small edit. */
  private asm: Assembly | undefined;
  private resultFiles: { from: FileState[]; ignore: string[]; indexOnly: number; files: FileState[] } | undefined;
  private changed = true;

  constructor(
    opts: SessionOptions,
    private readonly mode: EngineMode,
  ) {
    this.settings = { today: opts.today, options: opts.options, configText: opts.configText, configPath: opts.configPath };
    // A one-shot run parses each document once and holds it in its unit while needed.
    this.cache = opts.cache ?? (mode.keepDocuments > 0 ? new ChunkCache(50000, SESSION_CACHE_CHARS) : new ChunkCache(1, 0));
    this.ruleSet = opts.rules ?? allRules;
    this.docRules = this.ruleSet.filter((r) => r.meta.scope === 'document');
    this.wsRules = this.ruleSet.filter((r) => r.meta.scope === 'workspace');
    this.indexRules = this.ruleSet.filter((r) => r.meta.scope === 'index');
  }

  get size(): number {
    return this.files.size;
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  filePart(path: string): FileResultPart | undefined {
    return this.partsByPath.get(path);
  }

  update(path: string, text: string): void {
    const f = this.files.get(path);
    if (f) {
      if (f.text === text) return;
      f.text = text;
      f.stale = true;
      if (this.mode.keepDocuments > 0 && f.out) f.last = f.out;
      f.out = undefined;
      this.staleFiles.add(f);
      this.dirty.add(f);
    } else {
      const nf: FileState = { path, text, stale: true, indexUnits: [], contribution: { clusters: [], objects: [] }, pods: [], formats: [] };
      this.files.set(path, nf);
      this.staleFiles.add(nf);
      this.listDirty = true;
    }
    this.changed = true;
  }

  remove(path: string): void {
    const f = this.files.get(path);
    if (!f) return;
    this.files.delete(path);
    this.keep.delete(path);
    this.dirty.delete(f);
    f.out = undefined;
    this.track(f);
    this.indexOnly.delete(path);
    this.staleFiles.delete(f);
    this.listDirty = true;
    this.changed = true;
    this.setContribution(f, { clusters: [], objects: [] });
    this.setPods(f, []);
    this.setFormats(f, []);
  }

  /** Keeps the workspace's count of documents per format (index rules run where theirs are). */
  private setFormats(f: FileState, formats: FormatId[]): void {
    for (const x of f.formats) this.formatCount.set(x, (this.formatCount.get(x) ?? 0) - 1);
    for (const x of formats) this.formatCount.set(x, (this.formatCount.get(x) ?? 0) + 1);
    f.formats = formats;
  }

  private setPods(f: FileState, pods: PodRef[]): void {
    if (!samePods(f.pods, pods)) this.index.bump('pods');
    f.pods = pods;
  }

  /** The text rules see: without a byte order mark, so offsets match the LineIndex. */
  private textOf(path: string): string {
    const f = this.files.get(path);
    if (!f || !this.included(f)) return '';
    return f.text.charCodeAt(0) === 0xfeff ? f.text.slice(1) : f.text;
  }

  setOptions(s: SessionSettings): void {
    this.settings = { ...this.settings, ...s, today: s.today ?? this.settings.today };
    this.settingsDirty = true;
    this.changed = true;
  }

  /** Files in result order. */
  private ordered(): FileState[] {
    if (this.listDirty) {
      const all = [...this.files.values()];
      this.list = this.mode.order === 'path' ? all.sort((a, b) => cmpStr(a.path, b.path)) : all;
      this.listDirty = false;
      this.index.reorder();
    }
    return this.list;
  }

  private included(f: FileState): boolean {
    return !(this.ignore.length && matchesAnyGlob(f.path, this.ignore));
  }

  result(): AnalysisResult {
    if (!this.changed && this.last) return this.last;
    const { files, touched } = this.refresh();

    // Config problems.
    this.configFindings = [];
    const configPath = this.settings.configPath;
    if (this.config && configPath) {
      const text = this.settings.configText ?? '';
      const lines = prepareFile(configPath, text, Infinity).lines;
      for (const p of this.config.problems) {
        const s = p.start;
        this.configFindings.push({ ruleId: CONFIG_ERROR, severity: 'warning', message: p.message, file: configPath, range: lines.range(s, Math.max(s, p.end)), platforms: [], effect: 'advice' });
      }
    }

    // Index rules.
    this.runIndexRules(files, touched);

    this.last = this.assemble(files, touched);
    // What is stored is shared already; the table would only cost memory between results.
    this.compact.forgetStrings();
    this.changed = false;
    this.settingsDirty = false;
    return this.last;
  }

  /**
   * Brings every file's part up to date: settings, the index pass, the options, the
   * analysis pass. Returns the files of the result and those analysed now.
   */
  private refresh(only?: ReadonlySet<string>): { files: FileState[]; touched: Set<string> } {
    if (this.settingsDirty) {
      const { configText } = this.settings;
      this.config = configText !== undefined ? parseConfig(configText) : undefined;
      const ignore = [...(this.config?.options.ignore ?? []), ...(this.settings.options?.ignore ?? [])];
      const maxBytes = this.settings.options?.maxFileSizeBytes ?? this.config?.options.maxFileSizeBytes ?? 2 * 1024 * 1024;
      if (JSON.stringify(ignore) !== JSON.stringify(this.ignore) || maxBytes !== this.maxBytes) {
        // What is read changed: start over.
        this.ignore = ignore;
        this.maxBytes = maxBytes;
        for (const f of this.files.values()) {
          f.stale = true;
          f.out = undefined;
          f.units = undefined;
          this.staleFiles.add(f);
        }
        this.listDirty = true;
      }
    }
    const ordered = this.ordered();
    // The same array while the same files take part: the assembly patches results made for it.
    if (!this.resultFiles || this.resultFiles.from !== ordered || this.resultFiles.ignore !== this.ignore || this.resultFiles.indexOnly !== this.indexOnly.size) {
      this.resultFiles = { from: ordered, ignore: this.ignore, indexOnly: this.indexOnly.size, files: ordered.filter((f) => this.included(f) && !this.indexOnly.has(f.path)) };
    }
    const files = this.resultFiles.files;

    // Phase 0: the index. Only documents that can hold an indexed object or a cluster
    // are parsed here; everything else waits for phase 1.
    for (const f of this.staleFiles) {
      if (!f.stale) continue;
      if (this.included(f)) this.readIndexEntries(f);
      else {
        this.setContribution(f, { clusters: [], objects: [] });
        this.setPods(f, []);
        this.setFormats(f, []);
        f.out = undefined;
      }
    }
    this.moved.clear();

    // The options: settings over `.offload.yaml` over the first eksctl cluster.
    const clusters = this.index.clusters();
    const first = clusters[0];
    const options = resolveOptions(
      {
        option: this.settings.options,
        config: this.config?.options,
        eksctl: first ? { version: this.writtenVersion(first), region: str(first.region) } : undefined,
      },
      this.settings.today,
    );
    const optionsKey = JSON.stringify(options);
    if (optionsKey !== this.optionsKey) {
      this.options = options;
      this.optionsKey = optionsKey;
    }

    // Phase 1: every file without a current output, or whose workspace-rule runs read a
    // part of the index that changed since.
    const touched = new Set<string>();
    const bumped = this.index.takeBumped();
    // A session checks only the files that changed and those whose runs read a part of
    // the index that changed (see `track`), unless what every output depends on may have.
    const full = this.mode.keepDocuments === 0 || !!only || this.fullCheck || this.settingsDirty || files !== this.checked.files || this.optionsKey !== this.checked.key;
    let candidates: Iterable<FileState> = files;
    if (!full) {
      const set = new Set<FileState>(this.dirty);
      for (const k of bumped) {
        for (const f of this.dependents.get(k) ?? []) set.add(f);
        for (const f of this.dependents.get(`@${k}`) ?? []) set.add(f);
      }
      candidates = set;
    }
    for (const f of candidates) {
      if (only && !only.has(f.path)) continue;
      if (!full && (this.files.get(f.path) !== f || !this.included(f) || this.indexOnly.has(f.path))) continue;
      const out = f.out;
      if (out && out.optionsKey === this.optionsKey) {
        // Nothing in the index changed since this file's runs were found current: skip the check.
        if (out.checkedAt === this.index.generation) continue;
        if (this.index.current(out.deps)) {
          out.checkedAt = this.index.generation;
          continue;
        }
      }
      this.analyzeFile(f);
      touched.add(f.path);
    }
    if (!only) {
      this.dirty.clear();
      this.checked = { files, key: this.optionsKey };
    }
    this.fullCheck = !!only;
    for (const f of this.staleFiles) {
      f.stale = false;
      if (!only || only.has(f.path)) f.prep = undefined;
    }
    this.staleFiles.clear();
    return { files, touched };
  }

  // --- sharing the work (the CLI's worker threads) ------------------------------

  /**
   * Adds a file that only feeds the index: it takes its place in the file order and
   * its clusters and indexed objects count, but it gets no part of its own. A worker
   * that analyses a share of the files is given every file with an index needle this
   * way, so its index and options are the whole workspace's.
   */
  updateIndexOnly(path: string, text: string): void {
    this.update(path, text);
    this.indexOnly.add(path);
  }

  /**
   * The parts of these files (of all that are not index-only when omitted), as plain
   * data for another thread. A file whose part was taken is index-only from then on,
   * and its part is not kept here.
   */
  parts(only?: readonly string[]): FilePart[] {
    const set = only ? new Set(only) : undefined;
    const { files } = this.refresh(set);
    this.changed = true;
    return files.filter((f) => !set || set.has(f.path)).map((f) => {
      this.indexOnly.add(f.path);
      const out = f.out!;
      const part: FilePart = {
        path: f.path,
        optionsKey: out.optionsKey,
        summary: out.summary,
        findings: out.findings,
        workloads: out.workloads,
        facts: out.facts,
        formats: [...out.formats],
        annotations: out.annotations,
        ignoreComments: out.ignoreComments,
        pods: f.pods,
      };
      f.out = undefined;
      f.units = undefined;
      this.track(f);
      return part;
    });
  }

  /**
   * Takes parts made elsewhere for files already added here, so `result()` analyses
   * only what is left (the index pass, the index rules, the assembly). A part made
   * under other options is ignored and its file analysed here.
   */
  adopt(parts: readonly FilePart[]): void {
    for (const p of parts) {
      const f = this.files.get(p.path);
      if (!f) continue;
      f.out = {
        summary: p.summary,
        findings: p.findings,
        workloads: p.workloads,
        facts: p.facts,
        formats: new Set(p.formats),
        annotations: p.annotations,
        ignoreComments: p.ignoreComments,
        optionsKey: p.optionsKey,
        deps: new Map(),
        checkedAt: 0,
        tally: tallyWorkloads(p.workloads),
        severities: severities(p.findings),
      };
      f.pods = p.pods;
      this.setFormats(f, p.formats);
      this.index.bump('pods');
      this.track(f);
    }
    this.fullCheck = true;
    this.changed = true;
  }

  // --- phase 0 -----------------------------------------------------------------

  private readIndexEntries(f: FileState): void {
    const units: DocUnit[] = [];
    // A file with kept units is being edited: its documents' needle flags are known
    // by their text, and the split is needed by the analysis pass anyway.
    const kept = f.units;
    const needle = (c: ChunkSpan) => {
      const u = kept?.[c.docIndex];
      return u && u.raw === c.raw ? u.needle : hasNeedle(c.raw);
    };
    if (kept || hasNeedle(f.text)) {
      const p = prepareFile(f.path, f.text, this.maxBytes);
      f.prep = p;
      const read: (DocUnit | undefined)[] = [];
      for (const c of this.chunksOf(p)) {
        if (!needle(c)) continue;
        const u = this.unitFor(f, p, c, true);
        read[c.docIndex] = u;
        if (u.clusters.length || u.objects.length) units.push(u);
      }
      // The analysis pass picks these up instead of parsing again.
      if (f.units) for (let i = 0; i < read.length; i++) f.units[i] = read[i] ?? f.units[i];
      else f.units = read;
      if (units.length) f.lines = p.lines;
    }
    f.indexUnits = units;
    if (!units.length) f.lines = undefined;
    this.setContribution(f, { clusters: units.flatMap((u) => u.clusters), objects: units.flatMap((u) => u.objects) });
  }

  private setContribution(f: FileState, next: FileState['contribution']): void {
    const prev = f.contribution;
    if (!sameList(prev.clusters, next.clusters)) {
      const onlyMoved = prev.clusters.length === next.clusters.length && [...prev.clusters, ...next.clusters].every((c) => this.moved.has(c));
      if (onlyMoved) this.index.move('clusters');
      else this.index.bump('clusters');
    }
    if (!sameList(prev.objects, next.objects)) {
      const before = new Set(prev.objects);
      const after = new Set(next.objects);
      for (const o of prev.objects) if (!after.has(o)) this.bumpObject(o);
      for (const o of next.objects) if (!before.has(o)) this.bumpObject(o);
    }
    f.contribution = next;
  }

  /** An object came or went; when it is one of a moved document's, only its position changed. */
  private bumpObject(o: KubernetesObjectRef): void {
    const moved = this.moved.has(o);
    for (const key of objectKeys(o)) {
      if (moved) this.index.move(key);
      else this.index.bump(key);
    }
  }

  /** A JSON file is one document (the whole text) at offset 0. */
  private chunksOf(p: PreparedFile): ChunkSpan[] {
    if (p.kind === 'yaml') return p.chunks;
    if (p.kind === 'json') return [{ docIndex: 0, base: 0, source: p.text, raw: p.text }];
    return [];
  }

  /**
   * The unit of a chunk: the kept one when its text, index and flags are the same,
   * else a new one read from the parse. With `placed`, index entries are (re)placed at
   * the chunk's current offset.
   */
  private unitFor(f: FileState, p: PreparedFile, c: ChunkSpan, needEntries: boolean): DocUnit {
    const templated = p.templated;
    const crlf = p.kind === 'yaml' ? p.crlf : false;
    const old = f.units?.[c.docIndex] ?? f.indexUnits.find((u) => u.docIndex === c.docIndex);
    if (old && old.raw === c.raw && old.templated === templated && old.crlf === crlf) {
      // The same text, but from the current version of the file: old versions can go.
      old.raw = c.raw;
      if (needEntries && (old.clusters.length || old.objects.length)) {
        const line = p.lines.positionAt(c.base).line;
        if (old.placedAt !== c.base) {
          // Moved: its nodes' offsets changed, so the index gets new entries, which are
          // the old ones moved (the same text gives the same views in the same order).
          // Only the entries: the workloads' views are made when a rule run needs them.
          const doc = this.docOf(f, p, c, old);
          const v = doc ? views(doc, true) : undefined;
          for (const x of old.clusters) this.moved.add(x);
          for (const x of old.objects) this.moved.add(x);
          old.clusters = v?.clusters ?? [];
          old.objects = (v?.objects ?? []).filter((o) => INDEXED_KINDS.has(o.kind));
          for (const x of old.clusters) this.moved.add(x);
          for (const x of old.objects) this.moved.add(x);
        } else if (old.entriesLine !== line) {
          // The same offsets on other lines (line breaks above it changed, not the
          // length): the entries hold, but positions made from them in other files move.
          if (old.clusters.length) this.index.move('clusters');
          for (const o of old.objects) for (const key of objectKeys(o)) this.index.move(key);
        }
        old.entriesLine = line;
      }
      return old;
    }
    return this.readUnit(f, p, c);
  }

  /** The unit's parsed document at the chunk's offset: the one it holds, or a placement of the (cached) parse. */
  private docOf(f: FileState, p: PreparedFile, c: ChunkSpan, u: DocUnit): ParsedDocument | undefined {
    if (u.doc && u.placedAt === c.base) return u.doc;
    const { doc } = this.place(f, p, c, u.format);
    u.doc = doc;
    u.views = undefined;
    u.placedAt = c.base;
    return doc;
  }

  /** The parsed document of a chunk, placed at its offset. */
  private place(f: FileState, p: PreparedFile, c: ChunkSpan, known?: FormatId): { doc?: ParsedDocument; errors: DocUnit['errors']; empty: boolean } {
    if (p.kind === 'json') {
      const root = p.json.root;
      const format = root ? (known ?? detect(root)) : undefined;
      return { doc: root && format ? { file: f.path, docIndex: 0, format, root, templated: false } : undefined, errors: p.json.errors, empty: false };
    }
    const parsed = this.cache.get(c.source, c.base);
    const format = parsed.root && !parsed.empty ? (known ?? detect(parsed.root)) : undefined;
    const doc = format ? { file: f.path, docIndex: c.docIndex, format, root: parsed.root as SourceNode, templated: p.templated, rawText: p.templated ? p.text : undefined } : undefined;
    return { doc, errors: parsed.errors.map((e) => ({ message: e.message, start: e.start - c.base, end: e.end - c.base })), empty: parsed.empty };
  }

  private readUnit(f: FileState, p: PreparedFile, c: ChunkSpan): DocUnit {
    const { doc, errors, empty } = this.place(f, p, c);
    const unit: DocUnit = {
      raw: c.raw,
      needle: hasNeedle(c.raw),
      docIndex: c.docIndex,
      templated: p.templated,
      crlf: p.kind === 'yaml' ? p.crlf : false,
      empty,
      errors,
      format: doc?.format,
      workloads: [],
      pods: [],
      annotations: [],
      doc,
      placedAt: c.base,
      clusters: [],
      objects: [],
    };
    if (!doc) return unit;
    const v = (unit.views = views(doc));
    for (const w of v.workloads) {
      const [s, e] = nodeSpan(w.anchor, p.text);
      unit.workloads.push({ facts: { id: w.id, name: w.name, kind: w.kind, namespace: w.namespace, format: w.format, file: w.file, fargate: estimateFargate(w) }, anchor: [s - c.base, e - c.base] });
      if (w.pod) unit.pods.push({ workloadId: w.id, kind: w.kind, name: w.name, format: w.format, namespace: w.namespace, templated: doc.templated, labels: w.pod.labels });
    }
    for (const o of v.objects) {
      const a = str(o.node.at('metadata', 'annotations', IGNORE_ANNOTATION));
      if (a) unit.annotations.push({ start: o.node.start - c.base, end: o.node.end - c.base, rules: parseAnnotation(a) });
    }
    // Only documents with a needle can hold index entries (see INDEX_NEEDLES), and only
    // those are read in the index pass, which is where entries must come from.
    if (unit.needle) {
      unit.entriesLine = p.lines.positionAt(c.base).line;
      unit.clusters = v.clusters;
      unit.objects = v.objects.filter((o) => INDEXED_KINDS.has(o.kind));
    }
    return unit;
  }

  // --- phase 1 -----------------------------------------------------------------

  private analyzeFile(f: FileState): void {
    const p = f.prep ?? prepareFile(f.path, f.text, this.maxBytes);
    f.prep = undefined;
    this.compact.beginFile();
    const base = { file: f.path };
    if (p.kind === 'skipped' || p.kind === 'dockerfile') {
      const summary: FileSummary = p.kind === 'skipped' ? { ...base, format: 'skipped', documents: 0, note: p.note } : { ...base, format: 'dockerfile', documents: 1 };
      f.units = undefined;
      f.out = this.output(f, summary, [], [], [], new Set(), p, new Map());
      this.track(f);
      this.setPods(f, []);
      this.setFormats(f, []);
      return;
    }
    const keep = this.mode.keepDocuments > 0;
    const chunks = this.chunksOf(p);
    const units: DocUnit[] = [];
    const raw: { unit: DocUnit; base: number; len: number; findings: RawFinding[] }[] = [];
    const deps = new Map<string, number>();
    let ours = false;
    let firstFormat: FormatId | undefined;
    let documents = 0;
    for (const c of chunks) {
      const u = this.unitFor(f, p, c, false);
      units[c.docIndex] = u;
      if (u.empty) continue;
      if (u.format) {
        ours = true;
        documents++;
        firstFormat ??= u.format;
      }
      const found: RawFinding[] = [];
      if (u.format) this.checkDocument(f, p, c, u, found, deps);
      raw.push({ unit: u, base: c.base, len: c.raw.length, findings: found });
    }
    // Parse errors: never for templates; for YAML only in files that are ours or look it.
    // JSON errors are in absolute offsets already (the unit starts at 0).
    const report = p.kind === 'json' ? ours : !p.templated && (ours || p.mentionsManifestKeys);
    const linesOf = (file: string) => (file === f.path ? p.lines : this.linesOf(file));
    const parseErrors: Finding[] = [];
    const findings: Finding[] = [];
    const annotations: Annotation[] = [];
    const facts: WorkloadFacts[] = [];
    const pods: PodRef[] = [];
    const formats = new Set<FormatId>();
    for (const { unit, base: b, len, findings: list } of raw) {
      const pd = this.placeDoc(f, p, unit, b, len, list, linesOf, keep);
      if (report) for (const x of pd.errors) parseErrors.push(x);
      for (const x of pd.findings) findings.push(x);
      for (const a of pd.annotations) annotations.push(a);
      for (const x of pd.facts) facts.push(x);
      for (const x of pd.pods) pods.push(x);
      if (unit.format) formats.add(unit.format);
    }
    if (parseErrors.length) findings.unshift(...parseErrors);
    const summary: FileSummary =
      p.kind === 'json' ? { ...base, format: ours ? firstFormat! : 'unknown', documents } : yamlSummary(f.path, firstFormat, documents, p.templated);
    f.out = this.output(f, summary, findings, facts, annotations, formats, p, deps);
    this.track(f);
    this.setPods(f, pods);
    this.setFormats(f, [...formats]);
    if (f.indexUnits.length) f.lines = p.lines;
    // Parses are kept by the ChunkCache (bounded) and by index documents only.
    for (const u of units) {
      if (!u) continue;
      u.views = undefined;
      if (!u.clusters.length && !u.objects.length) u.doc = undefined;
    }
    if (keep) {
      f.units = units;
      this.keep.delete(f.path);
      this.keep.add(f.path);
      if (this.keep.size > this.mode.keepDocuments) {
        const oldest = this.keep.values().next().value as string;
        this.keep.delete(oldest);
        const o = this.files.get(oldest);
        if (o) {
          o.units = undefined;
          o.fits = undefined;
        }
      }
    } else {
      f.units = undefined;
    }
  }

  /**
   * A document's share of the file's output: the one made last time when the document's
   * runs are unchanged and its spans move with it (shifted by whole lines when lines
   * above it came or went), else converted afresh through the file's LineIndex.
   */
  private placeDoc(f: FileState, p: PreparedFile, u: DocUnit, b: number, len: number, list: RawFinding[], linesOf: (file: string) => LineIndex | undefined, keep: boolean): PlacedDoc {
    const line = p.lines.positionAt(b).line;
    const old = u.placed;
    if (old && old.docRun === u.docRun && old.wsRun === u.wsRun && old.shiftable) {
      if (old.line === line && old.base === b) return old;
      // The placed share is the unit's own: update it in place (the old output keeps its arrays).
      const d = line - old.line;
      if (d) {
        const c = this.compact;
        old.errors = old.errors.map((x) => c.finding(shiftFinding(x, d)));
        old.findings = old.findings.map((x) => c.finding(shiftFinding(x, d)));
        old.facts = old.facts.map((x) => c.facts(shiftFacts(x, d)));
      }
      if (old.base !== b) old.annotations = u.annotations.length ? u.annotations.map((a) => ({ start: b + a.start, end: b + a.end, rules: a.rules })) : NO_ANNOTATIONS;
      old.base = b;
      old.line = line;
      return old;
    }
    const c = this.compact;
    const errors = u.errors.map((e) => c.finding(this.engineFinding(PARSE_ERROR, 'error', e.message, f.path, p.lines, b + e.start, b + e.end)));
    const placed: PlacedDoc = {
      docRun: u.docRun,
      wsRun: u.wsRun,
      base: b,
      line,
      shiftable: shiftable(list, f.path, len) && u.errors.every((e) => e.start >= 0 && e.end <= len) && u.workloads.every((w) => w.anchor[0] >= 0 && w.anchor[1] <= len),
      errors,
      findings: list.map((r) => c.finding(toFinding(r, b, p.lines, linesOf))),
      annotations: u.annotations.map((a) => ({ start: b + a.start, end: b + a.end, rules: a.rules })),
      // Key order as the result has always had it: summary fields, then facts in view order.
      facts: u.workloads.map((w) => {
        const x = w.facts;
        return c.facts({ id: x.id, name: x.name, kind: x.kind, namespace: x.namespace, format: x.format, file: x.file, range: p.lines.range(b + w.anchor[0], b + w.anchor[1]), fargate: x.fargate });
      }),
      pods: u.pods.map((pod) => ({ ...pod, file: f.path })),
    };
    if (keep) u.placed = placed;
    return placed;
  }

  /** Files the index parts a file's output read (sessions only: a one-shot run checks every file). */
  private track(f: FileState): void {
    if (this.mode.keepDocuments === 0) return;
    for (const k of f.tracked ?? []) this.dependents.get(k)?.delete(f);
    const keys = f.out && this.files.get(f.path) === f ? [...f.out.deps.keys()] : [];
    for (const k of keys) (this.dependents.get(k) ?? this.dependents.set(k, new Set()).get(k)!).add(f);
    f.tracked = keys.length ? keys : undefined;
  }

  /** Runs (or reuses) the document and workspace rules of one document. */
  private checkDocument(f: FileState, p: PreparedFile, c: ChunkSpan, u: DocUnit, out: RawFinding[], fileDeps: Map<string, number>): void {
    const key = this.optionsKey;
    const fmt = u.format!;
    const needDoc = !u.docRun || u.docRun.key !== key;
    const needWs = !u.wsRun || u.wsRun.key !== key || !this.index.current(u.wsRun.deps, u.wsRun.local);
    if (needDoc || needWs) {
      const doc = this.docOf(f, p, c, u);
      if (!doc) return;
      const v = (u.views ??= views(doc));
      const text = (file?: string) => (file === undefined || file === f.path ? p.text : this.textOf(file));
      const scope = (index: WorkspaceIndex, clusters: () => ClusterView[], accepts: RunScope['accepts']): RunScope => ({
        options: this.options,
        file: f.path,
        frame: { file: f.path, base: c.base },
        document: doc,
        workloads: () => v.workloads,
        clusters,
        index,
        text,
        accepts,
      });
      if (needDoc) {
        const found: RawFinding[] = [];
        const s = scope(NO_INDEX, () => v.clusters, (file) => this.accepts(f, file));
        for (const rule of this.docRules) {
          if (!rule.meta.formats.includes(fmt) || this.options.rules[rule.meta.id] === 'off') continue;
          runRule(rule, s, found);
        }
        u.docRun = { key, findings: found };
      }
      if (needWs) {
        const found: RawFinding[] = [];
        const deps = new Map<string, number>();
        const index = this.index.tracked(deps, 'workspace');
        const s = scope(index, () => index.clusters as ClusterView[], (file) => this.accepts(f, file));
        for (const rule of this.wsRules) {
          if (!rule.meta.formats.includes(fmt) || this.options.rules[rule.meta.id] === 'off') continue;
          runRule(rule, s, found);
        }
        u.wsRun = { key, deps, findings: found, local: shiftable(found, f.path, c.raw.length) };
      }
    }
    for (const x of u.docRun!.findings) out.push(x);
    for (const x of u.wsRun!.findings) out.push(x);
    const local = u.wsRun!.local;
    for (const [k, v] of u.wsRun!.deps) if (!local || k.charCodeAt(0) !== 64 /* @ */) fileDeps.set(k, v);
  }

  /** A document's rules report in its own file; in a file outside the analysis, nowhere. */
  private accepts(f: FileState, file: string): 'yes' | 'drop' | 'no' {
    if (file === f.path) return 'yes';
    const other = this.files.get(file);
    return other && this.included(other) ? 'no' : 'drop';
  }

  /** Suppresses, sorts, fits: the file's part of the result. */
  private output(
    f: FileState,
    summary: FileSummary,
    findings: Finding[],
    facts: WorkloadFacts[],
    annotations: Annotation[],
    formats: Set<FormatId>,
    p: { text: string; lines: LineIndex },
    deps: Map<string, number>,
  ): FileOutput {
    const ignoreComments = p.text.includes('offload-ignore');
    let kept = this.suppress(findings, p.lines, ignoreComments, annotations);
    kept.sort(compareFindings);
    const last = f.last;
    f.last = undefined;
    const same = last && last.optionsKey === this.optionsKey;
    if (same && sameList(last.findings, kept)) kept = last.findings;
    let workloads = this.fit(f, facts, kept);
    if (same && sameList(last.workloads, workloads)) workloads = last.workloads;
    return {
      summary: same && sameSummary(last.summary, summary) ? last.summary : summary,
      findings: kept,
      workloads,
      tally: same && workloads === last.workloads ? last.tally : this.compact.tally(tallyWorkloads(workloads)),
      severities: same && kept === last.findings ? last.severities : severities(kept),
      facts,
      formats,
      annotations,
      ignoreComments,
      optionsKey: this.optionsKey,
      deps,
      checkedAt: this.index.generation,
    };
  }

  private suppress(findings: Finding[], lines: LineIndex, comments: boolean, annotations: Annotation[]): Finding[] {
    if (!comments && !annotations.length) return findings;
    return findings.filter((x) => {
      if (x.ruleId === PARSE_ERROR || x.ruleId === INTERNAL_ERROR) return true;
      if (comments && commentSuppressionsFor(lines, x.range.start.line).some((s) => suppresses(s, x.ruleId))) return false;
      if (annotations.length) {
        const off = lines.offsetAt(x.range.start);
        if (annotations.some((a) => off >= a.start && off <= a.end && a.rules.some((s) => suppresses(s, x.ruleId)))) return false;
      }
      return true;
    });
  }

  /**
   * The workloads with their fit. In a session a file's fits are kept by facts object,
   * and a workload whose facts and findings are the same objects as last time keeps its fit.
   */
  private fit(f: FileState, facts: WorkloadFacts[], kept: readonly Finding[]): Workload[] {
    if (!facts.length) {
      f.fits = undefined;
      return [];
    }
    const byWorkload = new Map<string, Finding[]>();
    for (const x of kept) if (x.workloadId) (byWorkload.get(x.workloadId) ?? byWorkload.set(x.workloadId, []).get(x.workloadId)!).push(x);
    const prev = this.mode.keepDocuments > 0 && f.fits?.key === this.optionsKey ? f.fits.map : undefined;
    const next = this.mode.keepDocuments > 0 ? new Map<WorkloadFacts, { own: Finding[]; w: Workload }>() : undefined;
    const out = facts.map((w) => {
      const own = byWorkload.get(w.id) ?? NO_FINDINGS;
      const hit = prev?.get(w);
      const fitted = hit && sameList(hit.own, own) ? hit : { own, w: this.compact.workload(fitWorkload(w, own, this.options)) };
      next?.set(w, fitted);
      return fitted.w;
    });
    f.fits = next && { key: this.optionsKey, map: next };
    return out;
  }

  private engineFinding(ruleId: string, severity: Severity, message: string, file: string, lines: LineIndex, start: number, end: number): Finding {
    return { ruleId, severity, message, file, range: lines.range(start, Math.max(start, end)), platforms: [], effect: 'advice' };
  }

  private linesOf(file: string): LineIndex | undefined {
    const f = this.files.get(file);
    if (!f || !this.included(f)) return undefined;
    return (f.lines ??= prepareFile(f.path, f.text, Infinity).lines);
  }

  /**
   * The eksctl version as written: an unquoted `1.30` is the YAML float 1.3, so the
   * source text, not the parsed value, says which version the author meant.
   */
  private writtenVersion(c: ClusterView): string | undefined {
    const n = c.version;
    if (!n || n.kind !== 'scalar') return undefined;
    const text = this.files.get(c.file)?.text;
    const t = text && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const raw = t?.slice(n.start, n.end).replace(/^['"]|['"]$/g, '').trim();
    return raw || str(n);
  }

  // --- index rules -------------------------------------------------------------

  private runIndexRules(files: FileState[], touched: Set<string>): void {
    const active = this.indexRules.filter((r) => this.options.rules[r.meta.id] !== 'off' && r.meta.formats.some((x) => (this.formatCount.get(x) ?? 0) > 0));
    const crashFile = files[0]?.path;
    const key = `${this.optionsKey}\u0000${active.map((r) => r.meta.id).join(',')}\u0000${crashFile ?? ''}`;
    const prev = this.indexRun;
    // Positions and suppressions of the findings depend on the files they are in, too.
    if (prev && prev.key === key && this.index.current(prev.deps) && ![...prev.byFile.keys()].some((file) => touched.has(file))) return;
    const deps = new Map<string, number>();
    const index = this.index.tracked(deps, 'index');
    const raw: RawFinding[] = [];
    const scope: RunScope = {
      options: this.options,
      file: '',
      workloads: () => {
        throw new Error('index rules see no document: read ctx.index.pods');
      },
      clusters: () => index.clusters as ClusterView[],
      index,
      text: (file?: string) => (file !== undefined ? this.textOf(file) : ''),
      accepts: (file) => (this.files.get(file) && this.included(this.files.get(file)!) ? 'yes' : 'drop'),
      crashFile,
    };
    for (const rule of active) runRule(rule, scope, raw);
    const byFile = new Map<string, Finding[]>();
    const findings: Finding[] = [];
    for (const r of raw) {
      const lines = this.linesOf(r.file);
      if (!lines) continue;
      const x = toFinding(r, 0, lines, (file) => this.linesOf(file));
      const out = this.files.get(r.file)?.out;
      if (out && !this.keepIndexFinding(x, lines, out)) continue;
      findings.push(x);
      (byFile.get(x.file) ?? byFile.set(x.file, []).get(x.file)!).push(x);
    }
    for (const l of byFile.values()) l.sort(compareFindings);
    this.indexRun = { key, deps, findings, byFile };
  }

  private keepIndexFinding(x: Finding, lines: LineIndex, out: FileOutput): boolean {
    return this.suppress([x], lines, out.ignoreComments, out.annotations).length === 1;
  }

  // --- the result --------------------------------------------------------------

  /**
   * The result from the files' parts. After an edit that changed the parts of a few
   * files, the previous result's arrays are copied with those files' segments
   * replaced: a large workspace's result is then a few memory copies, not a walk over
   * every file's data.
   */
  private assemble(files: FileState[], touched: Set<string>): AnalysisResult {
    const extras = this.extras();
    const a = this.asm;
    const extrasKey = [...extras.keys()].join('\u0000');
    if (a && a.files === files && a.extrasKey === extrasKey && a.optionsKey === this.optionsKey && touched.size <= Math.max(8, files.length >> 4) && !this.namesWorkload(extras)) {
      const patched = this.patch(a, touched, extras);
      if (patched) return patched;
    }
    return this.assembleAll(files, extras, extrasKey);
  }

  /** Findings that go into files from elsewhere: index rules, and problems in `.offload.yaml`. */
  private extras(): Map<string, Finding[]> {
    const extras = new Map<string, Finding[]>();
    for (const [file, l] of this.indexRun?.byFile ?? []) extras.set(file, l);
    if (this.configFindings.length) {
      const cp = this.settings.configPath!;
      const out = this.files.get(cp)?.out;
      const lines = out ? this.linesOf(cp) : undefined;
      const kept = out && lines ? this.suppress(this.configFindings, lines, out.ignoreComments, out.annotations) : this.configFindings;
      // Config problems were reported before any rule: they come first among ties.
      extras.set(cp, mergeSorted([...kept].sort(compareFindings), extras.get(cp) ?? []));
    }
    return extras;
  }

  private namesWorkload(extras: Map<string, Finding[]>): boolean {
    for (const l of extras.values()) for (const x of l) if (x.workloadId) return true;
    return false;
  }

  private assembleAll(files: FileState[], extras: Map<string, Finding[]>, extrasKey: string): AnalysisResult {
    const options = this.options;
    // Findings in path order (the sort's first key), whatever order the files are in.
    const byPath = this.mode.order === 'path' ? files : [...files].sort((a, b) => cmpStr(a.path, b.path));
    const findings: Finding[] = [];
    const extraPaths = [...extras.keys()].filter((p) => !this.files.get(p)?.out || !this.included(this.files.get(p)!)).sort(cmpStr);
    let e = 0;
    const fPaths: string[] = [];
    const fParts: (readonly Finding[])[] = [];
    const pushAll = (l: readonly Finding[], path: string) => {
      fPaths.push(path);
      fParts.push(l);
      for (const x of l) findings.push(x);
    };
    const prevParts = this.partsByPath;
    const parts = new Map<string, FileResultPart>();
    const mergedFindings = new Map<string, Finding[]>();
    const extraOnly = (p: string) => {
      const l = extras.get(p)!;
      pushAll(l, p);
      const prev = prevParts.get(p);
      parts.set(p, prev && sameList(prev.findings, l) && !prev.workloads.length ? prev : { findings: l, workloads: [] });
    };
    for (const f of byPath) {
      while (e < extraPaths.length && extraPaths[e] < f.path) extraOnly(extraPaths[e++]);
      const own = f.out!.findings;
      const extra = extras.get(f.path);
      if (extra) {
        // Index rules report after the rules of the file's own documents.
        const prev = prevParts.get(f.path)?.findings as Finding[] | undefined;
        let l = mergeSorted(own, extra);
        if (prev && sameList(prev, l)) l = prev;
        mergedFindings.set(f.path, l);
        pushAll(l, f.path);
      } else pushAll(own, f.path);
    }
    while (e < extraPaths.length) extraOnly(extraPaths[e++]);

    // A finding of an index rule that names a workload changes its fit: its own
    // findings are then taken from the whole sorted list, as a fresh analysis does.
    let named: Map<string, Finding[]> | undefined;
    for (const l of extras.values()) {
      for (const x of l) {
        if (!x.workloadId) continue;
        named ??= new Map();
        named.set(x.workloadId, []);
      }
    }
    if (named) for (const x of findings) if (x.workloadId && named.has(x.workloadId)) named.get(x.workloadId)!.push(x);
    let nWorkloads = 0;
    for (const f of files) nWorkloads += f.out!.workloads.length;
    const workloads: Workload[] = new Array(nWorkloads);
    const tallies: WorkloadTally[] = new Array(files.length);
    let wi = 0;
    for (let fi = 0; fi < files.length; fi++) {
      const f = files[fi];
      const out = f.out!;
      let own = out.workloads;
      let tally = out.tally;
      if (named && out.facts.some((w) => named!.has(w.id))) {
        own = out.facts.map((w, i) => (named!.has(w.id) ? fitWorkload(w, named!.get(w.id)!, options) : out.workloads[i]));
        tally = tallyWorkloads(own);
      }
      tallies[fi] = tally;
      for (const w of own) workloads[wi++] = w;
      const fl = mergedFindings.get(f.path) ?? out.findings;
      const prev = prevParts.get(f.path);
      parts.set(f.path, prev && prev.findings === fl && (prev.workloads === own || (own !== out.workloads && sameList(prev.workloads, own))) ? prev : { findings: fl, workloads: own });
    }
    this.partsByPath = parts;
    // Counted per file (the files' own findings) plus what was merged in.
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const f of files) {
      const c = f.out!.severities;
      counts.error += c.error;
      counts.warning += c.warning;
      counts.info += c.info;
      counts.hint += c.hint;
    }
    for (const l of extras.values()) for (const x of l) counts[x.severity]++;
    const total = sumTallies(tallies);
    const summaries = files.map((f) => f.out!.summary);
    const fIndex = new Map<string, number>();
    fPaths.forEach((p, i) => fIndex.set(p, i));
    const wParts = files.map((f) => parts.get(f.path)!.workloads);
    this.asm = {
      files,
      extrasKey,
      optionsKey: this.optionsKey,
      fIndex,
      fParts,
      fStart: starts(fParts),
      findings,
      wParts,
      wStart: starts(wParts),
      wIndex: new Map(files.map((f, i) => [f.path, i])),
      workloads,
      summaries,
      tallies,
      total,
      counts,
    };
    return this.resultOf(summaries, findings, workloads, counts, total);
  }

  private resultOf(summaries: FileSummary[], findings: Finding[], workloads: Workload[], counts: Record<Severity, number>, total: WorkloadTally): AnalysisResult {
    const options = this.options;
    return {
      tool: { name: 'offload', version: ENGINE_VERSION, dataAsOf: DATA_AS_OF },
      target: { eksVersion: options.eksVersion, eksVersionSource: options.eksVersionSource, regions: options.regions, today: options.today },
      files: summaries,
      findings,
      workloads,
      recommendation: recommendFromTotals(total, options),
      summary: {
        files: summaries.length,
        workloads: workloads.length,
        findings: { ...counts },
        byPlatform: { 'ecs-ec2': total.ecs.ec2, 'ecs-fargate': total.ecs.fargate, 'eks-ec2': total.eks.ec2, 'eks-fargate': total.eks.fargate },
      },
    };
  }

  /**
   * The previous result with the parts of `touched` files (and files with findings from
   * elsewhere) replaced. Undefined when that is not possible.
   */
  private patch(a: Assembly, touched: Set<string>, extras: Map<string, Finding[]>): AnalysisResult | undefined {
    // Which findings segments and workloads segments change.
    const fChanges = new Map<number, readonly Finding[]>();
    const wChanges = new Map<number, { workloads: readonly Workload[]; tally: WorkloadTally; summary: FileSummary }>();
    const check = new Set<string>(touched);
    for (const p of extras.keys()) check.add(p);
    for (const p of check) {
      const f = this.files.get(p);
      const fi = a.fIndex.get(p);
      if (fi === undefined) return undefined;
      const extra = extras.get(p);
      const own = f?.out && this.included(f) && a.wIndex.has(p) ? f.out : undefined;
      let l: readonly Finding[];
      if (own) l = extra ? mergeSorted(own.findings, extra) : own.findings;
      else if (extra) l = extra;
      else return undefined;
      if (!sameList(a.fParts[fi], l)) fChanges.set(fi, l);
      else if (a.fParts[fi] !== l) l = a.fParts[fi];
      if (!own && !sameList(this.partsByPath.get(p)?.findings ?? [], l)) this.partsByPath.set(p, { findings: l, workloads: [] });
      if (own) {
        const wi = a.wIndex.get(p)!;
        if (a.wParts[wi] !== own.workloads || a.summaries[wi] !== own.summary) wChanges.set(wi, { workloads: own.workloads, tally: own.tally, summary: own.summary });
        const prev = this.partsByPath.get(p);
        if (!prev || prev.findings !== l || prev.workloads !== own.workloads) this.partsByPath.set(p, { findings: l, workloads: own.workloads });
      }
    }
    // The namespaces and EC2 names in the summary depend on the order of files: a change to them is recomputed in full.
    for (const [wi, c] of wChanges) {
      const old = a.tallies[wi];
      for (const orch of ['eks', 'ecs'] as const) {
        if (!sameList(old[orch].namespaces, c.tally[orch].namespaces) || !sameList(old[orch].ec2Names, c.tally[orch].ec2Names)) return undefined;
      }
    }
    const findings = spliceSegments(a.findings, a.fParts, a.fStart, fChanges);
    const workloads = spliceSegments(a.workloads, a.wParts, a.wStart, new Map([...wChanges].map(([i, c]) => [i, c.workloads])));
    const counts = { ...a.counts };
    let fMoved = false;
    for (const [fi, l] of fChanges) {
      for (const x of a.fParts[fi]) counts[x.severity]--;
      for (const x of l) counts[x.severity]++;
      if (l.length !== a.fParts[fi].length) fMoved = true;
      a.fParts[fi] = l;
    }
    // Segments after a changed one move only when its length changed.
    if (fMoved) a.fStart = starts(a.fParts, a.fStart, Math.min(...fChanges.keys()));
    let summaries = a.summaries;
    const total = a.total;
    let wMoved = false;
    if (wChanges.size) {
      summaries = a.summaries.slice();
      for (const [wi, c] of wChanges) {
        const old = a.tallies[wi];
        total.workloads += c.tally.workloads - old.workloads;
        for (const orch of ['eks', 'ecs'] as const) {
          total[orch].count += c.tally[orch].count - old[orch].count;
          total[orch].fargate += c.tally[orch].fargate - old[orch].fargate;
          total[orch].fargateMicros += c.tally[orch].fargateMicros - old[orch].fargateMicros;
          total[orch].ec2 += c.tally[orch].ec2 - old[orch].ec2;
        }
        a.tallies[wi] = c.tally;
        if (c.workloads.length !== a.wParts[wi].length) wMoved = true;
        a.wParts[wi] = c.workloads;
        summaries[wi] = c.summary;
      }
    }
    if (wMoved) a.wStart = starts(a.wParts, a.wStart, Math.min(...wChanges.keys()));
    a.findings = findings;
    a.workloads = workloads;
    a.summaries = summaries;
    a.counts = counts;
    return this.resultOf(summaries, findings, workloads, counts, total);
  }

}

interface DocViews {
  workloads: WorkloadView[];
  clusters: ClusterView[];
  objects: KubernetesObjectRef[];
}

/** The views of one parsed document: workloads, clusters and Kubernetes objects (only the last two: `entriesOnly`). */
function views(doc: ParsedDocument, entriesOnly = false): DocViews {
  const workloads: WorkloadView[] = [];
  const clusters: ClusterView[] = [];
  const objects: KubernetesObjectRef[] = [];
  if (doc.format === 'kubernetes') {
    kubernetesObjects(doc.root).forEach((obj, i, all) => {
      // Unnamed objects (generateName) are indexed too: annotation suppressions need them.
      const name = str(obj.at('metadata', 'name')) ?? str(obj.at('metadata', 'generateName')) ?? '';
      const kind = str(obj.get('kind'));
      if (kind) objects.push({ kind, name, namespace: str(obj.at('metadata', 'namespace')), apiVersion: str(obj.get('apiVersion'))!, node: obj, doc });
      if (entriesOnly) return;
      const w = kubernetesWorkload(doc, obj, all.length > 1 || obj !== doc.root ? i : undefined);
      if (w) workloads.push(w);
    });
  } else if (doc.format === 'ecs-task-definition') {
    const task = taskDefinitionNode(doc.root);
    if (task) workloads.push(ecsWorkload(doc, task));
  } else if (doc.format === 'compose') {
    workloads.push(...composeWorkloads(doc, doc.root));
  } else if (doc.format === 'eksctl') {
    clusters.push(eksctlCluster(doc, doc.root));
  }
  return { workloads, clusters, objects };
}

export type { FileModel };

/** The index keys an object is read under. */
function objectKeys(o: KubernetesObjectRef): string[] {
  return [`kind:${o.kind}`, `obj:${o.kind}\u0000${o.name}`];
}

const NO_FINDINGS: Finding[] = [];
const NO_ANNOTATIONS: Annotation[] = [];

function sameSummary(a: FileSummary, b: FileSummary): boolean {
  return a.file === b.file && a.format === b.format && a.documents === b.documents && a.note === b.note && 'note' in a === 'note' in b;
}

function severities(findings: readonly Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const x of findings) c[x.severity]++;
  return c;
}

interface Assembly {
  /** The list of files it was made for (a new list when files come, go or are ignored). */
  files: FileState[];
  extrasKey: string;
  optionsKey: string;
  /** Findings segments, in findings order (path order, with files that only get findings from elsewhere). */
  fIndex: Map<string, number>;
  fParts: (readonly Finding[])[];
  /** Where each segment starts in `findings` (one more entry: the end). */
  fStart: Float64Array;
  findings: Finding[];
  /** Workloads segments, in file order. */
  wIndex: Map<string, number>;
  wParts: (readonly Workload[])[];
  wStart: Float64Array;
  workloads: Workload[];
  summaries: FileSummary[];
  tallies: WorkloadTally[];
  total: WorkloadTally;
  counts: Record<Severity, number>;
}
