/**
 * The one place engine data becomes VS Code objects (and back). The engine speaks
 * 0-based line / UTF-16 character positions, as VS Code does, so ranges convert
 * one to one.
 */
import * as vscode from 'vscode';
import type { Finding, Position, Range, RelatedLocation, Severity, TextEdit } from '../engine';

export const DIAGNOSTIC_SOURCE = 'offload';

export function toPosition(p: Position): vscode.Position {
  return new vscode.Position(Math.max(0, p.line), Math.max(0, p.character));
}

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(toPosition(r.start), toPosition(r.end));
}

export function fromPosition(p: vscode.Position): Position {
  return { line: p.line, character: p.character };
}

export function fromRange(r: vscode.Range): Range {
  return { start: fromPosition(r.start), end: fromPosition(r.end) };
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toSeverity(s: Severity): vscode.DiagnosticSeverity {
  return SEVERITY[s];
}

/** A command URI that opens the rule's docs page in the Markdown preview. */
export function ruleDocsUri(ruleId: string): vscode.Uri {
  return vscode.Uri.parse(`command:offload.openRuleDocs?${encodeURIComponent(JSON.stringify([ruleId]))}`);
}

/**
 * A finding as a diagnostic: `source` 'offload', `code` the rule id linked to its
 * docs, related locations for the other places involved (other files included).
 */
export function toDiagnostic(f: Finding, uriOf: (file: string) => vscode.Uri | undefined): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(f.range), f.message, toSeverity(f.severity));
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: f.ruleId, target: ruleDocsUri(f.ruleId) };
  const related = (f.related ?? []).flatMap((r: RelatedLocation) => {
    const uri = uriOf(r.file);
    return uri ? [new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(r.range)), r.message)] : [];
  });
  if (related.length) d.relatedInformation = related;
  return d;
}

/** The rule id of an Offload diagnostic, or undefined for other sources. */
export function ruleIdOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE || d.code === undefined) return undefined;
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Whether a diagnostic (as VS Code hands it back to a provider) shows this finding. */
export function sameFinding(d: vscode.Diagnostic, f: Finding): boolean {
  return ruleIdOf(d) === f.ruleId && d.message === f.message && d.range.isEqual(toRange(f.range));
}

export function toTextEdit(e: TextEdit): vscode.TextEdit {
  return new vscode.TextEdit(toRange(e.range), e.newText);
}

export function toWorkspaceEdit(uri: vscode.Uri, edits: readonly TextEdit[], edit = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  edit.set(uri, edits.map(toTextEdit));
  return edit;
}

/** Markdown from the engine, rendered untrusted: no command links, no HTML. */
export function toMarkdown(sections: readonly string[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString(sections.join('\n\n'));
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}
