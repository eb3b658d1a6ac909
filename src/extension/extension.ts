/**
 * The composition root: builds the services, registers them, pushes every disposable
 * into context.subscriptions and returns the test API. Nothing else happens here;
 * the workspace scan starts after activate() returns (AnalysisService.start).
 *
 * The extension only reads files (through workspace.fs), never reaches the network
 * and never executes anything from the workspace, which is why it declares support
 * for untrusted and virtual workspaces.
 *
 * Test API — `await vscode.extensions.getExtension('offload-dev.offload').activate()`
 * returns an {@link OffloadApi}:
 * - `getLastResult()`: the last AnalysisResult (the same JSON `offload scan --format json` prints), or undefined before the first analysis.
 * - `whenIdle()`: resolves once no scan, file read, debounce timer or analysis is pending. Events that VS Code has not delivered yet (a file watcher firing after a write) are not known; wait for diagnostics for those.
 * - `getTreeItems(depth?)`: the Workloads view as plain data ({label, description, tooltip, icon, command, children}).
 * - `getGuideState()`: the Platform Guide: open/visible/ready, its view state (tab, filter, workload) and what the page reported having rendered.
 * - `whenGuideRendered()`: resolves with the guide state the next time the page reports a render made with data
 *   (subscribe before running the command that opens or changes the guide).
 * - `getStatusBarText()`: the target shown in the status bar.
 */
import * as vscode from 'vscode';
import type { AnalysisResult, Range } from '../engine';
import { AnalysisService } from './analysis-service';
import { createAnalyzer } from './analyzer';
import { OffloadCodeActions, fixAllInDocument, selectReason } from './code-actions';
import { toRange } from './convert';
import { exportReport } from './export-report';
import { OffloadHoverProvider } from './hover';
import { createLog } from './log';
import { DOCS_SCHEME, RuleDocsProvider, openRuleDocs } from './rule-docs';
import { TargetStatusBar } from './status-bar';
import { TargetPicker } from './target';
import { GUIDE_VIEW_TYPE, GuidePanel } from './webview/panel';
import type { GuideSnapshot } from './webview/panel';
import { WorkloadsTree } from './workloads-tree';
import type { TreeItemSnapshot } from './workloads-tree';

export interface OffloadApi {
  getLastResult(): AnalysisResult | undefined;
  whenIdle(): Promise<void>;
  getTreeItems(depth?: number): Promise<TreeItemSnapshot[]>;
  getGuideState(): GuideSnapshot;
  whenGuideRendered(): Promise<GuideSnapshot>;
  getStatusBarText(): string;
}

/** The documents Offload looks at: YAML, JSON, Dockerfiles, compose. Any scheme that holds files. */
const SELECTOR: vscode.DocumentSelector = [
  { language: 'yaml' },
  { language: 'json' },
  { language: 'jsonc' },
  { language: 'dockerfile' },
  { language: 'dockercompose' },
  { pattern: '**/{Dockerfile,Dockerfile.*,*.Dockerfile,Containerfile}' },
];

export function activate(context: vscode.ExtensionContext): OffloadApi {
  const today = () => new Date().toISOString().slice(0, 10);
  const log = createLog();
  // The analysis runs in a worker thread next to this bundle (dist/analysis-worker.js).
  const service = new AnalysisService(log, createAnalyzer(__dirname, (m) => log.info(m)), today);
  const tree = new WorkloadsTree(service);
  const treeView = vscode.window.createTreeView('offload.workloads', { treeDataProvider: tree, showCollapseAll: true });
  const status = new TargetStatusBar(service);
  const guide = new GuidePanel(context.extensionUri, service, log, today);
  const target = new TargetPicker(service, log, today);
  const command = (id: string, fn: (...args: unknown[]) => unknown) => vscode.commands.registerCommand(id, fn);

  context.subscriptions.push(
    log,
    service,
    tree,
    treeView,
    // An empty tree shows the viewsWelcome content (a tree message would hide it).
    service.onDidAnalyze((r) => (treeView.description = `EKS ${r.target.eksVersion} · ${r.target.regions.join(', ')}`)),
    status,
    guide,
    vscode.languages.registerHoverProvider(SELECTOR, new OffloadHoverProvider(service, today)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new OffloadCodeActions(service), OffloadCodeActions.metadata),
    vscode.workspace.registerTextDocumentContentProvider(DOCS_SCHEME, new RuleDocsProvider()),
    vscode.window.registerWebviewPanelSerializer(GUIDE_VIEW_TYPE, guide),
    command('offload.scan', () => service.scan()),
    command('offload.showGuide', (tab?: unknown) => guide.show(isTab(tab) ? { tab } : undefined)),
    command('offload.explainWorkload', (arg?: unknown) => guide.show({ tab: 'report', workloadId: workloadIdOf(arg) })),
    command('offload.changeTarget', () => target.pickTarget()),
    command('offload.setTargetVersion', () => target.pickVersion()),
    command('offload.setRegions', () => target.pickRegions()),
    command('offload.exportReport', (format?: unknown) => exportReport(service.lastResult, log, format)),
    command('offload.openRuleDocs', (id?: unknown) => openRuleDocs(context.extensionUri, id)),
    command('offload.fixAllInFile', async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc) return;
      const n = await fixAllInDocument(service, doc);
      void vscode.window.setStatusBarMessage(n ? `Offload: applied ${n} ${n === 1 ? 'fix' : 'fixes'}` : 'Offload: nothing to fix in this file', 4000);
    }),
    command('offload.revealLocation', (file?: unknown, range?: unknown) => reveal(service, file, range)),
    command('offload.selectReason', (uri?: unknown, line?: unknown) => selectReason(uri, line)),
  );
  service.start();

  return {
    getLastResult: () => service.lastResult,
    whenIdle: () => service.whenIdle(),
    getTreeItems: (depth?: number) => tree.snapshot(depth),
    getGuideState: () => guide.snapshot(),
    whenGuideRendered: () =>
      new Promise((resolve) => {
        // The page reports on every tab switch too; wait for one made with data.
        const sub = guide.onDidRender((s) => {
          if (!s.rendered?.sizes) return;
          sub.dispose();
          resolve(s);
        });
      }),
    getStatusBarText: () => status.text,
  };
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}

/** A workload id, from a code action (the id) or the Workloads view's context menu (its node). */
function workloadIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  const id = (arg as { workload?: { id?: unknown } } | undefined)?.workload?.id;
  return typeof id === 'string' ? id : undefined;
}

function isTab(x: unknown): x is 'report' | 'regions' | 'versions' | 'fargate' {
  return x === 'report' || x === 'regions' || x === 'versions' || x === 'fargate';
}

function isRange(x: unknown): x is Range {
  const pos = (p: unknown) => !!p && typeof p === 'object' && Number.isInteger((p as { line: unknown }).line) && Number.isInteger((p as { character: unknown }).character);
  return !!x && typeof x === 'object' && pos((x as Range).start) && pos((x as Range).end);
}

/** Opens an engine location (workspace-relative path + range) in an editor. */
async function reveal(service: AnalysisService, file: unknown, range: unknown): Promise<void> {
  if (typeof file !== 'string') return;
  const uri = service.uriOf(file);
  if (!uri) return;
  const selection = isRange(range) ? toRange(range) : undefined;
  await vscode.window.showTextDocument(uri, { selection, preview: true, viewColumn: vscode.ViewColumn.One });
}
