// Helpers for tests that run inside VS Code. Every wait is driven by a VS Code
// event and bounded by a deadline; none sleeps for a fixed time. A timeout
// fails with what was seen instead, so a red test says what went wrong.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'offload-dev.offload';
/** Diagnostics published by Offload carry this source; `code` is the rule id. */
export const SOURCE = 'offload';
/** Where tests write their own fixtures inside the (throwaway) workspace. */
export const FIXTURE_DIR = 'offload-it';

const DEFAULT_TIMEOUT_MS = 20_000;

let activeAtStart = false;
export function recordStartState(active: boolean): void {
  activeAtStart = active;
}
/** Whether the extension was already active when the suite started, i.e. its activation events fired. */
export function wasActiveAtStart(): boolean {
  return activeAtStart;
}

/**
 * Resolves once `check` returns a value other than `undefined`. `check` runs now
 * and again after each of `events` fires; the wait rejects after `timeoutMs`
 * with `describe()` in the message.
 */
export function waitFor<T>(
  check: () => T | undefined | Promise<T | undefined>,
  events: vscode.Event<unknown>[],
  { timeoutMs = DEFAULT_TIMEOUT_MS, what = 'condition', describe }: { timeoutMs?: number; what?: string; describe?: () => string } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const subs: vscode.Disposable[] = [];
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      subs.forEach((d) => d.dispose());
      fn();
    };
    const attempt = async () => {
      try {
        const value = await check();
        if (value !== undefined) finish(() => resolve(value));
      } catch (err) {
        finish(() => reject(err));
      }
    };
    const timer = setTimeout(() => {
      const seen = describe ? `\n  seen: ${describe()}` : '';
      finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${seen}`)));
    }, timeoutMs);
    for (const event of events) subs.push(event(() => void attempt()));
    void attempt();
  });
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function offloadDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function formatDiagnostics(diags: readonly vscode.Diagnostic[]): string {
  if (diags.length === 0) return '(no diagnostics)';
  return diags.map((d) => `${d.source ?? '?'}/${codeOf(d) ?? '?'} at ${formatRange(d.range)}: ${d.message}`).join('; ');
}

export function formatRange(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** Waits until Offload's diagnostics for `uri` satisfy `predicate`; returns them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diags: vscode.Diagnostic[]) => boolean,
  { timeoutMs = DEFAULT_TIMEOUT_MS, what = 'diagnostics' }: { timeoutMs?: number; what?: string } = {},
): Promise<vscode.Diagnostic[]> {
  const key = uri.toString();
  const changedHere: vscode.Event<unknown> = (listener) =>
    vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) listener(e);
    });
  return waitFor(
    () => {
      const diags = offloadDiagnostics(uri);
      return predicate(diags) ? diags : undefined;
    },
    [changedHere],
    { timeoutMs, what: `${what} in ${vscode.workspace.asRelativePath(uri)}`, describe: () => formatDiagnostics(vscode.languages.getDiagnostics(uri)) },
  );
}

/** Waits for a diagnostic with rule id `rule`, optionally at `range`; returns it. */
export async function waitForRule(uri: vscode.Uri, rule: string, range?: vscode.Range, timeoutMs?: number): Promise<vscode.Diagnostic> {
  const match = (d: vscode.Diagnostic) => codeOf(d) === rule && (!range || d.range.isEqual(range));
  const diags = await waitForDiagnostics(uri, (ds) => ds.some(match), {
    timeoutMs,
    what: `${rule}${range ? ` at ${formatRange(range)}` : ''}`,
  });
  return diags.find(match)!;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration suite needs a workspace folder (the examples workspace)');
  return folder.uri;
}

/** Writes a fixture file into the workspace's FIXTURE_DIR and returns its URI. */
export async function writeFixture(name: string, content: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), FIXTURE_DIR, name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(content, 'utf8'));
  return uri;
}

export async function removeFixtures(): Promise<void> {
  const dir = vscode.Uri.joinPath(workspaceRoot(), FIXTURE_DIR);
  await vscode.workspace.fs.delete(dir, { recursive: true, useTrash: false }).then(undefined, () => undefined);
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/**
 * The range of `needle` on the first line matching `line` (a regexp), or the
 * first occurrence of `needle` when `line` is not given. Fixtures state the
 * expected range by text, so a test does not hard-code columns.
 */
export function rangeOf(doc: vscode.TextDocument, needle: string, line?: RegExp): vscode.Range {
  for (let i = 0; i < doc.lineCount; i++) {
    const text = doc.lineAt(i).text;
    if (line && !line.test(text)) continue;
    const at = text.indexOf(needle);
    if (at >= 0) return new vscode.Range(i, at, i, at + needle.length);
  }
  throw new Error(`"${needle}"${line ? ` on a line matching ${line}` : ''} not found in ${vscode.workspace.asRelativePath(doc.uri)}`);
}

/** Every line that matches `line`, with the range of `needle` on it. */
export function rangesOf(doc: vscode.TextDocument, needle: string, line: RegExp): vscode.Range[] {
  const out: vscode.Range[] = [];
  for (let i = 0; i < doc.lineCount; i++) {
    const text = doc.lineAt(i).text;
    const at = text.indexOf(needle);
    if (line.test(text) && at >= 0) out.push(new vscode.Range(i, at, i, at + needle.length));
  }
  return out;
}

/** Plain text of every hover VS Code's providers return at `position`. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n---\n');
}

export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
  return actions.filter((a): a is vscode.CodeAction => !('command' in a && typeof a.command === 'string'));
}

/**
 * Sets a setting for the workspace and resolves once VS Code reports the change.
 * Returns a function that restores the previous value the same way.
 */
export async function setSetting(section: string, key: string, value: unknown): Promise<() => Promise<void>> {
  const full = `${section}.${key}`;
  const previous = vscode.workspace.getConfiguration(section).inspect(key)?.workspaceValue;
  const apply = async (v: unknown) => {
    const current = vscode.workspace.getConfiguration(section).inspect(key)?.workspaceValue;
    // Setting the value it already has fires no event: nothing to wait for.
    if (JSON.stringify(current) === JSON.stringify(v)) return;
    let seen = false;
    const affected: vscode.Event<unknown> = (listener) =>
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(full)) {
          seen = true;
          listener(e);
        }
      });
    const changed = waitFor(() => (seen ? true : undefined), [affected], { what: `${full} to change` });
    await vscode.workspace.getConfiguration(section).update(key, v, vscode.ConfigurationTarget.Workspace);
    await changed;
  };
  await apply(value);
  return () => apply(previous);
}

/** Waits until an editor tab satisfies `predicate` (e.g. a webview panel by title). */
export function waitForTab(predicate: (tab: vscode.Tab) => boolean, what: string, timeoutMs?: number): Promise<vscode.Tab> {
  const allTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
  return waitFor(() => allTabs().find(predicate), [vscode.window.tabGroups.onDidChangeTabs], {
    timeoutMs,
    what,
    describe: () => allTabs().map((t) => t.label).join(', ') || '(no tabs)',
  });
}
