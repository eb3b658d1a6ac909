/**
 * The Platform Guide webview: the workspace report, the region matrix, the EKS
 * version calendar and the Fargate size table. The page is media/guide.js + .css,
 * loaded under a strict CSP with a nonce; it renders with DOM APIs only. The panel
 * posts the engine's own JSON plus the knowledge tables; the page posts back typed,
 * validated messages. Its view state survives reloads through setState and the
 * panel serializer.
 */
import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis-service';
import type { Log } from '../log';
import { DEFAULT_GUIDE_STATE, parseFromWebview, parseGuideState } from './protocol';
import type { GuideTab, GuideViewState, RenderedCounts, ToWebview } from './protocol';
import { engineApi } from '../lazy';

export const GUIDE_VIEW_TYPE = 'offload.guide';
const TITLE = 'Offload: Platform Guide';

/** What the test API reports about the guide. */
export interface GuideSnapshot {
  open: boolean;
  visible: boolean;
  /** The page loaded and asked for data. */
  ready: boolean;
  state: GuideViewState;
  /** What the page last reported having rendered. */
  rendered?: RenderedCounts;
  /** The analysis the page was last sent (its summary), if any. */
  posted?: { workloads: number; findings: number };
}

export class GuidePanel implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private ready = false;
  private state: GuideViewState = { ...DEFAULT_GUIDE_STATE };
  private rendered: RenderedCounts | undefined;
  private posted: GuideSnapshot['posted'];
  private pendingFocus: ToWebview | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly renderedEmitter = new vscode.EventEmitter<GuideSnapshot>();
  /** Fires whenever the page reports what it rendered. */
  readonly onDidRender = this.renderedEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly service: AnalysisService,
    private readonly log: Log,
    private readonly today: () => string,
  ) {
    this.subscriptions.push(
      service.onDidAnalyze(() => this.postData()),
      service.onDidChangeBusy(() => this.postData()),
      this.renderedEmitter,
    );
  }

  /** Opens (or reveals) the guide, optionally on a tab and a workload. */
  show(focus?: { tab: GuideTab; workloadId?: string }): void {
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel(GUIDE_VIEW_TYPE, TITLE, vscode.ViewColumn.Beside, this.options());
      this.attach(panel);
    } else {
      this.panel.reveal(undefined, false);
    }
    if (focus) this.focus(focus);
  }

  /** Restores a guide after a reload (registered with registerWebviewPanelSerializer). */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    this.state = parseGuideState(state) ?? { ...DEFAULT_GUIDE_STATE };
    panel.webview.options = this.options();
    this.attach(panel);
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.disposePanel();
    this.panel = panel;
    this.ready = false;
    panel.title = TITLE;
    panel.iconPath = {
      light: vscode.Uri.joinPath(this.extensionUri, 'media', 'offload-light.svg'),
      dark: vscode.Uri.joinPath(this.extensionUri, 'media', 'offload-dark.svg'),
    };
    panel.webview.html = this.html(panel.webview);
    this.panelDisposables.push(
      panel.webview.onDidReceiveMessage((m) => this.onMessage(m)),
      // Without retainContextWhenHidden the page is destroyed while the panel is hidden
      // and loads again (posting 'ready') when it is shown: a message posted meanwhile is
      // lost, so until then a focus waits in pendingFocus and data for the next 'ready'.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.ready = false;
        this.rendered = undefined;
        this.posted = undefined;
        for (const d of this.panelDisposables) d.dispose();
        this.panelDisposables = [];
      }),
    );
  }

  private focus(focus: { tab: GuideTab; workloadId?: string }): void {
    const msg: ToWebview = { type: 'focus', tab: focus.tab, ...(focus.workloadId ? { workloadId: focus.workloadId } : {}) };
    this.state = { ...this.state, tab: focus.tab, ...(focus.workloadId ? { workloadId: focus.workloadId } : {}) };
    if (this.ready) void this.post(msg);
    else this.pendingFocus = msg;
  }

  private async onMessage(raw: unknown): Promise<void> {
    const msg = parseFromWebview(raw);
    if (!msg) {
      this.log.warn('Ignored a malformed message from the Platform Guide');
      return;
    }
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        await this.post({ type: 'restore', state: this.state });
        this.postData();
        if (this.pendingFocus) {
          await this.post(this.pendingFocus);
          this.pendingFocus = undefined;
        }
        return;
      case 'state':
        this.state = msg.state;
        this.rendered = msg.rendered;
        this.renderedEmitter.fire(this.snapshot());
        return;
      case 'reveal':
        await vscode.commands.executeCommand('offload.revealLocation', msg.file, msg.range);
        return;
      case 'command':
        await vscode.commands.executeCommand(msg.command);
        return;
    }
  }

  private postData(): void {
    if (!this.panel || !this.ready) return;
    const result = this.service.lastResult ?? null;
    const today = result?.target.today ?? this.today();
    this.posted = result ? { workloads: result.workloads.length, findings: result.findings.length } : undefined;
    void this.post({ type: 'data', payload: { result, knowledge: engineApi().guideKnowledge(today), busy: this.service.isScanning } });
  }

  private post(msg: ToWebview): Thenable<boolean> {
    return this.panel ? this.panel.webview.postMessage(msg) : Promise.resolve(false);
  }

  private html(webview: vscode.Webview): string {
    const nonce = makeNonce();
    const media = (f: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', f)).toString();
    const csp = [
      "default-src 'none'",
      `img-src ${webview.cspSource} data:`,
      `style-src ${webview.cspSource}`,
      `font-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${media('guide.css')}">
<title>${TITLE}</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="loading">Loading the Platform Guide…</p></main>
<script nonce="${nonce}" src="${media('guide.js')}"></script>
</body>
</html>`;
  }

  snapshot(): GuideSnapshot {
    return {
      open: !!this.panel,
      visible: !!this.panel?.visible,
      ready: this.ready,
      state: { ...this.state },
      ...(this.rendered ? { rendered: { ...this.rendered } } : {}),
      ...(this.posted ? { posted: { ...this.posted } } : {}),
    };
  }

  private disposePanel(): void {
    for (const d of this.panelDisposables) d.dispose();
    this.panelDisposables = [];
  }

  dispose(): void {
    this.disposePanel();
    this.panel?.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}

function makeNonce(): string {
  const bytes = new Uint8Array(24);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
