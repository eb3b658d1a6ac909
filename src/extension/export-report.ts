/** offload.exportReport: the CLI's pure formatters, written where the user chooses. */
import * as vscode from 'vscode';
import type { AnalysisResult } from '../engine';
import type { Log } from './log';
import { engineApi } from './lazy';

const FORMATS = [
  { label: 'Markdown', description: 'a readable report', ext: 'md', format: (r: AnalysisResult) => engineApi().formatMarkdown(r) },
  { label: 'SARIF', description: 'for code scanning (GitHub, Azure DevOps)', ext: 'sarif', format: (r: AnalysisResult) => engineApi().formatSarif(r, engineApi().ruleDocs()) },
  { label: 'JSON', description: 'the full analysis, as the CLI prints it', ext: 'json', format: (r: AnalysisResult) => engineApi().formatJson(r) },
];

export async function exportReport(result: AnalysisResult | undefined, log: Log, format?: unknown): Promise<vscode.Uri | undefined> {
  if (!result) {
    void vscode.window.showInformationMessage('Offload has not analysed the workspace yet.');
    return undefined;
  }
  const chosen = FORMATS.find((f) => f.ext === format || f.label.toLowerCase() === String(format).toLowerCase()) ?? (await vscode.window.showQuickPick(FORMATS, { title: 'Offload: export report', placeHolder: 'Format' }));
  if (!chosen) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: 'Export Offload report',
    defaultUri: folder ? vscode.Uri.joinPath(folder, `offload-report.${chosen.ext}`) : undefined,
    filters: { [chosen.label]: [chosen.ext] },
  });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(chosen.format(result)));
  log.info(`Exported a ${chosen.label} report to ${target.toString(true)}`);
  void vscode.window.showInformationMessage(`Offload report saved: ${vscode.workspace.asRelativePath(target)}`, 'Open').then((a) => {
    if (a === 'Open') void vscode.window.showTextDocument(target);
  });
  return target;
}
