import * as assert from 'node:assert/strict';
import { loadFile } from '../../../src/engine/load';
import { hasTemplateActions, looksLikeTemplate, maskTemplateActions } from '../../../src/engine/source/helm';
import { analyze } from '../../../src/engine';

const TODAY = '2026-11-25';
const DS = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: d\n';

describe('source: loading a file', () => {
  it('skips a file over the size limit with a note, and says so in the summary', () => {
    const m = loadFile('big.yaml', DS + '#'.repeat(2000), 1024);
    assert.equal(m.kind, 'skipped');
    assert.equal(m.summary.format, 'skipped');
    assert.match(m.summary.note!, /larger than the 1 KiB limit/);
    assert.deepEqual(m.documents, []);
  });

  it('maxFileSizeBytes from the options reaches the loader', () => {
    const r = analyze([{ path: 'big.yaml', text: DS + '#'.repeat(2000) }], { today: TODAY, options: { maxFileSizeBytes: 100 } });
    assert.equal(r.files[0].format, 'skipped');
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.workloads, []);
  });

  it('skips binary content (NUL) and text that was not valid UTF-8 (U+FFFD)', () => {
    for (const text of ['\u0000\u0001PNG', DS + '\uFFFD']) {
      const m = loadFile('x.yaml', text, Infinity);
      assert.equal(m.kind, 'skipped');
      assert.match(m.summary.note!, /binary or not valid UTF-8/);
    }
  });

  it('chooses the parser by content: a .yaml holding JSON, a .json holding a manifest', () => {
    const json = JSON.stringify({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'd' } });
    assert.equal(loadFile('x.yaml', json, Infinity).kind, 'json');
    assert.equal(loadFile('x.yaml', json, Infinity).summary.format, 'kubernetes');
    assert.equal(loadFile('x.json', json, Infinity).kind, 'json');
  });

  it('a YAML flow map that starts with { is read as YAML, not as broken JSON', () => {
    const m = loadFile('x.yaml', '{apiVersion: apps/v1, kind: DaemonSet, metadata: {name: d}}\n', Infinity);
    assert.equal(m.kind, 'yaml');
    assert.equal(m.summary.format, 'kubernetes');
    assert.deepEqual(m.parseErrors, []);
  });

  it('a .json file is always JSON: YAML in it is not ours and stays silent', () => {
    const m = loadFile('x.json', DS, Infinity);
    assert.equal(m.kind, 'json');
    assert.deepEqual(m.parseErrors, []);
  });

  it('recognises a Dockerfile by content', () => {
    assert.equal(loadFile('build/Containerfile', 'FROM alpine\n', Infinity).kind, 'dockerfile');
    assert.equal(loadFile('notes.yaml', 'from: here\n', Infinity).kind, 'yaml');
  });

  it('reports YAML errors only for files that are, or look like, manifests', () => {
    assert.deepEqual(loadFile('mkdocs.yml', 'nav: [\n', Infinity).parseErrors, []);
    assert.ok(loadFile('k.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: [\n', Infinity).parseErrors.length > 0);
    assert.ok(loadFile('c.yaml', 'services:\n  web: {image: [\n', Infinity).parseErrors.length > 0);
  });

  it('counts only non-empty documents', () => {
    const m = loadFile('k.yaml', `---\n# nothing\n---\n${DS}---\n---\n`, Infinity);
    assert.equal(m.summary.documents, 1);
  });
});

describe('source: Helm templates', () => {
  it('a file is a template when it sits under templates/ or holds {{ }}', () => {
    assert.equal(looksLikeTemplate('chart/templates/a.yaml', 'a: 1'), true);
    assert.equal(looksLikeTemplate('templates/a.yaml', 'a: 1'), true);
    assert.equal(looksLikeTemplate('k8s/a.yaml', 'image: {{ .Values.image }}'), true);
    assert.equal(looksLikeTemplate('k8s/mytemplates/a.yaml', 'a: 1'), false);
    assert.equal(hasTemplateActions('a: 1'), false);
  });

  it('masks actions with spaces of the same length, keeping line breaks, so offsets stay exact', () => {
    const text = 'name: {{ .Release.Name }}\n{{- if .Values.x }}\r\nx: 1\n{{- /* a\nmulti-line comment */ -}}\n';
    const masked = maskTemplateActions(text);
    assert.equal(masked.length, text.length);
    assert.equal(masked.split(/\r\n|\n/).length, text.split(/\r\n|\n/).length);
    assert.ok(!masked.includes('{{'));
    assert.equal(masked.indexOf('x: 1'), text.indexOf('x: 1'));
    assert.ok(masked.includes('\r\n'));
  });

  it('a template never produces parse errors, and its summary says it is a template', () => {
    const text = '{{- range .Values.items }}\napiVersion: v1\nkind: ConfigMap\ndata:\n{{ toYaml .data | indent 2 }}\n  bad: : : [\n{{- end }}\n';
    const r = analyze([{ path: 'chart/templates/cm.yaml', text }], { today: TODAY });
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'parse-error'), []);
    assert.match(r.files[0].note!, /Helm template/);
  });

  it('a template that starts with {{ is parsed as YAML once masked, not as JSON', () => {
    const text = '{{- range .Values.apps }}\n---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: {{ .name }}\n{{- end }}\n';
    const r = analyze([{ path: 'chart/templates/ds.yaml', text }], { today: TODAY });
    assert.equal(r.files[0].format, 'kubernetes');
    assert.deepEqual(r.workloads.map((w) => w.kind), ['DaemonSet']);
    assert.ok(r.findings.some((f) => f.ruleId === 'eks-fargate-daemonset'));
  });

  it('a masked value reads as null (unknown), so no rule fires on it', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostNetwork: {{ .Values.hostNetwork }}\n  containers:\n    - name: a\n      ports:\n        - containerPort: 80\n          hostPort: {{ .Values.port }}\n';
    const r = analyze([{ path: 'chart/templates/pod.yaml', text }], { today: TODAY });
    assert.deepEqual(r.findings.filter((f) => /host-network|host-port|parse-error/.test(f.ruleId)), []);
    assert.equal(r.workloads.length, 1);
  });
});
