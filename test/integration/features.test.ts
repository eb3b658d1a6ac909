// Hovers, code actions and commands, through the same public commands a
// keybinding or another extension would use.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DAEMONSET_YAML, ECS_BAD_SIZE_JSON, ECS_BAD_SIZE_NAME } from './fixtures';
import {
  codeActions,
  codeOf,
  hoverText,
  open,
  rangeOf,
  removeFixtures,
  waitForDiagnostics,
  waitForRule,
  waitForTab,
  writeFixture,
} from './helpers';

describe('hover', () => {
  after(removeFixtures);

  it('on a DaemonSet kind says why it does not fit Fargate', async () => {
    const uri = await writeFixture('hover-daemonset.yaml', DAEMONSET_YAML);
    const { document } = await open(uri);
    const kind = rangeOf(document, 'DaemonSet', /^kind:/);
    await waitForRule(uri, 'eks-fargate-daemonset');
    const text = await hoverText(uri, kind.start.translate(0, 2));
    assert.match(text, /fargate/i, `hover text was: ${text || '(none)'}`);
  });
});

describe('code actions', () => {
  after(removeFixtures);

  it('offers a quick fix for an invalid Fargate size that clears the diagnostic', async () => {
    const uri = await writeFixture(`actions-${ECS_BAD_SIZE_NAME}`, ECS_BAD_SIZE_JSON);
    await open(uri);
    const diagnostic = await waitForRule(uri, 'ecs-fargate-task-size');
    // executeCodeActionProvider drops CodeAction.diagnostics on the way back,
    // so the link is checked by its effect: the fix makes the finding go away.
    const actions = await codeActions(uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.isPreferred && (a.edit || a.command)) ?? actions.find((a) => a.edit || a.command);
    assert.ok(fix, `quick fixes offered: ${actions.map((a) => a.title).join(', ') || '(none)'}`);
    if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), `"${fix.title}" did not apply`);
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    await waitForDiagnostics(uri, (ds) => !ds.some((d) => codeOf(d) === 'ecs-fargate-task-size'), {
      what: `ecs-fargate-task-size to go away after "${fix.title}"`,
    });
  });
});

describe('commands', () => {
  it('offload.showGuide opens the Platform Guide webview', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('offload.showGuide'), 'offload.showGuide is not registered');
    // Subscribe before running the command so the tab event cannot be missed.
    const tab = waitForTab(
      (t) => t.input instanceof vscode.TabInputWebview && /platform guide/i.test(t.label),
      'the "Offload: Platform Guide" webview tab',
    );
    await vscode.commands.executeCommand('offload.showGuide');
    assert.match((await tab).label, /platform guide/i);
  });
});
