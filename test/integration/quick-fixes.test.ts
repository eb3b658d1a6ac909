// Quick fixes, "Ignore <rule> here" and source.fixAll.offload, applied the way
// the editor applies them, with the whole document compared afterwards. Each
// test edits its own copy of an example in the fixture folder, so the
// examples other tests read stay as they are and the tests run in any order.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  applyCodeAction,
  closeFixtures,
  codeActions,
  codeOf,
  copyExample,
  formatDiagnostics,
  jsonValueRange,
  open,
  removeFixtures,
  waitForDiagnostics,
  waitForRule,
  yamlValueRange,
} from './helpers';

const QUICK_FIX = vscode.CodeActionKind.QuickFix.value;
const FIX_ALL = vscode.CodeActionKind.SourceFixAll.append('offload').value;

/** Replaces exactly one occurrence of `from` in `text`; fails when it is missing or not unique. */
function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  assert.ok(at >= 0, `"${from}" is not in the example`);
  assert.equal(text.indexOf(from, at + 1), -1, `"${from}" is in the example more than once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

function titles(actions: readonly vscode.CodeAction[]): string {
  return actions.map((a) => `"${a.title}" (${a.kind?.value ?? 'no kind'})`).join(', ') || '(none)';
}

describe('quick fixes', () => {
  afterEach(closeFixtures);
  after(removeFixtures);

  it('ecs-fargate-task-size: the preferred fix changes the memory value to a valid size, and nothing else', async () => {
    const { uri, text } = await copyExample('ecs/orders-task-definition.json', 'qf-orders-task-definition.json');
    const { document } = await open(uri);
    const diagnostic = await waitForRule(uri, 'ecs-fargate-task-size');
    // 0.5 vCPU (cpu "512") takes 1024 to 4096 MiB: the smallest valid memory is 1024.
    assert.equal(document.getText(jsonValueRange(document, 'cpu')), '"512"');
    assert.equal(document.getText(jsonValueRange(document, 'memory')), '"512"');
    const expected = replaceOnce(text, '"memory": "512"', '"memory": "1024"');

    const actions = await codeActions(uri, diagnostic.range, QUICK_FIX);
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, `no preferred quick fix; offered: ${titles(actions)}`);
    assert.match(fix.title, /memory 1024/);
    await applyCodeAction(fix);
    assert.equal(document.getText(), expected);
    await waitForDiagnostics(uri, (ds) => !ds.some((d) => codeOf(d) === 'ecs-fargate-task-size'), {
      what: `ecs-fargate-task-size to go away after "${fix.title}"`,
    });
  });

  it('k8s-api-removed: the preferred fix rewrites apiVersion batch/v1beta1 to batch/v1, and nothing else', async () => {
    const { uri, text } = await copyExample('k8s/batch.yaml', 'qf-batch.yaml');
    const { document } = await open(uri);
    const value = yamlValueRange(document, 'apiVersion');
    assert.equal(document.getText(value), 'batch/v1beta1');
    const diagnostic = await waitForRule(uri, 'k8s-api-removed', value);
    const expected = replaceOnce(text, 'apiVersion: batch/v1beta1\n', 'apiVersion: batch/v1\n');

    const actions = await codeActions(uri, diagnostic.range, QUICK_FIX);
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, `no preferred quick fix; offered: ${titles(actions)}`);
    assert.match(fix.title, /batch\/v1\b/);
    await applyCodeAction(fix);
    assert.equal(document.getText(), expected);
    await waitForDiagnostics(uri, (ds) => !ds.some((d) => /^k8s-api-(removed|deprecated)$/.test(codeOf(d) ?? '')), {
      what: 'no API-version diagnostic after the rewrite',
    });
  });

  it('"Ignore eks-fargate-daemonset here" inserts the suppression comment, selects its reason, and the diagnostic goes away', async () => {
    const { uri, text } = await copyExample('k8s/log-agent.yaml', 'qf-log-agent.yaml');
    const editor = await open(uri);
    const { document } = editor;
    const kind = yamlValueRange(document, 'kind');
    const diagnostic = await waitForRule(uri, 'eks-fargate-daemonset', kind);
    const others = (await waitForDiagnostics(uri, (ds) => ds.length > 1, { what: 'the other findings on the DaemonSet' }))
      .filter((d) => codeOf(d) !== 'eks-fargate-daemonset')
      .map((d) => codeOf(d))
      .sort();
    const comment = '# offload-ignore eks-fargate-daemonset: <reason>';
    const expected = replaceOnce(text, '\nkind: DaemonSet\n', `\n${comment}\nkind: DaemonSet\n`);

    const actions = await codeActions(uri, diagnostic.range, QUICK_FIX);
    const ignore = actions.find((a) => a.title === 'Ignore eks-fargate-daemonset here');
    assert.ok(ignore, `offered: ${titles(actions)}`);
    await applyCodeAction(ignore);
    assert.equal(document.getText(), expected);
    // Its command selects "<reason>" for the user to type over.
    const line = kind.start.line;
    assert.equal(document.lineAt(line).text, comment);
    assert.equal(document.getText(editor.selection), '<reason>', `selection: ${document.getText(editor.selection)}`);

    const after = await waitForDiagnostics(uri, (ds) => !ds.some((d) => codeOf(d) === 'eks-fargate-daemonset'), {
      what: 'eks-fargate-daemonset to go away once suppressed',
    });
    // Only that rule, only there: the other findings stay.
    assert.deepEqual(after.map((d) => codeOf(d)).sort(), others, formatDiagnostics(after));
  });

  it('a JSON task definition gets no "Ignore" action: kubectl and the AWS CLI reject comments in JSON', async () => {
    const { uri } = await copyExample('ecs/orders-task-definition.json', 'qf-ignore-orders-task-definition.json');
    await open(uri);
    const diagnostic = await waitForRule(uri, 'ecs-fargate-task-size');
    const actions = await codeActions(uri, diagnostic.range, QUICK_FIX);
    assert.ok(actions.some((a) => a.isPreferred), `offered: ${titles(actions)}`);
    assert.ok(!actions.some((a) => /^Ignore /.test(a.title)), `offered: ${titles(actions)}`);
  });

  it('source.fixAll.offload, asked for by kind, applies every fix in the file at once', async () => {
    const { uri, text } = await copyExample('ecs/billing-describe-output.json', 'qf-billing-describe-output.json');
    const { document } = await open(uri);
    const fixable = ['ecs-fargate-network-mode', 'ecs-fargate-requires-compatibilities', 'ecs-fargate-host-port'];
    await waitForDiagnostics(uri, (ds) => fixable.every((r) => ds.some((d) => codeOf(d) === r)), { what: fixable.join(', ') });
    let expected = replaceOnce(text, '"networkMode": "bridge"', '"networkMode": "awsvpc"');
    expected = replaceOnce(expected, '"requiresCompatibilities": ["EC2"]', '"requiresCompatibilities": ["EC2", "FARGATE"]');
    expected = replaceOnce(expected, '"hostPort": 0, ', '');

    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const actions = await codeActions(uri, whole, FIX_ALL);
    assert.equal(actions.length, 1, `offered: ${titles(actions)}`);
    const [fixAll] = actions;
    assert.equal(fixAll.kind?.value, FIX_ALL);
    // The kind filter works both ways: quick fixes are not source actions.
    const quickFixes = await codeActions(uri, whole, QUICK_FIX);
    assert.ok(!quickFixes.some((a) => a.kind && vscode.CodeActionKind.SourceFixAll.contains(a.kind)), `quick fixes: ${titles(quickFixes)}`);

    await applyCodeAction(fixAll);
    assert.equal(document.getText(), expected);
    const after = await waitForDiagnostics(uri, (ds) => !ds.some((d) => fixable.includes(codeOf(d) ?? '')), {
      what: `${fixable.join(', ')} to go away after "${fixAll.title}"`,
    });
    // What has no automatic fix is still reported.
    assert.ok(after.some((d) => codeOf(d) === 'ecs-fargate-unsupported-parameter'), formatDiagnostics(after));
  });
});
