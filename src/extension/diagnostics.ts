/**
 * Publishes each analysis as per-file diagnostics. A file's diagnostics are replaced
 * only when its findings changed, so re-analysing the workspace after one keystroke
 * does not make every file's squiggles flicker or fire change events.
 */
import * as vscode from 'vscode';
import type { AnalysisResult, Finding } from '../engine';
import { toDiagnostic } from './convert';

export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('offload');
  /** uri string → signature of the findings last published for it. */
  private readonly published = new Map<string, { uri: vscode.Uri; signature: string }>();

  /**
   * @param files every file the analysis covered, so a file whose findings went away
   *   is cleared; files missing from the list lose their diagnostics.
   * @param signatureOf a short signature of a file's findings (from the analyzer); a
   *   file is re-published only when it changed.
   */
  publish(
    result: AnalysisResult,
    files: readonly { uri: vscode.Uri; path: string }[],
    uriOf: (file: string) => vscode.Uri | undefined,
    signatureOf: (file: string) => string = (file) => JSON.stringify(result.findings.filter((f) => f.file === file)),
  ): void {
    const targets = new Map<string, { uri: vscode.Uri; path: string }>();
    for (const f of files) targets.set(f.uri.toString(), f);
    const withFindings = new Set(result.findings.map((f) => f.file));
    for (const file of withFindings) {
      const uri = uriOf(file);
      if (uri && !targets.has(uri.toString())) targets.set(uri.toString(), { uri, path: file });
    }
    let byFile: Map<string, Finding[]> | undefined;
    for (const [key, { uri, path }] of targets) {
      const signature = withFindings.has(path) ? signatureOf(path) : '';
      if (this.published.get(key)?.signature === signature) continue;
      if (!byFile) {
        byFile = new Map();
        for (const f of result.findings) (byFile.get(f.file) ?? byFile.set(f.file, []).get(f.file)!).push(f);
      }
      const findings = byFile.get(path) ?? [];
      if (findings.length) this.collection.set(uri, findings.map((f) => toDiagnostic(f, uriOf)));
      else this.collection.delete(uri);
      this.published.set(key, { uri, signature });
    }
    for (const [key, { uri }] of [...this.published]) {
      if (targets.has(key)) continue;
      this.collection.delete(uri);
      this.published.delete(key);
    }
  }

  clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
    this.published.delete(uri.toString());
  }

  dispose(): void {
    this.collection.dispose();
  }
}
