/**
 * Rule documentation: the docs/rules/<id>.md page shipped in the VSIX, opened in the
 * Markdown preview. A rule without a shipped page gets one generated from its
 * metadata (served from the `offload-docs:` scheme), so a link never dead-ends.
 */
import * as vscode from 'vscode';
import { engineApi } from './lazy';

export const DOCS_SCHEME = 'offload-docs';
const RULE_ID = /^[a-z0-9][a-z0-9-]{0,80}$/;

export class RuleDocsProvider implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): string {
    const id = uri.path.replace(/^\/rules\//, '').replace(/\.md$/, '');
    const d = engineApi().ruleDocs().find((x) => x.id === id);
    if (!d) return `# ${id}\n\nOffload has no rule with this id.\n`;
    return [
      `# ${d.id}`,
      '',
      d.title,
      '',
      '## What it checks',
      '',
      d.description,
      '',
      '## How to fix',
      '',
      d.remediation,
      '',
      `Platforms: ${d.platforms.join(', ') || 'none'} · effect: ${d.effect} · default severity: ${d.defaultSeverity}`,
      '',
      '## Sources',
      '',
      ...d.sources.map((s) => `- ${s}`),
      '',
    ].join('\n');
  }
}

export async function openRuleDocs(extensionUri: vscode.Uri, ruleId?: unknown): Promise<void> {
  let id = typeof ruleId === 'string' ? ruleId : undefined;
  if (!id) {
    const pick = await vscode.window.showQuickPick(
      engineApi().ruleDocs().map((d) => ({ label: d.id, description: d.title, detail: d.description })),
      { title: 'Offload: rule documentation', matchOnDescription: true },
    );
    id = pick?.label;
  }
  if (!id || !RULE_ID.test(id)) return;
  const shipped = vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${id}.md`);
  const exists = await vscode.workspace.fs.stat(shipped).then(
    () => true,
    () => false,
  );
  const uri = exists ? shipped : vscode.Uri.from({ scheme: DOCS_SCHEME, path: `/rules/${id}.md` });
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(uri, { preview: true });
  }
}
