/**
 * The workspace model: every manifest's text (open editors override the disk), the
 * `.offload.yaml` text and the settings, analysed together because rules cross files
 * (an eksctl Fargate profile selects Deployments elsewhere). The analysis itself runs
 * in a worker thread (analyzer.ts) that keeps the files and one shared ChunkCache, so
 * a re-analysis after an edit sends only the changed texts and re-parses only the
 * YAML documents that changed.
 *
 * Reading goes through `workspace.fs` only (so virtual workspaces work) and nothing
 * in the workspace is ever executed. The first scan runs after activation returns,
 * in time slices, with a progress indicator in the status bar.
 */
import * as vscode from 'vscode';
import type { ChunkCache } from '../engine';
import type { AnalysisResult, Finding, UserOptions } from '../engine';
import { matchesAnyGlob } from '../engine/glob';
import { engineApi } from './lazy';
import type { FileChange } from './analysis-core';
import type { Analyzer } from './analyzer';
import type { Log } from './log';
import { DiagnosticsPublisher } from './diagnostics';
import { ANALYSED_LANGUAGES, ANALYSED_SCHEMES, CONFIG_FILE, EXCLUDE_GLOB, MANIFEST_GLOB, externalPath, isManifestPath } from './paths';
import { Debouncer, IdleTracker, runSliced } from './slicer';
import { SETTING_KEYS, settingsToOptions } from './settings';
import type { RawSettings } from './settings';

const TYPING_DEBOUNCE_MS = 300;
const DISK_DEBOUNCE_MS = 100;
const READ_AHEAD = 16;
const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

interface Entry {
  uri: vscode.Uri;
  /** Workspace-relative, forward slashes: what the engine and reports see. */
  path: string;
  /** Text on disk, when the file exists there. */
  disk?: string;
  /** An open editor's text, by version: it overrides the disk. */
  editor?: { doc: vscode.TextDocument; version: number; text: string };
  /** The document version the last analysis saw (editor entries). */
  analysedVersion?: number;
}

interface ConfigFile {
  uri: vscode.Uri;
  path: string;
  text: string;
}

export class AnalysisService implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly byPath = new Map<string, string>();
  /** Main-thread parse cache for hovers and code actions (the analysis has its own). */
  /** Made on first use (a hover or code action): the engine loads then, not at activation. */
  private cache: ChunkCache | undefined;
  /** The text the analyzer holds for each path (by identity), to send only changes. */
  private sent = new Map<string, string>();
  private running: Promise<void> | undefined;
  private rerun = false;
  /** Files were sent ahead (primed) that no analysis has seen yet. */
  private primed = false;
  private scanInFlight: Promise<void> | undefined;
  private requestedDuringScan = false;
  /** Inputs of the last analysis besides the files, to skip analyses that would change nothing. */
  private lastInputsKey = '';
  private readonly idle = new IdleTracker();
  private readonly debouncer: Debouncer;
  private readonly diagnostics = new DiagnosticsPublisher();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly onDidAnalyzeEmitter = new vscode.EventEmitter<AnalysisResult>();
  private readonly onDidChangeBusyEmitter = new vscode.EventEmitter<boolean>();
  /** Fires after each analysis with its result. */
  readonly onDidAnalyze = this.onDidAnalyzeEmitter.event;
  /** Fires when a scan starts (true) or ends (false). */
  readonly onDidChangeBusy = this.onDidChangeBusyEmitter.event;

  private config: ConfigFile | undefined;
  private settings: UserOptions = {};
  private configOptions: UserOptions = {};
  private result: AnalysisResult | undefined;
  private scanGeneration = 0;
  private scanning = false;
  private started = false;

  constructor(
    private readonly log: Log,
    private readonly analyzer: Analyzer,
    /** The real date, read in the host: the engine never reads the clock. */
    private readonly today: () => string = () => new Date().toISOString().slice(0, 10),
  ) {
    this.debouncer = new Debouncer(() => this.requestAnalysis(), this.idle);
  }

  get lastResult(): AnalysisResult | undefined {
    return this.result;
  }

  get isScanning(): boolean {
    return this.scanning;
  }

  /** Resolves when no scan, read, debounce or analysis is pending. */
  whenIdle(): Promise<void> {
    return this.idle.whenIdle();
  }

  get liveAnalysis(): boolean {
    return vscode.workspace.getConfiguration('offload').get<boolean>('liveAnalysis', true);
  }

  /** Wires the listeners and schedules the first scan after activation has returned. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.readSettings();
    const ws = vscode.workspace;
    const watcher = ws.createFileSystemWatcher(MANIFEST_GLOB);
    // Folder deletes are reported for the folder only; this catches them.
    const deletes = ws.createFileSystemWatcher('**/*', true, true, false);
    const configWatcher = ws.createFileSystemWatcher(`**/${CONFIG_FILE}`);
    this.disposables.push(
      watcher,
      deletes,
      configWatcher,
      watcher.onDidCreate((u) => this.onDiskChange(u)),
      watcher.onDidChange((u) => this.onDiskChange(u)),
      deletes.onDidDelete((u) => this.onDiskDelete(u)),
      configWatcher.onDidCreate((u) => this.onConfigDiskChange(u)),
      configWatcher.onDidChange((u) => this.onConfigDiskChange(u)),
      configWatcher.onDidDelete((u) => this.onConfigDiskChange(u)),
      ws.onDidOpenTextDocument((d) => this.onOpen(d)),
      ws.onDidChangeTextDocument((e) => this.onChange(e)),
      ws.onDidSaveTextDocument((d) => this.onSave(d)),
      ws.onDidCloseTextDocument((d) => this.onClose(d)),
      ws.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('offload')) this.onSettingsChange();
      }),
      ws.onDidChangeWorkspaceFolders(() => void this.scan()),
      this.diagnostics,
      this.onDidAnalyzeEmitter,
      this.onDidChangeBusyEmitter,
    );
    // Keep whenIdle() honest from the first moment: the scan is pending already.
    const end = this.idle.begin();
    setTimeout(() => void this.scan().finally(end), 0);
  }

  // --- paths ------------------------------------------------------------------

  /** The engine's path for a URI: workspace-relative with forward slashes. */
  pathOf(uri: vscode.Uri, languageId = 'yaml'): string {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder) return vscode.workspace.asRelativePath(uri, folders.length > 1).replace(/\\/g, '/');
    return externalPath(uri.path, languageId);
  }

  /**
   * The URI of an engine path: a file Offload read, or `.offload.yaml`. Paths it did
   * not read map to nothing, so a path from the webview can only open analysed files.
   */
  uriOf(file: string): vscode.Uri | undefined {
    const key = this.byPath.get(file);
    if (key) return this.entries.get(key)?.uri;
    if (this.config && file === this.config.path) return this.config.uri;
    return undefined;
  }

  private ignoreGlobs(): string[] {
    return [...(this.configOptions.ignore ?? []), ...(this.settings.ignore ?? [])];
  }

  private maxBytes(): number {
    return this.settings.maxFileSizeBytes ?? this.configOptions.maxFileSizeBytes ?? DEFAULT_MAX_BYTES;
  }

  /** Whether Offload analyses this document (a manifest in the workspace, or a YAML/JSON/Dockerfile buffer outside it). */
  isAnalysed(doc: vscode.TextDocument): boolean {
    if (!ANALYSED_SCHEMES.has(doc.uri.scheme)) return false;
    if (this.isConfigDocument(doc)) return false;
    const inWorkspace = !!vscode.workspace.getWorkspaceFolder(doc.uri);
    if (inWorkspace) {
      const path = this.pathOf(doc.uri);
      return isManifestPath(path) && !matchesAnyGlob(path, this.ignoreGlobs());
    }
    if (doc.languageId === 'plaintext') return /^(Dockerfile|Containerfile)/.test(doc.uri.path.split('/').pop() ?? '');
    return ANALYSED_LANGUAGES.has(doc.languageId);
  }

  isConfigDocument(doc: vscode.TextDocument): boolean {
    return this.configUri()?.toString() === doc.uri.toString();
  }

  private configUri(): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder ? vscode.Uri.joinPath(folder.uri, CONFIG_FILE) : undefined;
  }

  /** The text of `.offload.yaml` as Offload last read it, if the workspace has one. */
  get configFile(): Readonly<ConfigFile> | undefined {
    return this.config;
  }

  // --- scanning -----------------------------------------------------------------

  /**
   * Re-reads the whole workspace, then analyses it. Later calls supersede earlier ones.
   * Analyses requested meanwhile wait for the scan's own analysis, so nothing is ever
   * published from a half-read workspace (cross-file rules would be wrong).
   */
  scan(): Promise<void> {
    const end = this.idle.begin();
    const p = this.scanFiles();
    this.scanInFlight = p;
    return p.finally(() => {
      if (this.scanInFlight === p) {
        this.scanInFlight = undefined;
        if (this.requestedDuringScan) {
          this.requestedDuringScan = false;
          void this.requestAnalysis();
        }
      }
      end();
    });
  }

  private async scanFiles(): Promise<void> {
    const gen = ++this.scanGeneration;
    const end = this.idle.begin();
    this.setScanning(true);
    const started = performance.now();
    try {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Offload: scanning manifests' },
        async (progress) => {
          await this.loadConfig();
          this.readSettings();
          const uris = await vscode.workspace.findFiles(MANIFEST_GLOB, EXCLUDE_GLOB);
          if (gen !== this.scanGeneration) return;
          const ignore = this.ignoreGlobs();
          const wanted = uris
            .map((uri) => ({ uri, path: this.pathOf(uri) }))
            .filter((x) => isManifestPath(x.path) && !matchesAnyGlob(x.path, ignore))
            .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
          const keep = new Set(wanted.map((w) => w.uri.toString()));
          for (const [key, e] of [...this.entries]) {
            if (!keep.has(key) && !e.editor) this.remove(key);
          }
          const max = this.maxBytes();
          const reads = new Map<number, Promise<string | undefined>>();
          const read = (i: number) => {
            for (let j = i; j < Math.min(wanted.length, i + READ_AHEAD); j++) if (!reads.has(j)) reads.set(j, this.readDisk(wanted[j].uri, max));
            return reads.get(i)!;
          };
          let skipped = 0;
          const completed = await runSliced(
            wanted,
            async (w, i) => {
              const text = await read(i);
              reads.delete(i);
              if (text === undefined) {
                skipped++;
                return;
              }
              const e = this.upsert(w.uri, w.path);
              e.disk = text;
              // Parsing starts in the analyzer while the next files are read.
              const effective = e.editor?.text || text;
              if (this.sent.get(w.path) !== effective) {
                this.analyzer.prime([{ path: w.path, text: effective }], max);
                this.sent.set(w.path, effective);
                this.primed = true;
              }
            },
            {
              isCancelled: () => gen !== this.scanGeneration,
              onProgress: (done, total) => progress.report({ message: `${done}/${total} files` }),
            },
          );
          if (!completed || gen !== this.scanGeneration) return;
          // Open documents that the search did not return (untitled, outside the workspace).
          for (const doc of vscode.workspace.textDocuments) this.track(doc);
          this.log.info(`Read ${wanted.length} candidate files (${skipped} skipped) in ${Math.round(performance.now() - started)} ms`);
          await this.analysisLoop();
        },
      );
    } catch (err) {
      this.log.error(`Scan failed: ${(err as Error)?.stack ?? String(err)}`);
    } finally {
      if (gen === this.scanGeneration) this.setScanning(false);
      end();
    }
  }

  private setScanning(on: boolean): void {
    if (this.scanning === on) return;
    this.scanning = on;
    void vscode.commands.executeCommand('setContext', 'offload.scanning', on);
    this.onDidChangeBusyEmitter.fire(on);
  }

  private async readDisk(uri: vscode.Uri, maxBytes: number): Promise<string | undefined> {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type & vscode.FileType.Directory) return undefined;
      if (stat.size > maxBytes) {
        this.log.info(`Skipped ${this.pathOf(uri)}: ${stat.size} bytes is over offload.maxFileSizeBytes (${maxBytes})`);
        return undefined;
      }
      const bytes = await vscode.workspace.fs.readFile(uri);
      // Invalid UTF-8 becomes U+FFFD, which the engine reports as not a text file.
      return new TextDecoder('utf-8').decode(bytes);
    } catch (err) {
      this.log.debug(`Could not read ${uri.toString(true)}: ${(err as Error)?.message ?? String(err)}`);
      return undefined;
    }
  }

  private upsert(uri: vscode.Uri, path: string): Entry {
    const key = uri.toString();
    let e = this.entries.get(key);
    if (!e) {
      e = { uri, path };
      this.entries.set(key, e);
      this.byPath.set(path, key);
    }
    return e;
  }

  private remove(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    if (this.byPath.get(e.path) === key) this.byPath.delete(e.path);
    this.diagnostics.clear(e.uri);
  }

  private async loadConfig(): Promise<void> {
    const uri = this.configUri();
    if (!uri) {
      this.config = undefined;
      this.configOptions = {};
      return;
    }
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const text = open ? open.getText() : await this.readDisk(uri, Number.POSITIVE_INFINITY);
    this.setConfigText(uri, text);
  }

  private setConfigText(uri: vscode.Uri, text: string | undefined): void {
    if (text === undefined) {
      this.config = undefined;
      this.configOptions = {};
      this.diagnostics.clear(uri);
      return;
    }
    this.config = { uri, path: this.pathOf(uri), text };
    this.configOptions = engineApi().parseConfig(text).options;
  }

  private readSettings(): void {
    const cfg = vscode.workspace.getConfiguration('offload', vscode.workspace.workspaceFolders?.[0]?.uri);
    const raw: RawSettings = {};
    for (const key of SETTING_KEYS) {
      const i = cfg.inspect(key);
      // Only values a user set: a default must not override .offload.yaml.
      const v = i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
      if (v !== undefined) raw[key] = v;
    }
    const { options, problems } = settingsToOptions(raw);
    for (const p of problems) this.log.warn(p);
    this.settings = options;
  }

  // --- events ------------------------------------------------------------------

  /** Starts tracking an open document when Offload analyses it. Returns whether it did. */
  private track(doc: vscode.TextDocument): boolean {
    if (!this.isAnalysed(doc)) return false;
    const e = this.upsert(doc.uri, this.pathOf(doc.uri, doc.languageId));
    if (!e.editor || e.editor.doc !== doc) e.editor = { doc, version: -1, text: '' };
    return true;
  }

  private onOpen(doc: vscode.TextDocument): void {
    if (this.isConfigDocument(doc)) return this.onConfigText(doc.getText());
    if (!this.track(doc)) return;
    const e = this.entries.get(doc.uri.toString())!;
    // An opened file whose text the scan already has needs no new analysis.
    if (e.disk !== undefined && e.disk === doc.getText() && this.result) {
      e.editor = { doc, version: doc.version, text: e.disk };
      e.analysedVersion = doc.version;
      return;
    }
    this.debouncer.schedule(0);
  }

  private onChange(ev: vscode.TextDocumentChangeEvent): void {
    if (!ev.contentChanges.length) return;
    if (this.isConfigDocument(ev.document)) return this.onConfigText(ev.document.getText());
    if (!this.entries.has(ev.document.uri.toString()) && !this.track(ev.document)) return;
    // The text is read lazily at analysis time (by version), not on every keystroke.
    if (this.liveAnalysis) this.debouncer.schedule(TYPING_DEBOUNCE_MS);
  }

  private onSave(doc: vscode.TextDocument): void {
    if (this.isConfigDocument(doc)) return this.onConfigText(doc.getText());
    const e = this.entries.get(doc.uri.toString());
    if (!e) return;
    e.disk = doc.getText();
    if (!this.liveAnalysis) this.debouncer.schedule(0);
  }

  private onClose(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const e = this.entries.get(key);
    if (this.isConfigDocument(doc)) {
      void this.withIdle(async () => {
        await this.loadConfig();
        this.debouncer.schedule(0);
      });
      return;
    }
    if (!e || e.editor?.doc !== doc) return;
    e.editor = undefined;
    if (doc.uri.scheme === 'untitled' || !vscode.workspace.getWorkspaceFolder(doc.uri)) this.remove(key);
    // Closed without saving, the disk text counts again; when it is what the last
    // analysis saw, the analysis is skipped as unchanged.
    this.debouncer.schedule(0);
  }

  private onDiskChange(uri: vscode.Uri): void {
    const path = this.pathOf(uri);
    if (!isManifestPath(path) || matchesAnyGlob(path, this.ignoreGlobs())) return;
    void this.refreshFromDisk(uri);
  }

  private async refreshFromDisk(uri: vscode.Uri): Promise<void> {
    await this.withIdle(async () => {
      const text = await this.readDisk(uri, this.maxBytes());
      const key = uri.toString();
      if (text === undefined) {
        if (!this.entries.get(key)?.editor) this.remove(key);
      } else {
        const e = this.upsert(uri, this.pathOf(uri));
        if (e.disk === text && this.result) return;
        e.disk = text;
      }
      this.debouncer.schedule(DISK_DEBOUNCE_MS);
    });
  }

  private onDiskDelete(uri: vscode.Uri): void {
    const prefix = uri.toString();
    let changed = false;
    for (const [key, e] of [...this.entries]) {
      if (key !== prefix && !key.startsWith(prefix + '/')) continue;
      if (e.editor) {
        e.disk = undefined;
        continue;
      }
      this.remove(key);
      changed = true;
    }
    if (changed) this.debouncer.schedule(DISK_DEBOUNCE_MS);
  }

  private onConfigDiskChange(uri: vscode.Uri): void {
    if (uri.toString() !== this.configUri()?.toString()) return;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open && open.isDirty) return;
    void this.withIdle(async () => {
      const before = this.scopeKey();
      await this.loadConfig();
      this.afterOptionsChange(before);
    });
  }

  private onConfigText(text: string): void {
    const uri = this.configUri();
    if (!uri) return;
    const before = this.scopeKey();
    this.setConfigText(uri, text);
    this.afterOptionsChange(before, TYPING_DEBOUNCE_MS);
  }

  private onSettingsChange(): void {
    const before = this.scopeKey();
    this.readSettings();
    this.afterOptionsChange(before);
  }

  /** What decides which files are read: a change means a rescan, anything else a re-analysis. */
  private scopeKey(): string {
    return JSON.stringify([this.ignoreGlobs(), this.maxBytes()]);
  }

  private afterOptionsChange(scopeBefore: string, delay = 0): void {
    if (this.scopeKey() !== scopeBefore) void this.scan();
    else this.debouncer.schedule(delay);
  }

  private async withIdle<T>(fn: () => Promise<T>): Promise<T> {
    const end = this.idle.begin();
    try {
      return await fn();
    } finally {
      end();
    }
  }

  // --- analysis ---------------------------------------------------------------

  /** Resolves once an analysis has seen the document's current text (code actions and hovers need exact ranges). */
  async ensureFresh(doc: vscode.TextDocument): Promise<void> {
    if (this.isConfigDocument(doc)) {
      if (this.config?.text !== doc.getText()) this.setConfigText(doc.uri, doc.getText());
      else if (this.result) return;
    } else {
      const e = this.entries.get(doc.uri.toString());
      if (this.result && (!e || e.analysedVersion === doc.version || !e.editor)) return;
    }
    await this.requestAnalysis();
  }

  /** Requests an analysis soon (debounced). */
  schedule(delayMs = 0): void {
    this.debouncer.schedule(delayMs);
  }

  /**
   * Analyses now. Runs one analysis at a time; a request made while one runs is
   * served by another run right after it, and the returned promise waits for that.
   */
  requestAnalysis(): Promise<void> {
    if (this.scanInFlight) {
      this.requestedDuringScan = true;
      return this.scanInFlight;
    }
    return this.analysisLoop();
  }

  private analysisLoop(): Promise<void> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    const end = this.idle.begin();
    this.running = (async () => {
      try {
        do {
          this.rerun = false;
          await this.runOnce();
        } while (this.rerun);
      } finally {
        this.running = undefined;
        end();
      }
    })();
    return this.running;
  }

  private async runOnce(): Promise<void> {
    const started = performance.now();
    if (this.analyzer.needsFullResend) this.sent.clear();
    // Snapshot the texts (open documents by version) and send only what changed.
    const current = new Map<string, string>();
    const versions: [Entry, number][] = [];
    const covered: { uri: vscode.Uri; path: string }[] = [];
    for (const e of this.entries.values()) {
      if (e.editor && e.editor.version !== e.editor.doc.version) {
        e.editor.text = e.editor.doc.getText();
        e.editor.version = e.editor.doc.version;
      }
      const text = e.editor?.text ?? e.disk;
      if (text === undefined) continue;
      current.set(e.path, text);
      covered.push({ uri: e.uri, path: e.path });
      if (e.editor) versions.push([e, e.editor.version]);
    }
    const changes: FileChange[] = [];
    for (const [path, text] of current) if (this.sent.get(path) !== text) changes.push({ path, text });
    for (const path of this.sent.keys()) if (!current.has(path)) changes.push({ path, text: null });
    const today = this.today();
    const inputsKey = JSON.stringify([this.settings, this.config?.text, this.config?.path, today]);
    const primed = this.primed;
    this.primed = false;
    if (!changes.length && !primed && this.result && inputsKey === this.lastInputsKey && !this.analyzer.needsFullResend) {
      for (const [e, v] of versions) e.analysedVersion = v;
      return;
    }
    this.sent = current;
    let output: Awaited<ReturnType<Analyzer['analyze']>>;
    try {
      output = await this.analyzer.analyze({
        changes,
        options: this.settings,
        configText: this.config?.text,
        configPath: this.config?.path,
        today,
      });
    } catch (err) {
      this.log.error(`Analysis failed: ${(err as Error)?.message ?? String(err)}`);
      // A crashed worker lost its files: the next run sends them all again.
      if (this.analyzer.needsFullResend) this.rerun = true;
      else this.sent.clear();
      this.primed = primed;
      return;
    }
    const { result, ms } = output;
    this.lastInputsKey = inputsKey;
    this.result = result;
    for (const [e, v] of versions) e.analysedVersion = v;
    if (this.config) covered.push({ uri: this.config.uri, path: this.config.path });
    // Files removed while the analysis ran keep no diagnostics.
    const live = covered.filter((c) => this.entries.has(c.uri.toString()) || c.uri.toString() === this.config?.uri.toString());
    this.diagnostics.publish(result, live, (f) => this.uriOf(f), output.signature);
    this.log.debug(
      `Analysed ${current.size} files (${changes.length} sent, ${output.changedFiles.length} with new results) in ${Math.round(ms)} ms (${this.analyzer.kind}), ${Math.round(performance.now() - started)} ms in all: ${result.findings.length} findings, ${result.workloads.length} workloads`,
    );
    this.onDidAnalyzeEmitter.fire(result);
  }

  /** Findings of the last analysis in one file. */
  findingsIn(uri: vscode.Uri): Finding[] {
    const key = uri.toString();
    const path = this.entries.get(key)?.path ?? (this.config?.uri.toString() === key ? this.config.path : undefined);
    if (!path || !this.result) return [];
    return this.result.findings.filter((f) => f.file === path);
  }

  /** The engine path of a tracked document (or the config file). */
  trackedPath(uri: vscode.Uri): string | undefined {
    const key = uri.toString();
    return this.entries.get(key)?.path ?? (this.config?.uri.toString() === key ? this.config.path : undefined);
  }

  /** The parse cache, shared with hovers so they reuse parsed documents. */
  get chunkCache(): ChunkCache {
    return (this.cache ??= new (engineApi().ChunkCache)());
  }

  dispose(): void {
    this.scanGeneration++;
    this.debouncer.dispose();
    this.analyzer.dispose();
    for (const d of this.disposables) d.dispose();
    this.disposables.length = 0;
  }
}
