// Helpers for tests that run inside VS Code. Every wait is driven by a VS Code
// event and bounded by a deadline; none sleeps for a fixed time. A timeout
// fails with what was seen instead, so a red test says what went wrong.
import * as vscode from 'vscode';
import type { OffloadApi } from '../../src/extension/extension';

export type { OffloadApi };

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
  // An editor already open on it (from an earlier test) reloads from disk only
  // when the file watcher reports the write: reload it now, edits discarded.
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (doc && doc.getText() !== content) {
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
    if (doc.getText() !== content) throw new Error(`the open editor on ${vscode.workspace.asRelativePath(uri)} kept its old text`);
  }
  return uri;
}

export async function removeFixtures(): Promise<void> {
  // Close their editors first (reverting edits, so no save prompt): a dirty
  // editor on a deleted file would keep its text in the analysis.
  await closeFixtures();
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

/**
 * The code actions (not plain commands) VS Code's providers return for `range`,
 * optionally only those of `kind` (and its sub-kinds).
 *
 * VS Code cancels a code-action request when the set of registered providers
 * changes while it runs (another extension activating), and the answer is then
 * an empty list. So an empty answer is asked again, after Offload is idle, at
 * most `attempts` times in all; a test that expects no action passes `attempts: 1`.
 */
export async function codeActions(
  uri: vscode.Uri,
  range: vscode.Range,
  kind?: string,
  { attempts = 4 }: { attempts?: number } = {},
): Promise<vscode.CodeAction[]> {
  for (let attempt = 1; ; attempt++) {
    const raw =
      (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
    const actions = raw.filter((a): a is vscode.CodeAction => !('command' in a && typeof a.command === 'string'));
    if (actions.length || attempt >= attempts) return actions;
    // Logged to the extension host's console (the runner prints it with --verbose).
    const where = `${vscode.workspace.asRelativePath(uri)} ${formatRange(range)}${kind ? ` ${kind}` : ''}`;
    console.warn(`[offload-it] executeCodeActionProvider returned no action for ${where} (attempt ${attempt} of ${attempts}); asking again`);
    await whenIdle();
  }
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

// --- Offload's test API, bounded waits on promises, examples and documents ----

/** The object `activate()` returns (activating the extension if needed). */
export async function offloadApi(): Promise<OffloadApi> {
  const ext = vscode.extensions.getExtension<OffloadApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed in ${vscode.env.appName}`);
  const api = ext.isActive ? ext.exports : await ext.activate();
  if (!api || typeof api.whenIdle !== 'function') throw new Error(`${EXTENSION_ID} returned no test API from activate()`);
  return api;
}

/** `promise`, or a rejection naming `what` after `timeoutMs`: for promises that have no bound of their own. */
export function bounded<T>(promise: Thenable<T>, what: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (err) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}

/** Resolves once Offload has no scan, read or analysis pending (bounded). */
export async function whenIdle(timeoutMs?: number): Promise<OffloadApi> {
  const api = await offloadApi();
  await bounded(api.whenIdle(), 'Offload to be idle (api.whenIdle())', timeoutMs);
  return api;
}

/** The URI of a file of the examples workspace, e.g. `k8s/batch.yaml`. */
export function exampleUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

/** The text of a workspace file as it is on disk. */
export async function readText(uri: vscode.Uri): Promise<string> {
  return Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
}

/**
 * Copies an example into FIXTURE_DIR under `name`, so a test can edit it
 * without touching the example other tests read. Returns the copy's URI and
 * the text it starts with.
 */
export async function copyExample(relativePath: string, name: string): Promise<{ uri: vscode.Uri; text: string }> {
  const text = await readText(exampleUri(relativePath));
  return { uri: await writeFixture(name, text), text };
}

/**
 * Reverts and closes every editor tab on `uri` (no save prompt: a dirty
 * document is reverted first). Returns once none is left.
 */
export async function revertAndClose(uri: vscode.Uri): Promise<void> {
  const key = uri.toString();
  const tabsOn = () =>
    vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === key);
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  if (doc?.isDirty) {
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
    if (doc.isDirty) throw new Error(`could not revert ${vscode.workspace.asRelativePath(uri)}`);
  }
  const tabs = tabsOn();
  if (tabs.length) await vscode.window.tabGroups.close(tabs);
}

/** Reverts and closes every editor on a file under FIXTURE_DIR. */
export async function closeFixtures(): Promise<void> {
  const prefix = vscode.Uri.joinPath(workspaceRoot(), FIXTURE_DIR).toString() + '/';
  const uris = new Map<string, vscode.Uri>();
  for (const d of vscode.workspace.textDocuments) if (d.uri.toString().startsWith(prefix)) uris.set(d.uri.toString(), d.uri);
  for (const t of vscode.window.tabGroups.all.flatMap((g) => g.tabs)) {
    if (t.input instanceof vscode.TabInputText && t.input.uri.toString().startsWith(prefix)) uris.set(t.input.uri.toString(), t.input.uri);
  }
  for (const uri of uris.values()) await revertAndClose(uri);
}

/**
 * The range of the value of the first YAML line `key: value` (after `line`
 * matches, when given), quotes included and a trailing comment excluded:
 * `  version: "1.31"` gives `"1.31"`.
 */
export function yamlValueRange(doc: vscode.TextDocument, key: string, line?: RegExp): vscode.Range {
  const re = new RegExp(`^(\\s*(?:-\\s+)?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\s*)("[^"]*"|'[^']*'|[^\\s#]+)`);
  for (let i = 0; i < doc.lineCount; i++) {
    const text = doc.lineAt(i).text;
    if (line && !line.test(text)) continue;
    const m = re.exec(text);
    if (m) return new vscode.Range(i, m[1].length, i, m[1].length + m[2].length);
  }
  throw new Error(`no "${key}: <value>" line${line ? ` matching ${line}` : ''} in ${vscode.workspace.asRelativePath(doc.uri)}`);
}

/** The range of a JSON property's value, quotes included: `"cpu": "256"` gives `"256"` (the first such key). */
export function jsonValueRange(doc: vscode.TextDocument, key: string): vscode.Range {
  const keyRange = rangeOf(doc, `"${key}"`);
  const line = doc.lineAt(keyRange.start.line).text;
  const m = /^\s*:\s*("[^"]*"|[^,\s}\]]+)/.exec(line.slice(keyRange.end.character));
  if (!m) throw new Error(`no value for "${key}" on line ${keyRange.start.line} of ${vscode.workspace.asRelativePath(doc.uri)}`);
  const start = keyRange.end.character + m[0].length - m[1].length;
  return new vscode.Range(keyRange.start.line, start, keyRange.start.line, start + m[1].length);
}

/** Every hover VS Code's providers return at `position`. */
export async function hoversAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.Hover[]> {
  return (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
}

/** Markdown as a reader sees it: backslash escapes removed (`0\.25vCPU` → `0.25vCPU`). */
export function plainMarkdown(markdown: string): string {
  return markdown.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1');
}

/** Text of a hover's contents, Markdown escapes removed. */
export function hoverContentsText(hover: vscode.Hover): string {
  return plainMarkdown(hover.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n'));
}

/** The severity name of a diagnostic, for messages. */
export function severityName(d: vscode.Diagnostic): string {
  return vscode.DiagnosticSeverity[d.severity];
}

/**
 * Applies a code action as the editor would: its edit, then its command.
 * Fails when the edit is refused.
 */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) {
    const ok = await vscode.workspace.applyEdit(action.edit);
    if (!ok) throw new Error(`the edit of "${action.title}" was not applied`);
  }
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}
