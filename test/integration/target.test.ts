// The target (EKS version and regions): where it comes from, what the status
// bar shows, and that changing the offload.eksVersion setting re-checks the
// manifests against the new version. Every setting changed is reset, and the
// reset waited for, so the tests after these see the examples' own target.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  codeOf,
  exampleUri,
  formatDiagnostics,
  offloadApi,
  open,
  readText,
  revertAndClose,
  setSetting,
  waitFor,
  waitForDiagnostics,
  whenIdle,
  yamlValueRange,
} from './helpers';

/** The version and region the eksctl ClusterConfig in examples/ sets, read from its text. */
async function eksctlTarget(): Promise<{ version: string; region: string }> {
  const text = await readText(exampleUri('cluster/eksctl-cluster.yaml'));
  const version = /^\s+version:\s*"?([\d.]+)"?\s*$/m.exec(text)?.[1];
  const region = /^\s+region:\s*([a-z0-9-]+)\s*$/m.exec(text)?.[1];
  assert.ok(version && region, 'the eksctl example sets no metadata.version or metadata.region');
  return { version, region };
}

/** The status bar text without its leading icon, and whether it has the warning icon. */
function statusBar(text: string): { text: string; warning: boolean } {
  return { text: text.replace(/^\$\([\w-]+\)\s*/, ''), warning: text.startsWith('$(warning)') };
}

/** Waits (bounded, on Offload's analyses) until the status bar shows `expected`. */
async function waitForStatusBar(expected: string): Promise<string> {
  const api = await offloadApi();
  // The status bar follows each analysis; whenIdle() covers the one in flight.
  const analysed: vscode.Event<unknown> = (listener) => vscode.languages.onDidChangeDiagnostics(listener);
  return waitFor(
    async () => {
      await api.whenIdle();
      const text = api.getStatusBarText();
      return statusBar(text).text === expected ? text : undefined;
    },
    [analysed],
    { what: `the status bar to show "${expected}"`, describe: () => JSON.stringify(api.getStatusBarText()) },
  );
}

describe('target', () => {
  it('the status bar shows the EKS version and region of the eksctl ClusterConfig, like "EKS 1.31 · eu-west-1"', async () => {
    const { version, region } = await eksctlTarget();
    const api = await whenIdle();
    const target = api.getLastResult()!.target;
    assert.deepEqual({ eksVersion: target.eksVersion, source: target.eksVersionSource, regions: target.regions }, { eksVersion: version, source: 'eksctl', regions: [region] });
    const text = await waitForStatusBar(`EKS ${version} · ${region}`);
    // 1.31 is in extended support or past it, either way a warning.
    assert.ok(statusBar(text).warning, `expected the warning icon: ${text}`);
  });

  it('offload.eksVersion "1.21": batch/v1beta1 goes from k8s-api-removed to k8s-api-deprecated, and back after the reset', async () => {
    const { version, region } = await eksctlTarget();
    const uri = exampleUri('k8s/batch.yaml');
    const { document } = await open(uri);
    const value = yamlValueRange(document, 'apiVersion');
    assert.equal(document.getText(value), 'batch/v1beta1');
    const on = (rule: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === rule && d.range.isEqual(value));
    await waitForDiagnostics(uri, on('k8s-api-removed'), { what: `k8s-api-removed on batch/v1beta1 at EKS ${version}` });

    const reset = await setSetting('offload', 'eksVersion', '1.21');
    try {
      // batch/v1beta1 CronJob: deprecated in 1.21, removed in 1.25.
      const diags = await waitForDiagnostics(uri, (ds) => on('k8s-api-deprecated')(ds) && !on('k8s-api-removed')(ds), {
        what: 'k8s-api-deprecated instead of k8s-api-removed on batch/v1beta1 at EKS 1.21',
      });
      const deprecated = diags.find((d) => codeOf(d) === 'k8s-api-deprecated')!;
      assert.match(deprecated.message, /EKS 1\.21 still serves it/, formatDiagnostics(diags));
      assert.equal(deprecated.severity, vscode.DiagnosticSeverity.Warning);
      const api = await offloadApi();
      assert.equal(api.getLastResult()!.target.eksVersion, '1.21');
      assert.equal(api.getLastResult()!.target.eksVersionSource, 'option');
      await waitForStatusBar(`EKS 1.21 · ${region}`);
    } finally {
      await reset();
    }
    await waitForDiagnostics(uri, (ds) => on('k8s-api-removed')(ds) && !on('k8s-api-deprecated')(ds), {
      what: `k8s-api-removed back on batch/v1beta1 after the reset (EKS ${version})`,
    });
    await waitForStatusBar(`EKS ${version} · ${region}`);
    await revertAndClose(uri);
  });
});
