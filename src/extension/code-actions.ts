/**
 * Quick fixes and the fix-all source action.
 *
 * - A finding's `fix` is the preferred quick fix; its `suggestions` follow.
 * - "Ignore <rule> here" inserts `# offload-ignore <rule>: <reason>` above the line,
 *   indented like it, then selects `<reason>` so the user types one. JSON files get
 *   no such action: the engine's parser would accept a `//` comment, but
 *   `aws ecs register-task-definition --cli-input-json` and `kubectl` reject one, so a
 *   suppression would break the file for the tools it is written for. `.jsonc` files
 *   (and documents in the `jsonc` language) do get a `//` comment.
 * - "Fix all Offload problems in this file" (`source.fixAll.offload`) applies every
 *   fix that does not overlap another, in document order (engine fixAllEdits).
 * - "Explain platform choice" opens the Platform Guide at the workload.
 */
import * as vscode from 'vscode';
import type { Finding } from '../engine';
import type { AnalysisService } from './analysis-service';
import { DIAGNOSTIC_SOURCE, ruleIdOf, sameFinding, toTextEdit, toWorkspaceEdit } from './convert';
import { engineApi } from './lazy';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('offload');
export const EXPLAIN_KIND = vscode.CodeActionKind.QuickFix.append('offload.explain');

export class OffloadCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, EXPLAIN_KIND, FIX_ALL_KIND],
  };

  constructor(private readonly service: AnalysisService) {}

  async provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    const isConfig = this.service.isConfigDocument(doc);
    if (!isConfig && !this.service.isAnalysed(doc)) return [];
    await this.service.ensureFresh(doc);
    if (token.isCancellationRequested) return [];
    const findings = this.service.findingsIn(doc.uri);
    const only = context.only;
    const wants = (kind: vscode.CodeActionKind) => !only || only.contains(kind);
    const actions: vscode.CodeAction[] = [];

    if (wants(vscode.CodeActionKind.QuickFix)) {
      for (const d of context.diagnostics) {
        if (d.source !== DIAGNOSTIC_SOURCE) continue;
        const f = findings.find((x) => sameFinding(d, x));
        if (!f) continue;
        actions.push(...this.fixesFor(doc, f, d));
      }
    }
    if (wants(EXPLAIN_KIND) && !isConfig) {
      const explain = this.explain(doc, range, findings, context.diagnostics);
      if (explain) actions.push(explain);
    }
    if (wants(FIX_ALL_KIND)) {
      const all = this.fixAll(doc, findings);
      if (all) actions.push(all);
    }
    return actions;
  }

  private fixesFor(doc: vscode.TextDocument, f: Finding, d: vscode.Diagnostic): vscode.CodeAction[] {
    const out: vscode.CodeAction[] = [];
    if (f.fix) {
      const a = new vscode.CodeAction(f.fix.title, vscode.CodeActionKind.QuickFix);
      a.edit = toWorkspaceEdit(doc.uri, f.fix.edits);
      a.diagnostics = [d];
      a.isPreferred = true;
      out.push(a);
    }
    for (const s of f.suggestions ?? []) {
      const a = new vscode.CodeAction(s.title, vscode.CodeActionKind.QuickFix);
      a.edit = toWorkspaceEdit(doc.uri, s.edits);
      a.diagnostics = [d];
      out.push(a);
    }
    const comment = commentStyle(doc);
    if (comment) {
      const line = f.range.start.line;
      const a = new vscode.CodeAction(`Ignore ${f.ruleId} here`, vscode.CodeActionKind.QuickFix);
      a.edit = toWorkspaceEdit(doc.uri, [engineApi().suppressionEdit(doc.getText(), line, f.ruleId, comment === 'json')]);
      a.diagnostics = [d];
      a.command = { title: 'Type the reason', command: 'offload.selectReason', arguments: [doc.uri.toString(), line] };
      out.push(a);
    }
    const docs = new vscode.CodeAction(`Show documentation for ${ruleIdOf(d) ?? f.ruleId}`, vscode.CodeActionKind.QuickFix);
    docs.command = { title: 'Show documentation', command: 'offload.openRuleDocs', arguments: [f.ruleId] };
    docs.diagnostics = [d];
    out.push(docs);
    return out;
  }

  private explain(doc: vscode.TextDocument, range: vscode.Range, findings: Finding[], diagnostics: readonly vscode.Diagnostic[]): vscode.CodeAction | undefined {
    const result = this.service.lastResult;
    if (!result) return undefined;
    const fromDiagnostic = diagnostics
      .map((d) => findings.find((f) => sameFinding(d, f))?.workloadId)
      .find((id): id is string => !!id);
    const path = this.service.trackedPath(doc.uri);
    if (!path) return undefined;
    const w = fromDiagnostic
      ? result.workloads.find((x) => x.id === fromDiagnostic)
      : engineApi().workloadAt({ path, text: doc.getText() }, doc.offsetAt(range.start), result, this.service.chunkCache);
    if (!w) return undefined;
    const a = new vscode.CodeAction(`Explain platform choice for ${w.kind} ${w.name}`, EXPLAIN_KIND);
    a.command = { title: 'Explain platform choice', command: 'offload.explainWorkload', arguments: [w.id] };
    return a;
  }

  private fixAll(doc: vscode.TextDocument, findings: Finding[]): vscode.CodeAction | undefined {
    const path = this.service.trackedPath(doc.uri);
    if (!path) return undefined;
    const all = engineApi().fixAllEdits(doc.getText(), path, findings);
    if (!all.edits.length) return undefined;
    const a = new vscode.CodeAction('Fix all Offload problems in this file', FIX_ALL_KIND);
    const edit = new vscode.WorkspaceEdit();
    edit.set(doc.uri, all.edits.map(toTextEdit));
    a.edit = edit;
    return a;
  }
}

/** Which suppression comment a document takes, or undefined when it must not get one. */
export function commentStyle(doc: vscode.TextDocument): 'hash' | 'json' | undefined {
  if (doc.languageId === 'jsonc' || /\.jsonc$/i.test(doc.uri.path)) return 'json';
  if (doc.languageId === 'json' || /\.json$/i.test(doc.uri.path)) return undefined;
  // YAML, compose and Dockerfiles all take `#` comments.
  return 'hash';
}

/**
 * Applies every non-overlapping fix in the document, re-analysing between rounds so
 * fixes skipped for overlapping an earlier one are picked up (at most five rounds).
 */
export async function fixAllInDocument(service: AnalysisService, doc: vscode.TextDocument): Promise<number> {
  let applied = 0;
  for (let round = 0; round < 5; round++) {
    await service.ensureFresh(doc);
    const path = service.trackedPath(doc.uri);
    if (!path) break;
    const all = engineApi().fixAllEdits(doc.getText(), path, service.findingsIn(doc.uri));
    if (!all.edits.length) break;
    const edit = new vscode.WorkspaceEdit();
    edit.set(doc.uri, all.edits.map(toTextEdit));
    if (!(await vscode.workspace.applyEdit(edit))) break;
    applied += all.fixes;
    if (!all.skipped) break;
  }
  return applied;
}

/** Selects the `<reason>` placeholder of a suppression comment just inserted at `line`. */
export function selectReason(uriString: unknown, line: unknown): void {
  if (typeof uriString !== 'string' || typeof line !== 'number') return;
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uriString);
  if (!editor || line < 0 || line >= editor.document.lineCount) return;
  const text = editor.document.lineAt(line).text;
  const at = text.indexOf(engineApi().REASON_PLACEHOLDER);
  if (at < 0) return;
  editor.selection = new vscode.Selection(line, at, line, at + engineApi().REASON_PLACEHOLDER.length);
  editor.revealRange(editor.selection);
}
