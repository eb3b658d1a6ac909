/**
 * "EKS 1.34 · us-east-1" in the status bar, with a warning icon when the target
 * version is in extended support or past it. Clicking it changes the target.
 */
import * as vscode from 'vscode';
import type { AnalysisResult } from '../engine';
import type { AnalysisService } from './analysis-service';
import { engineApi } from './lazy';

const SOURCE: Record<AnalysisResult['target']['eksVersionSource'], string> = {
  option: 'the offload.eksVersion setting',
  config: '.offload.yaml',
  eksctl: 'the eksctl ClusterConfig',
  latest: 'the newest EKS version (nothing sets one)',
};

export class TargetStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('offload.target', vscode.StatusBarAlignment.Right, 100);
  private readonly subscription: vscode.Disposable;

  constructor(service: AnalysisService) {
    this.item.name = 'Offload target';
    this.item.command = 'offload.changeTarget';
    this.subscription = service.onDidAnalyze((r) => this.update(r));
    if (service.lastResult) this.update(service.lastResult);
  }

  /** The text shown, exposed for the test API. */
  get text(): string {
    return this.item.text;
  }

  private update(r: AnalysisResult): void {
    const t = r.target;
    const s = engineApi().eksSupportStatus(t.eksVersion, t.today);
    const warn = s.status === 'extended' || s.status === 'end-of-life' || s.status === 'unknown';
    const regions = t.regions.length > 1 ? `${t.regions[0]} +${t.regions.length - 1}` : t.regions[0] ?? '';
    this.item.text = `${warn ? '$(warning) ' : ''}EKS ${t.eksVersion} · ${regions}`;
    this.item.backgroundColor = s.status === 'end-of-life' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = false;
    md.appendMarkdown('**Offload target**\n\n');
    md.appendText(`EKS ${t.eksVersion}, from ${SOURCE[t.eksVersionSource]}: `);
    const phase = { standard: 'in standard support', extended: 'in extended support, at extra cost', 'end-of-life': 'past the end of support', 'not-yet-released': 'not released yet', unknown: 'not in the calendar' }[s.status];
    md.appendText(`${phase} on ${t.today}.`);
    if (s.next) md.appendText(` Next change: ${s.next.status} on ${s.next.date}.`);
    md.appendMarkdown('\n\n');
    md.appendText(`Regions: ${t.regions.join(', ')}`);
    md.appendMarkdown('\n\n');
    md.appendText(`Data as of ${r.tool.dataAsOf}. Click to change the target.`);
    this.item.tooltip = md;
    this.item.accessibilityInformation = { label: `Offload target: EKS ${t.eksVersion}, ${phase}; regions ${t.regions.join(', ')}` };
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
