import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DAEMONSET_YAML, ECS_BAD_SIZE_JSON, ECS_BAD_SIZE_NAME, ECS_GOOD_MEMORY } from './fixtures';
import {
  codeOf,
  formatDiagnostics,
  jsonValueRange,
  open,
  rangeOf,
  rangesOf,
  removeFixtures,
  SOURCE,
  waitForDiagnostics,
  waitForRule,
  writeFixture,
} from './helpers';

describe('diagnostics', () => {
  after(removeFixtures);

  it('flags a DaemonSet at the value of its kind (eks-fargate-daemonset)', async () => {
    const uri = await writeFixture('log-agent-daemonset.yaml', DAEMONSET_YAML);
    const { document } = await open(uri);
    const expected = rangeOf(document, 'DaemonSet', /^kind:/);
    const diagnostic = await waitForRule(uri, 'eks-fargate-daemonset', expected);
    assert.equal(diagnostic.source, SOURCE);
    assert.match(diagnostic.message, /fargate/i);
  });

  describe('an ECS task definition with a size Fargate rejects', () => {
    it('is flagged on its cpu or memory value (ecs-fargate-task-size)', async () => {
      const uri = await writeFixture(ECS_BAD_SIZE_NAME, ECS_BAD_SIZE_JSON);
      const { document } = await open(uri);
      const values = [jsonValueRange(document, 'cpu'), jsonValueRange(document, 'memory')];
      const onValue = (d: vscode.Diagnostic) =>
        codeOf(d) === 'ecs-fargate-task-size' && !d.range.isEmpty && values.some((v) => v.contains(d.range));
      const diags = await waitForDiagnostics(uri, (ds) => ds.some(onValue), { what: 'ecs-fargate-task-size on the cpu or memory value' });
      assert.equal(diags.find(onValue)!.source, SOURCE);
    });

    // Each test writes the fixture itself, so either runs alone (--grep) or in any order.
    it('is cleared once the memory is a size Fargate accepts', async () => {
      const uri = await writeFixture(ECS_BAD_SIZE_NAME, ECS_BAD_SIZE_JSON);
      const { document } = await open(uri);
      await waitForRule(uri, 'ecs-fargate-task-size');
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, jsonValueRange(document, 'memory'), ECS_GOOD_MEMORY);
      assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
      await waitForDiagnostics(uri, (ds) => !ds.some((d) => codeOf(d) === 'ecs-fargate-task-size'), {
        what: 'ecs-fargate-task-size to go away after the fix',
      });
      await document.save();
    });
  });

  it('flags every DaemonSet in examples/ at the value of its kind', async function () {
    const files = await vscode.workspace.findFiles('**/*.{yaml,yml}', '{**/node_modules/**,offload-it/**}');
    const targets: { uri: vscode.Uri; ranges: vscode.Range[] }[] = [];
    for (const uri of files) {
      const text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
      // A file that names the rule id suppresses it somewhere (comment or annotation).
      if (!/^kind:\s*DaemonSet\s*(#.*)?$/m.test(text) || text.includes('eks-fargate-daemonset')) continue;
      const document = await vscode.workspace.openTextDocument(uri);
      targets.push({ uri, ranges: rangesOf(document, 'DaemonSet', /^kind:\s*DaemonSet\s*(#.*)?$/) });
    }
    if (targets.length === 0) this.skip();
    for (const { uri, ranges } of targets) {
      await open(uri);
      const diags = await waitForDiagnostics(
        uri,
        (ds) => ranges.every((r) => ds.some((d) => codeOf(d) === 'eks-fargate-daemonset' && d.range.isEqual(r))),
        { what: `eks-fargate-daemonset on each of ${ranges.length} DaemonSet kind value(s)` },
      );
      assert.ok(diags.length >= ranges.length, formatDiagnostics(diags));
    }
  });
});
