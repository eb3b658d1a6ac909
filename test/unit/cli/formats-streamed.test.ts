import * as assert from 'node:assert/strict';
import { analyze, ruleDocs } from '../../../src/engine';
import type { AnalysisResult, InputFile } from '../../../src/engine';
import { formatJson, formatJsonChunks, jsonArrayItems } from '../../../src/cli/formats/json';
import { formatSarif, formatSarifChunks } from '../../../src/cli/formats/sarif';
import { formatText, formatTextLines } from '../../../src/cli/formats/text';
import { formatMarkdown, formatMarkdownLines } from '../../../src/cli/formats/markdown';

const TODAY = '2026-11-25';

/** Enough workloads and findings that the long arrays are written in several pieces. */
function bigResult(): AnalysisResult {
  const files: InputFile[] = [];
  for (let i = 0; i < 150; i++) {
    files.push({
      path: `k8s/app-${String(i).padStart(3, '0')}.yaml`,
      text: `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: "agent-${i} \\"quoted\\" ünïcode"\nspec:\n  template:\n    spec:\n      hostNetwork: true\n      containers:\n        - name: a\n          image: busybox\n          securityContext:\n            privileged: true\n`,
    });
  }
  return analyze(files, { today: TODAY });
}

describe('cli: reports written in pieces', () => {
  const r = bigResult();

  it('the result is large enough to cross piece boundaries', () => {
    assert.ok(r.findings.length > 300, String(r.findings.length));
    assert.ok(r.workloads.length > 100);
  });

  it('JSON: the pieces make exactly JSON.stringify(result, null, 2) with the documented key order', () => {
    const { tool, target, files, findings, workloads, recommendation, summary } = r;
    const expected = JSON.stringify({ tool, target, files, findings, workloads, recommendation, summary }, null, 2) + '\n';
    const pieces = [...formatJsonChunks(r)];
    assert.equal(pieces.join(''), expected);
    assert.equal(formatJson(r), expected);
    // The findings come in several pieces.
    const findingPieces = [...jsonArrayItems(r.findings, 4)];
    assert.ok(findingPieces.length >= 2);
    for (const p of findingPieces) assert.ok(pieces.includes(p));
  });

  it('jsonArrayItems nests items at any even indent, as JSON.stringify does', () => {
    const items = Array.from({ length: 600 }, (_, i) => ({ i, s: `x${i}`, a: [1, { b: [] }], o: {} }));
    for (const indent of [2, 4, 8]) {
      let v: unknown = items;
      for (let d = 2; d < indent; d += 2) v = { k: v };
      const full = JSON.stringify(v, null, 2);
      const body = [...jsonArrayItems(items, indent)].join('');
      assert.ok(full.includes(`[\n${body}\n${' '.repeat(indent - 2)}]`), `indent ${indent}`);
    }
  });

  it('SARIF: the pieces make exactly JSON.stringify(log, null, 2)', () => {
    const text = [...formatSarifChunks(r, ruleDocs())].join('');
    assert.equal(text, JSON.stringify(JSON.parse(text), null, 2) + '\n');
    assert.equal(formatSarif(r, ruleDocs()), text);
    const log = JSON.parse(text) as { runs: { results: { ruleId: string }[] }[] };
    assert.deepEqual(
      log.runs[0].results.map((x) => x.ruleId),
      r.findings.map((f) => f.ruleId),
    );
  });

  it('SARIF without findings is a log with an empty results list', () => {
    const empty = analyze([{ path: 'a.yaml', text: 'a: 1\n' }], { today: TODAY });
    const text = formatSarif(empty, ruleDocs());
    assert.deepEqual((JSON.parse(text) as { runs: { results: unknown[] }[] }).runs[0].results, []);
  });

  it('text and markdown lines join to the whole report', () => {
    assert.equal(formatTextLines(r).join('\n') + '\n', formatText(r));
    assert.equal(formatMarkdownLines(r).join('\n'), formatMarkdown(r));
  });
});
