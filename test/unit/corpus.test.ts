import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, applyEdits } from '../../src/engine';
import type { AnalysisResult, InputFile } from '../../src/engine';
import { rules } from '../../src/engine/rules';
import { FIXTURES, TODAY } from './rule-tester';

/**
 * Issue 4, done when: "On the Helm charts and Kubernetes manifests of well-known public
 * projects, the rules find what is there and stay silent on decoys." The corpus
 * (test/fixtures/corpus) holds trimmed manifests in the style of ingress-nginx,
 * metrics-server, node-exporter, cert-manager, a Helm chart, a 1.15-era app and a
 * kustomize tree, plus decoys. Every rule runs, as in a real scan; the Kubernetes
 * lifecycle findings must be exactly the list below, so a new false positive or a lost
 * finding fails here.
 */
const CORPUS = path.join(FIXTURES, 'corpus');
const TARGET = { eksVersion: '1.31' };

/** Files that must get no finding from any rule. */
const DECOYS = [
  'empty.yaml',
  'comment-only.yaml',
  // A Helm template whose apiVersions are only in a template comment and a YAML comment.
  'charts/podinfo/templates/legacy.yaml',
];

/** `file:line ruleId`, 1-based lines, sorted as the engine sorts findings. */
const EXPECTED = [
  // A 1.15-era app: every old API, the alias and the annotations of its time.
  'guestbook-legacy/frontend.yaml:17 k8s-api-removed', // extensions/v1beta1 Deployment (suggest: selector)
  'guestbook-legacy/frontend.yaml:29 k8s-field-deprecated', // spec.serviceAccount (fix)
  'guestbook-legacy/ingress.yaml:1 k8s-api-removed', // extensions/v1beta1 Ingress (suggest)
  'guestbook-legacy/ingress.yaml:6 k8s-field-deprecated', // kubernetes.io/ingress.class
  'guestbook-legacy/jobs.yaml:1 k8s-api-removed', // batch/v1beta1 CronJob (fix)
  'guestbook-legacy/jobs.yaml:18 k8s-api-removed', // extensions/v1beta1 PodSecurityPolicy: no replacement
  'guestbook-legacy/jobs.yaml:34 k8s-api-removed', // policy/v1beta1 PodDisruptionBudget (suggest)
  'guestbook-legacy/redis.yaml:1 k8s-api-removed', // apps/v1beta2 Deployment (fix)
  'guestbook-legacy/redis.yaml:21 k8s-field-removed', // seccomp annotation, ignored from 1.27
  // The pre-1.19 ingress-nginx example; the controller's own manifest is current.
  'ingress-nginx/example-ingress.yaml:2 k8s-api-removed',
  'ingress-nginx/example-ingress.yaml:7 k8s-field-deprecated',
  // A strategic-merge patch is a partial object, but its topologyKey is real.
  'kustomize/overlays/prod/replicas.yaml:12 k8s-field-deprecated',
  // metrics-server v0.3.6: APIService and RBAC v1beta1 (fixes); v0.6 is current.
  'metrics-server/components-v0.3.6.yaml:2 k8s-api-removed',
  'metrics-server/components-v0.3.6.yaml:16 k8s-api-removed',
  // kube-prometheus' node-exporter: the beta os label and the master taint.
  'node-exporter/daemonset.yaml:23 k8s-field-deprecated',
  'node-exporter/daemonset.yaml:26 k8s-field-deprecated',
];

function corpusFiles(): InputFile[] {
  const out: InputFile[] = [];
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const abs = path.join(dir, name);
      if (fs.statSync(abs).isDirectory()) walk(abs);
      // Every file, .tpl and NOTES.txt included: stricter than a host, which skips those.
      else out.push({ path: path.relative(CORPUS, abs).split(path.sep).join('/'), text: fs.readFileSync(abs, 'utf8') });
    }
  };
  walk(CORPUS);
  return out;
}

const isOurs = (id: string) => id.startsWith('k8s-') || id === 'parse-error' || id === 'internal-error';

describe('corpus: manifests and charts of well-known public projects', () => {
  const files = corpusFiles();
  let result: AnalysisResult;
  before(() => {
    result = analyze(files, { today: TODAY, options: TARGET, rules });
  });

  it('holds the projects and the decoys', () => {
    const names = files.map((f) => f.path);
    for (const d of DECOYS) assert.ok(names.includes(d), d);
    for (const p of ['ingress-nginx/', 'metrics-server/', 'node-exporter/', 'cert-manager/', 'charts/podinfo/templates/', 'guestbook-legacy/', 'kustomize/']) {
      assert.ok(names.some((n) => n.startsWith(p)), p);
    }
    assert.equal(files.find((f) => f.path === 'empty.yaml')?.text, '');
  });

  it('finds exactly the Kubernetes lifecycle findings that are there', () => {
    const got = result.findings.filter((f) => isOurs(f.ruleId)).map((f) => `${f.file}:${f.range.start.line + 1} ${f.ruleId}`);
    assert.deepEqual(got, EXPECTED);
  });

  it('reports no parse or internal errors anywhere', () => {
    assert.deepEqual(
      result.findings.filter((f) => f.ruleId === 'parse-error' || f.ruleId === 'internal-error').map((f) => `${f.file}: ${f.message}`),
      [],
    );
  });

  it('stays silent on the decoys, for every rule', () => {
    assert.deepEqual(
      result.findings.filter((f) => DECOYS.includes(f.file)).map((f) => `${f.file}:${f.range.start.line + 1} ${f.ruleId}`),
      [],
    );
  });

  it('stays silent on the Helm chart, cert-manager and kustomize bases for the lifecycle rules', () => {
    const quiet = ['charts/', 'cert-manager/', 'kustomize/base/', 'ingress-nginx/deploy.yaml', 'metrics-server/components.yaml'];
    assert.deepEqual(
      result.findings.filter((f) => f.ruleId.startsWith('k8s-') && quiet.some((q) => f.file.startsWith(q))).map((f) => `${f.file}:${f.range.start.line + 1} ${f.ruleId}`),
      [],
    );
  });

  it('marks removed APIs as a needed change on EKS for the workloads that use them', () => {
    const frontend = result.workloads.find((w) => w.file === 'guestbook-legacy/frontend.yaml' && w.name === 'frontend');
    assert.ok(frontend, 'the guestbook frontend workload');
    assert.equal(frontend.fit['eks-ec2'].status, 'needs-changes');
    assert.ok(frontend.fit['eks-ec2'].reasons.some((r) => r.ruleId === 'k8s-api-removed'));
  });

  it('applies every lifecycle fix and suggestion cleanly: the result parses and those findings are gone', () => {
    for (const file of new Set(result.findings.filter((f) => f.ruleId.startsWith('k8s-')).map((f) => f.file))) {
      const text = files.find((f) => f.path === file)!.text;
      const mine = result.findings.filter((f) => f.file === file && f.ruleId.startsWith('k8s-'));
      const edits = mine.flatMap((f) => [...(f.fix?.edits ?? []), ...(f.suggestions?.[0]?.edits ?? [])]);
      if (!edits.length) continue;
      const fixed = applyEdits(text, edits).text;
      const again = analyze([{ path: file, text: fixed }], { today: TODAY, options: TARGET, rules: rules.filter((r) => r.meta.id.startsWith('k8s-')) });
      assert.deepEqual(again.findings.filter((f) => f.ruleId === 'parse-error').map((f) => f.message), [], `${file} parses after the edits`);
      const before = new Set(mine.filter((f) => f.fix || f.suggestions?.length).map((f) => f.message));
      const left = again.findings.filter((f) => before.has(f.message)).map((f) => f.message);
      assert.deepEqual(left, [], `${file}: fixed findings are gone`);
    }
  });
});
