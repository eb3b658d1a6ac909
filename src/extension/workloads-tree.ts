/**
 * The Workloads view: the workspace recommendation first, then the workloads grouped
 * by recommended platform. Under a workload: why that platform, its fit on each of
 * the four platforms (pass / warning / error icons, reasons underneath) and its
 * findings. Every leaf with a location opens the source on click.
 */
import * as vscode from 'vscode';
import { PLATFORMS } from '../engine/types';
import type { AnalysisResult, Finding, FitStatus, PlatformId, Range, Severity, TraceStep, Workload } from '../engine';
import { engineApi } from './lazy';
import type { AnalysisService } from './analysis-service';

type Node =
  | { type: 'recommendation'; result: AnalysisResult }
  | { type: 'line'; text: string }
  | { type: 'group'; platform: PlatformId; workloads: Workload[] }
  | { type: 'workload'; workload: Workload; findings: Finding[] }
  | { type: 'why'; workload: Workload }
  | { type: 'fit'; workload: Workload; platform: PlatformId }
  | { type: 'step'; step: TraceStep }
  | { type: 'finding'; finding: Finding };

const FIT_ICON: Record<FitStatus, [string, string]> = {
  fits: ['pass', 'testing.iconPassed'],
  'needs-changes': ['warning', 'problemsWarningIcon.foreground'],
  blocked: ['error', 'problemsErrorIcon.foreground'],
};
const FIT_TEXT: Record<FitStatus, string> = { fits: 'fits', 'needs-changes': 'needs changes', blocked: 'blocked' };
const SEVERITY_ICON: Record<Severity, [string, string]> = {
  error: ['error', 'problemsErrorIcon.foreground'],
  warning: ['warning', 'problemsWarningIcon.foreground'],
  info: ['info', 'problemsInfoIcon.foreground'],
  hint: ['lightbulb', 'problemsInfoIcon.foreground'],
};

/** A plain copy of a tree item, for the test API. */
export interface TreeItemSnapshot {
  label: string;
  description?: string;
  tooltip?: string;
  icon?: string;
  command?: string;
  children?: TreeItemSnapshot[];
}

export class WorkloadsTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly service: AnalysisService) {
    this.subscription = service.onDidAnalyze(() => this.changed.fire(undefined));
  }

  getChildren(node?: Node): Node[] {
    const result = this.service.lastResult;
    if (!result) return [];
    if (!node) {
      if (!result.workloads.length) return [];
      const groups = PLATFORMS.map((platform) => ({
        type: 'group' as const,
        platform,
        workloads: result.workloads.filter((w) => w.recommendation.platform === platform),
      })).filter((g) => g.workloads.length);
      return [{ type: 'recommendation', result }, ...groups];
    }
    switch (node.type) {
      case 'recommendation':
        return node.result.recommendation.lines.map((text) => ({ type: 'line', text }));
      case 'group':
        return node.workloads.map((workload) => ({ type: 'workload', workload, findings: result.findings.filter((f) => f.workloadId === workload.id) }));
      case 'workload':
        return [
          { type: 'why', workload: node.workload },
          ...PLATFORMS.map((platform) => ({ type: 'fit' as const, workload: node.workload, platform })),
          ...node.findings.map((finding) => ({ type: 'finding' as const, finding })),
        ];
      case 'why':
        return node.workload.recommendation.reasons.map((step) => ({ type: 'step', step }));
      case 'fit':
        return node.workload.fit[node.platform].reasons.map((r) => ({ type: 'step', step: r }));
      default:
        return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const C = vscode.TreeItemCollapsibleState;
    switch (node.type) {
      case 'recommendation': {
        const r = node.result.recommendation;
        const item = new vscode.TreeItem('Recommendation', C.Expanded);
        item.description = r.summary;
        item.tooltip = r.lines.join('\n');
        item.iconPath = new vscode.ThemeIcon('lightbulb');
        item.id = 'recommendation';
        return item;
      }
      case 'line': {
        const item = new vscode.TreeItem(node.text, C.None);
        item.tooltip = node.text;
        return item;
      }
      case 'group': {
        const item = new vscode.TreeItem(engineApi().PLATFORM_LABELS[node.platform], C.Expanded);
        item.description = `${node.workloads.length} ${node.workloads.length === 1 ? 'workload' : 'workloads'}`;
        item.iconPath = new vscode.ThemeIcon(node.platform.endsWith('fargate') ? 'cloud' : 'server');
        item.id = `group:${node.platform}`;
        item.contextValue = 'platformGroup';
        return item;
      }
      case 'workload': {
        const w = node.workload;
        const item = new vscode.TreeItem(w.name, C.Collapsed);
        item.id = `workload:${w.id}`;
        item.description = [w.kind, w.namespace, `${w.file}:${w.range.start.line + 1}`].filter(Boolean).join(' · ');
        const [icon, color] = FIT_ICON[w.fit[w.recommendation.platform].status];
        item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
        item.tooltip = workloadTooltip(w);
        item.command = this.reveal(w.file, w.range, `Open ${w.kind} ${w.name}`);
        item.contextValue = 'workload';
        return item;
      }
      case 'why': {
        const w = node.workload;
        const item = new vscode.TreeItem(`Why ${engineApi().PLATFORM_LABELS[w.recommendation.platform]}`, w.recommendation.reasons.length ? C.Collapsed : C.None);
        item.id = `why:${w.id}`;
        item.description = w.recommendation.summary;
        item.tooltip = w.recommendation.summary;
        item.iconPath = new vscode.ThemeIcon('question');
        item.command = { title: 'Explain platform choice', command: 'offload.explainWorkload', arguments: [w.id] };
        return item;
      }
      case 'fit': {
        const f = node.workload.fit[node.platform];
        const item = new vscode.TreeItem(engineApi().PLATFORM_LABELS[node.platform], f.reasons.length ? C.Collapsed : C.None);
        item.id = `fit:${node.workload.id}:${node.platform}`;
        const recommended = node.workload.recommendation.platform === node.platform;
        item.description = FIT_TEXT[f.status] + (recommended ? ' · recommended' : '');
        const [icon, color] = FIT_ICON[f.status];
        item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
        item.tooltip = `${engineApi().PLATFORM_LABELS[node.platform]}: ${FIT_TEXT[f.status]}${f.reasons.length ? '\n' + f.reasons.map((r) => `• ${r.message}`).join('\n') : ''}`;
        item.accessibilityInformation = { label: `${engineApi().PLATFORM_LABELS[node.platform]}: ${FIT_TEXT[f.status]}${recommended ? ', recommended' : ''}` };
        return item;
      }
      case 'step': {
        const s = node.step;
        const item = new vscode.TreeItem(s.message, C.None);
        item.tooltip = s.ruleId ? `${s.message} (${s.ruleId})` : s.message;
        item.iconPath = new vscode.ThemeIcon('debug-stackframe-dot');
        if (s.file && s.range) item.command = this.reveal(s.file, s.range, 'Open the source');
        return item;
      }
      case 'finding': {
        const f = node.finding;
        const item = new vscode.TreeItem(f.message, C.None);
        item.description = `${f.ruleId} · line ${f.range.start.line + 1}`;
        item.tooltip = `${f.severity}: ${f.message} (${f.ruleId})`;
        const [icon, color] = SEVERITY_ICON[f.severity];
        item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
        item.command = this.reveal(f.file, f.range, 'Open the finding');
        item.contextValue = 'finding';
        return item;
      }
    }
  }

  private reveal(file: string, range: Range, title: string): vscode.Command {
    return { title, command: 'offload.revealLocation', arguments: [file, range] };
  }

  /** The tree as plain data, `depth` levels deep, for integration tests. */
  async snapshot(depth = 3): Promise<TreeItemSnapshot[]> {
    const walk = (nodes: Node[], level: number): TreeItemSnapshot[] =>
      nodes.map((n) => {
        const item = this.getTreeItem(n);
        const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
        const snap: TreeItemSnapshot = { label };
        if (typeof item.description === 'string') snap.description = item.description;
        if (item.tooltip) snap.tooltip = typeof item.tooltip === 'string' ? item.tooltip : item.tooltip.value;
        if (item.iconPath instanceof vscode.ThemeIcon) snap.icon = item.iconPath.id;
        if (item.command) snap.command = item.command.command;
        if (level < depth) {
          const kids = this.getChildren(n);
          if (kids.length) snap.children = walk(kids, level + 1);
        }
        return snap;
      });
    return walk(this.getChildren(), 1);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function workloadTooltip(w: Workload): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendText(`${w.kind} ${w.name}`);
  md.appendMarkdown('\n\n');
  for (const p of PLATFORMS) {
    const f = w.fit[p];
    md.appendMarkdown(`$(${FIT_ICON[f.status][0]}) `);
    md.appendText(`${engineApi().PLATFORM_LABELS[p]}: ${FIT_TEXT[f.status]}${w.recommendation.platform === p ? ' (recommended)' : ''}`);
    md.appendMarkdown('  \n');
  }
  if (w.fargate) {
    md.appendMarkdown('\n');
    md.appendText(`Fargate: ${w.fargate.label}, $${w.fargate.hourlyUsd.toFixed(4)}/hour, about $${w.fargate.monthlyUsd.toFixed(2)}/month`);
  }
  return md;
}
