// The Workloads view and the Platform Guide webview, read through the test
// API that activate() returns (getTreeItems, getGuideState, whenGuideRendered),
// and checked against the analysis they show (getLastResult).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TreeItemSnapshot } from '../../src/extension/workloads-tree';
import type { GuideSnapshot } from '../../src/extension/webview/panel';
import { bounded, exampleUri, offloadApi, revertAndClose, waitForTab, whenIdle, yamlValueRange } from './helpers';

const PLATFORM_LABELS: Record<string, string> = {
  'ecs-ec2': 'ECS on EC2',
  'ecs-fargate': 'ECS on Fargate',
  'eks-ec2': 'EKS on EC2',
  'eks-fargate': 'EKS on Fargate',
};

function labels(items: readonly TreeItemSnapshot[] | undefined): string[] {
  return (items ?? []).map((i) => i.label);
}

function child(items: readonly TreeItemSnapshot[] | undefined, label: string, where: string): TreeItemSnapshot {
  const found = (items ?? []).find((i) => i.label === label);
  assert.ok(found, `no "${label}" under ${where}; there: ${labels(items).join(', ') || '(nothing)'}`);
  return found;
}

describe('Workloads view', () => {
  it('shows the recommendation on top, then one group per recommended platform with its workloads', async () => {
    const api = await whenIdle();
    const items = await api.getTreeItems(2);
    const result = api.getLastResult()!;
    assert.ok(result.workloads.length > 0, 'the examples have workloads');

    const [top, ...groups] = items;
    assert.equal(top.label, 'Recommendation');
    assert.equal(top.description, result.recommendation.summary);
    assert.deepEqual(labels(top.children), result.recommendation.lines);

    const platforms = Object.keys(PLATFORM_LABELS).filter((p) => result.workloads.some((w) => w.recommendation.platform === p));
    assert.deepEqual(labels(groups), platforms.map((p) => PLATFORM_LABELS[p]));
    // The examples need both kinds of EKS capacity.
    assert.ok(labels(groups).includes('EKS on EC2') && labels(groups).includes('EKS on Fargate'), labels(groups).join(', '));
    for (const [i, p] of platforms.entries()) {
      const names = result.workloads.filter((w) => w.recommendation.platform === p).map((w) => w.name);
      assert.deepEqual(labels(groups[i].children), names, `workloads under ${groups[i].label}`);
      assert.equal(groups[i].description, `${names.length} ${names.length === 1 ? 'workload' : 'workloads'}`);
    }
  });

  it('lists log-agent under EKS on EC2 with why, its fit on each platform, and its blockers as children', async () => {
    const uri = exampleUri('k8s/log-agent.yaml');
    const document = await vscode.workspace.openTextDocument(uri);
    const api = await whenIdle();
    const items = await api.getTreeItems(4);
    const result = api.getLastResult()!;
    const workload = result.workloads.find((w) => w.file === 'k8s/log-agent.yaml' && w.name === 'log-agent');
    assert.ok(workload, 'no log-agent workload in the last analysis');

    const group = child(items, 'EKS on EC2', 'the tree');
    const node = (group.children ?? []).find((n) => n.label === 'log-agent' && n.description?.includes('k8s/log-agent.yaml'));
    assert.ok(node, `log-agent is not under EKS on EC2: ${(group.children ?? []).map((n) => `${n.label} (${n.description})`).join(', ')}`);
    assert.match(node.description ?? '', /^DaemonSet · kube-system · k8s\/log-agent\.yaml:\d+$/);
    assert.equal(node.command, 'offload.revealLocation');

    const kids = node.children ?? [];
    assert.equal(kids[0]?.label, 'Why EKS on EC2');
    assert.deepEqual(labels(kids.slice(1, 5)), Object.values(PLATFORM_LABELS));
    assert.match(child(kids, 'EKS on EC2', 'log-agent').description ?? '', /^fits · recommended$/);
    const onFargate = child(kids, 'EKS on Fargate', 'log-agent');
    assert.equal(onFargate.description, 'blocked');
    assert.ok(labels(onFargate.children).some((l) => /DaemonSet "log-agent" cannot run on Fargate/.test(l)), labels(onFargate.children).join(' | '));

    // Its findings, one node each, "<rule> · line <n>" (1-based), as in the analysis.
    const findings = kids.slice(5);
    const expected = result.findings.filter((f) => f.workloadId === workload.id).map((f) => `${f.ruleId} · line ${f.range.start.line + 1}`);
    assert.deepEqual(findings.map((f) => f.description), expected);
    // The blocker itself, at the line of `kind: DaemonSet` in the file.
    const kindLine = yamlValueRange(document, 'kind').start.line + 1;
    assert.ok(findings.some((f) => f.description === `eks-fargate-daemonset · line ${kindLine}`), findings.map((f) => f.description).join(', '));
    assert.ok(findings.every((f) => f.command === 'offload.revealLocation'));
  });
});

describe('Platform Guide webview', () => {
  const isGuide = (t: vscode.Tab) => t.input instanceof vscode.TabInputWebview && /platform guide/i.test(t.label);
  const guideTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter(isGuide);

  /** Waits, bounded, for a render made with data that satisfies `ok`. */
  async function rendered(trigger: () => Thenable<unknown>, ok: (s: GuideSnapshot) => boolean, what: string): Promise<GuideSnapshot> {
    const api = await offloadApi();
    // The first webview of a freshly installed code-server can take well over 20 s to
    // boot on a cold, loaded CI machine (seen once: ready after ~25 s); mocha allows 60.
    const deadline = Date.now() + 45_000;
    // Subscribe before the command, so the render cannot be missed.
    let next = api.whenGuideRendered();
    await trigger();
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for the guide to render ${what}; last state: ${JSON.stringify(api.getGuideState())}`);
      const snapshot = await bounded(next, `the guide to render ${what} (last state: ${JSON.stringify(api.getGuideState())})`, left);
      if (ok(snapshot)) return snapshot;
      // A newer analysis (or a tab switch) re-renders: wait for that one.
      next = api.whenGuideRendered();
    }
  }

  before(async () => {
    // Start from a closed guide, whatever earlier tests left open.
    if (guideTabs().length) await vscode.window.tabGroups.close(guideTabs());
  });
  after(async () => {
    if (guideTabs().length) await vscode.window.tabGroups.close(guideTabs());
  });

  it('opens and renders the report: one workload row per workload of the last analysis', async () => {
    const api = await whenIdle();
    const snapshot = await rendered(
      () => vscode.commands.executeCommand('offload.showGuide', 'report'),
      (s) => s.rendered?.workloads === api.getLastResult()?.workloads.length,
      'the report with every workload',
    );
    const result = api.getLastResult()!;
    assert.equal(snapshot.rendered?.workloads, result.workloads.length);
    assert.equal(snapshot.rendered?.findings, result.findings.length);
    assert.ok((snapshot.rendered?.versions ?? 0) > 0 && (snapshot.rendered?.regions ?? 0) > 0 && (snapshot.rendered?.sizes ?? 0) > 0, JSON.stringify(snapshot.rendered));
    const state = api.getGuideState();
    assert.deepEqual(
      { open: state.open, visible: state.visible, ready: state.ready, tab: state.state.tab, posted: state.posted },
      { open: true, visible: true, ready: true, tab: 'report', posted: { workloads: result.workloads.length, findings: result.findings.length } },
    );
    assert.equal(guideTabs().length, 1, 'one Platform Guide tab');
  });

  it('"Explain platform choice" focuses the workload in the guide', async () => {
    const api = await whenIdle();
    const workload = api.getLastResult()!.workloads.find((w) => w.file === 'k8s/log-agent.yaml');
    assert.ok(workload, 'no log-agent workload');
    const snapshot = await rendered(
      () => vscode.commands.executeCommand('offload.explainWorkload', workload.id),
      (s) => s.state.workloadId === workload.id,
      `focused on ${workload.id}`,
    );
    assert.equal(snapshot.state.tab, 'report');
    assert.equal(guideTabs().length, 1, 'still one Platform Guide tab');
  });

  it('"Explain platform choice" brings back a guide hidden behind an editor, focused on the new workload', async () => {
    const api = await whenIdle();
    if (!guideTabs().length) {
      await rendered(() => vscode.commands.executeCommand('offload.showGuide', 'report'), (s) => !!s.rendered?.workloads, 'the report');
    }
    // Hide it: open an editor in front of it, in its own group.
    const column = guideTabs()[0].group.viewColumn;
    const uri = exampleUri('k8s/shop.yaml');
    await vscode.window.showTextDocument(uri, { viewColumn: column, preview: false });
    await waitForTab((t) => isGuide(t) && !t.isActive, 'the guide tab to be behind the editor');
    const workload = api.getLastResult()!.workloads.find((w) => w.file === 'k8s/shop.yaml' && w.kind === 'StatefulSet');
    assert.ok(workload, 'no StatefulSet in k8s/shop.yaml');
    assert.notEqual(api.getGuideState().state.workloadId, workload.id);

    const snapshot = await rendered(
      () => vscode.commands.executeCommand('offload.explainWorkload', workload.id),
      (s) => s.state.workloadId === workload.id && !!s.rendered?.workloads,
      `focused on ${workload.id}`,
    );
    assert.equal(snapshot.state.tab, 'report');
    assert.equal(snapshot.rendered?.workloads, api.getLastResult()!.workloads.length);
    assert.ok(api.getGuideState().visible, 'the guide is not visible');
    assert.equal(guideTabs().length, 1, 'still one Platform Guide tab');
    await revertAndClose(uri);
  });
});

describe('editors opened by the views', () => {
  it('a finding in the tree opens its file at the finding (offload.revealLocation)', async () => {
    const api = await whenIdle();
    const finding = api.getLastResult()!.findings.find((f) => f.file === 'k8s/log-agent.yaml' && f.ruleId === 'eks-fargate-daemonset');
    assert.ok(finding, 'no eks-fargate-daemonset finding in k8s/log-agent.yaml');
    await vscode.commands.executeCommand('offload.revealLocation', finding.file, finding.range);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'no active editor');
    assert.equal(vscode.workspace.asRelativePath(editor.document.uri), 'k8s/log-agent.yaml');
    assert.equal(editor.document.getText(editor.selection), 'DaemonSet');
    await revertAndClose(editor.document.uri);
  });
});
