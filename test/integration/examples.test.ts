// The examples workspace as a user opens it: the diagnostics Offload publishes
// for the files in examples/, one format at a time, at ranges computed from
// the files' own text. These tests only read the examples; tests that edit
// work on copies (quick-fixes.test.ts).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EKS_131_EXTENDED_END } from './fixtures';
import {
  codeOf,
  exampleUri,
  FIXTURE_DIR,
  formatDiagnostics,
  formatRange,
  jsonValueRange,
  offloadApi,
  open,
  revertAndClose,
  severityName,
  SOURCE,
  waitForDiagnostics,
  whenIdle,
  yamlValueRange,
} from './helpers';

interface Case {
  file: string;
  rule: string;
  /** Where the diagnostic must be, from the document's text; several means any one of them. */
  ranges: (doc: vscode.TextDocument) => vscode.Range[];
  severity: (today: string) => vscode.DiagnosticSeverity;
  message: (doc: vscode.TextDocument, today: string) => RegExp[];
}

const S = vscode.DiagnosticSeverity;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const unquote = (s: string) => s.replace(/^["']|["']$/g, '');

const CASES: Case[] = [
  {
    file: 'k8s/log-agent.yaml',
    rule: 'eks-fargate-daemonset',
    ranges: (doc) => [yamlValueRange(doc, 'kind')],
    severity: () => S.Warning,
    message: (doc) => [new RegExp(`DaemonSet "${esc(unquote(doc.getText(yamlValueRange(doc, 'name', /^\s+name:/))))}"`), /Fargate/],
  },
  {
    file: 'ecs/orders-task-definition.json',
    rule: 'ecs-fargate-task-size',
    // The finding sits on the task's cpu or memory value (the first of each: the task level).
    ranges: (doc) => [jsonValueRange(doc, 'cpu'), jsonValueRange(doc, 'memory')],
    severity: () => S.Error,
    message: (doc) => {
      const task = JSON.parse(doc.getText()) as { cpu: string; memory: string };
      return [new RegExp(`cpu ${esc(task.cpu)}\\b`), new RegExp(`memory ${esc(task.memory)}\\b`), /Fargate/];
    },
  },
  {
    file: 'k8s/batch.yaml',
    rule: 'k8s-api-removed',
    // The first document: the CronJob on batch/v1beta1.
    ranges: (doc) => [yamlValueRange(doc, 'apiVersion')],
    severity: () => S.Error,
    message: (doc) => [new RegExp(esc(doc.getText(yamlValueRange(doc, 'apiVersion')))), /not serve/, /batch\/v1 CronJob/],
  },
  {
    file: 'cluster/eksctl-cluster.yaml',
    rule: 'eksctl-version-support',
    ranges: (doc) => [yamlValueRange(doc, 'version', /^\s+version:/)],
    severity: (today) => (today < EKS_131_EXTENDED_END ? S.Warning : S.Error),
    message: (doc, today) => [
      new RegExp(`EKS ${esc(unquote(doc.getText(yamlValueRange(doc, 'version', /^\s+version:/))))}\\b`),
      today < EKS_131_EXTENDED_END ? /extended support/ : /end of support/,
    ],
  },
  {
    file: 'compose/docker-compose.yml',
    rule: 'compose-host-network',
    ranges: (doc) => [yamlValueRange(doc, 'network_mode')],
    severity: () => S.Warning,
    message: () => [/"node-exporter"/, /network_mode: host/, /Fargate/],
  },
];

describe('the examples workspace', () => {
  const opened: vscode.Uri[] = [];
  after(async () => {
    for (const uri of opened) await revertAndClose(uri);
  });

  for (const c of CASES) {
    it(`${c.file}: ${c.rule} at the expected range, with source '${SOURCE}' and the rule id as code`, async () => {
      const uri = exampleUri(c.file);
      const { document } = await open(uri);
      opened.push(uri);
      const api = await whenIdle();
      const today = api.getLastResult()?.target.today ?? new Date().toISOString().slice(0, 10);
      const ranges = c.ranges(document);
      const at = (d: vscode.Diagnostic) => codeOf(d) === c.rule && ranges.some((r) => r.isEqual(d.range));
      const diags = await waitForDiagnostics(uri, (ds) => ds.some(at), {
        what: `${c.rule} at ${ranges.map(formatRange).join(' or ')}`,
      });
      const d = diags.find(at)!;
      assert.equal(d.source, SOURCE);
      assert.ok(typeof d.code === 'object' && d.code !== null, `code should be { value, target }, was ${JSON.stringify(d.code)}`);
      assert.equal(d.code.value, c.rule);
      assert.ok(d.code.target instanceof vscode.Uri, 'code.target (the rule docs link) is missing');
      assert.equal(severityName(d), vscode.DiagnosticSeverity[c.severity(today)], `severity of ${c.rule} on ${today}`);
      for (const re of c.message(document, today)) assert.match(d.message, re);
      // One diagnostic per finding: the rule fires once here, not once per format or pass.
      assert.equal(diags.filter((x) => codeOf(x) === c.rule && x.range.isEqual(d.range)).length, 1, formatDiagnostics(diags));
    });
  }

  it('k8s/batch.yaml: the batch/v1 Job in the same file gets no API-version diagnostic', async () => {
    const uri = exampleUri('k8s/batch.yaml');
    const { document } = await open(uri);
    opened.push(uri);
    const jobApi = yamlValueRange(document, 'apiVersion', /^apiVersion:\s*batch\/v1\s*$/);
    const diags = await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'k8s-api-removed'), { what: 'k8s-api-removed' });
    const onJob = diags.filter((d) => /^k8s-api-/.test(codeOf(d) ?? '') && d.range.intersection(jobApi));
    assert.deepEqual(onJob.map((d) => codeOf(d)), [], formatDiagnostics(onJob));
  });

  it('publishes exactly the findings of the last analysis for every example file', async () => {
    const api = await offloadApi();
    const uris = await vscode.workspace.findFiles('**/*.{yaml,yml,json}', `{${FIXTURE_DIR}/**,.vscode/**,**/node_modules/**}`);
    const files = uris.map((u) => vscode.workspace.asRelativePath(u, false)).sort();
    assert.ok(files.length >= 5, `found only ${files.join(', ')}`);
    await whenIdle();
    const key = (rule: string | undefined, r: vscode.Range | { start: { line: number; character: number }; end: { line: number; character: number } }) =>
      `${rule}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
    for (const file of files) {
      const expected = () =>
        (api.getLastResult()?.findings ?? [])
          .filter((f) => f.file === file)
          .map((f) => key(f.ruleId, f.range))
          .sort();
      const uri = exampleUri(file);
      // The diagnostics event can trail the analysis by a moment: wait, bounded, for the two to agree.
      await waitForDiagnostics(
        uri,
        (ds) => JSON.stringify(ds.map((d) => key(codeOf(d), d.range)).sort()) === JSON.stringify(expected()),
        { what: `the diagnostics to equal the findings of the last analysis (${expected().join(', ') || 'none'})` },
      );
    }
  });
});
