import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/engine';
import type { AnalysisResult } from '../../../src/engine';
import { detect, loadFile } from '../../../src/engine/load';
import { parseYamlChunk } from '../../../src/engine/source/yaml-source';
import { isDockerfile } from '../../../src/engine/formats/dockerfile';
import { isCompose } from '../../../src/engine/formats/compose';
import { kubernetesObjects } from '../../../src/engine/formats/kubernetes';

const TODAY = '2026-11-25';
const REPO = path.resolve(__dirname, '..', '..', '..', '..');
const DIR = path.join(REPO, 'test', 'fixtures', 'detect');

function scan(rel: string): AnalysisResult {
  return analyze([{ path: rel, text: fs.readFileSync(path.join(DIR, rel), 'utf8') }], { today: TODAY });
}

function root(text: string) {
  return parseYamlChunk(text, 0).root!;
}

describe('formats: detection by content, on positive samples', () => {
  const cases: { file: string; format: string; workloads: string[] }[] = [
    { file: 'positive/k8s-deployment.yaml', format: 'kubernetes', workloads: ['Deployment/web'] },
    { file: 'positive/k8s-list.yaml', format: 'kubernetes', workloads: ['DaemonSet/node-agent'] },
    { file: 'positive/k8s-deployment-list.yaml', format: 'kubernetes', workloads: ['Deployment/a', 'Deployment/b'] },
    { file: 'positive/kubectl-get-output.json', format: 'kubernetes', workloads: ['DaemonSet/kube-proxy'] },
    { file: 'positive/ecs-task-definition.json', format: 'ecs-task-definition', workloads: ['TaskDefinition/orders'] },
    { file: 'positive/ecs-describe-output.json', format: 'ecs-task-definition', workloads: ['TaskDefinition/billing'] },
    { file: 'positive/ecs-task-definition.yaml', format: 'ecs-task-definition', workloads: ['TaskDefinition/reports'] },
    { file: 'positive/foo.yaml', format: 'compose', workloads: ['ComposeService/web', 'ComposeService/worker'] },
    { file: 'positive/eksctl-cluster.yaml', format: 'eksctl', workloads: [] },
    { file: 'positive/Dockerfile', format: 'dockerfile', workloads: [] },
    { file: 'positive/Dockerfile.arg', format: 'dockerfile', workloads: [] },
    { file: 'positive/yaml-named-dockerfile/Dockerfile', format: 'kubernetes', workloads: ['Pod/misnamed'] },
  ];
  for (const c of cases) {
    it(`${c.file} → ${c.format}${c.workloads.length ? ` (${c.workloads.join(', ')})` : ''}`, () => {
      const r = scan(c.file);
      assert.equal(r.files[0].format, c.format);
      assert.deepEqual(r.workloads.map((w) => `${w.kind}/${w.name}`), c.workloads);
      assert.deepEqual(r.findings.filter((f) => f.ruleId === 'parse-error' || f.ruleId === 'internal-error'), []);
      for (const w of r.workloads) assert.equal(w.format, c.format === 'kubernetes' ? 'kubernetes' : c.format);
    });
  }

  it('a List expands into its items, each with its own id, and findings land on the item', () => {
    const r = scan('positive/k8s-deployment-list.yaml');
    assert.deepEqual(r.workloads.map((w) => w.id), ['positive/k8s-deployment-list.yaml#0.0/Deployment/a', 'positive/k8s-deployment-list.yaml#0.1/Deployment/b']);
    const list = scan('positive/k8s-list.yaml');
    const f = list.findings.find((x) => x.ruleId === 'eks-fargate-daemonset')!;
    assert.equal(f.range.start.line, 4, 'on the item\'s kind, not the List\'s');
  });

  it('kubectl get -o json output is analysed like YAML: findings on the DaemonSet item', () => {
    const r = scan('positive/kubectl-get-output.json');
    assert.deepEqual(new Set(r.findings.map((f) => f.ruleId)), new Set(['eks-fargate-daemonset', 'eks-fargate-host-network', 'eks-fargate-privileged']));
    assert.equal(r.workloads[0].fit['eks-fargate'].status, 'blocked');
  });

  it('only the content decides, never the name', () => {
    const text = fs.readFileSync(path.join(DIR, 'positive/foo.yaml'), 'utf8');
    for (const name of ['docker-compose.yml', 'foo.yaml', 'deploy/values.yaml', 'Dockerfile']) {
      assert.equal(loadFile(name, text, Infinity).summary.format, 'compose', name);
    }
  });

  it('a *List kind without an items sequence is not expanded', () => {
    assert.equal(kubernetesObjects(root('apiVersion: v1\nkind: PodList\nitems: nope\n')).length, 1);
    assert.equal(kubernetesObjects(root('apiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: Pod}\n  - just-a-string\n')).length, 1);
  });

  it('Dockerfile detection: FROM first, ARG before FROM, comments and directives skipped', () => {
    assert.equal(isDockerfile('FROM alpine'), true);
    assert.equal(isDockerfile('from alpine AS base\n'), true);
    assert.equal(isDockerfile('# syntax=docker/dockerfile:1\n\nARG A=1\nARG B\nFROM x:$A\n'), true);
    assert.equal(isDockerfile('\r\n# c\r\nFROM x\r\n'), true);
    assert.equal(isDockerfile('RUN echo\nFROM x\n'), false);
    assert.equal(isDockerfile('ARG A=1\nRUN x\n'), false);
    assert.equal(isDockerfile('from: here\n'), false);
    assert.equal(isDockerfile('FROM\n'), false);
    assert.equal(isDockerfile(''), false);
  });
});

describe('formats: detection by content, on negative samples', () => {
  const negatives = [
    'negative/package.json',
    'negative/tsconfig.json',
    'negative/settings.json',
    'negative/.github/workflows/ci.yml',
    'negative/values.yaml',
    'negative/openapi.yaml',
    'negative/mkdocs.yml',
    'negative/kubeconfig',
    'negative/kubeconfig.yaml',
    'negative/kustomization.yaml',
    'negative/crd.yaml',
    'negative/custom-resource.yaml',
  ];
  for (const file of negatives) {
    it(`${file}: no workload, no finding, no crash`, () => {
      const r = scan(file);
      assert.deepEqual(r.workloads, []);
      assert.deepEqual(r.findings, [], JSON.stringify(r.findings.map((f) => `${f.ruleId}: ${f.message}`)));
      assert.notEqual(r.files[0].format, 'compose');
      assert.notEqual(r.files[0].format, 'ecs-task-definition');
    });
  }

  it('not-ours formats are "unknown"; Kubernetes-looking objects that place no pods are kubernetes without workloads', () => {
    assert.equal(scan('negative/package.json').files[0].format, 'unknown');
    assert.equal(scan('negative/.github/workflows/ci.yml').files[0].format, 'unknown');
    assert.equal(scan('negative/values.yaml').files[0].format, 'unknown');
    // apiVersion: v1 + kind: Config is a Kubernetes-shaped object; what matters is that it places nothing.
    assert.equal(scan('negative/kubeconfig').files[0].format, 'kubernetes');
  });

  it('compose needs services with image or build, and only compose top-level keys', () => {
    assert.equal(isCompose(root('services:\n  web:\n    image: nginx\n')), true);
    assert.equal(isCompose(root('version: "3.8"\nx-defaults: {}\nservices:\n  web:\n    build: .\nnetworks: {}\n')), true);
    assert.equal(isCompose(root('services:\n  web:\n    port: 80\n')), false, 'no image or build');
    assert.equal(isCompose(root('services: []\n')), false);
    assert.equal(isCompose(root('services: {}\n')), false);
    assert.equal(isCompose(root('openapi: 3.0.0\nservices:\n  web:\n    image: x\n')), false, 'an OpenAPI spec');
    assert.equal(isCompose(root('replicaCount: 1\nservices:\n  web:\n    image: x\n')), false, 'a Helm values.yaml');
    assert.equal(isCompose(root('apiVersion: v1\nkind: X\nservices:\n  web:\n    image: x\n')), false);
  });

  it('the root must be a map for any format', () => {
    for (const text of ['- a\n- b\n', '42\n', '"just a string"\n']) assert.equal(detect(root(text)), undefined, text);
  });

  it('the whole negative folder analysed at once: no workloads, no findings', () => {
    const files = ['package.json', 'tsconfig.json', 'values.yaml', 'openapi.yaml', 'kubeconfig', 'kustomization.yaml', 'crd.yaml', 'custom-resource.yaml'].map((f) => ({
      path: f,
      text: fs.readFileSync(path.join(DIR, 'negative', f), 'utf8'),
    }));
    const r = analyze(files, { today: TODAY });
    assert.deepEqual(r.workloads, []);
    assert.deepEqual(r.findings, []);
  });
});

describe('formats: Helm templates', () => {
  it('a templated DaemonSet under templates/ still yields its findings where the structure survives masking', () => {
    const r = scan('helm/chart/templates/daemonset.yaml');
    assert.equal(r.files[0].format, 'kubernetes');
    assert.match(r.files[0].note!, /Helm template/);
    assert.deepEqual(r.workloads.map((w) => w.kind), ['DaemonSet']);
    const ids = r.findings.map((f) => f.ruleId);
    assert.ok(ids.includes('eks-fargate-daemonset'));
    // hostNetwork sits inside {{- if }}; the structure survives, so the finding stays.
    assert.ok(ids.includes('eks-fargate-host-network'));
    assert.ok(!ids.includes('parse-error'));
  });

  it('a template that opens with {{- range }} and holds --- documents is analysed', () => {
    const r = scan('helm/chart/templates/deployments.yaml');
    assert.deepEqual(r.workloads.map((w) => w.kind), ['Deployment']);
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'parse-error'), []);
  });

  it('a template that does not parse once masked produces no parse errors', () => {
    for (const f of ['helm/chart/templates/broken.yaml', 'helm/chart/templates/NOTES.yaml']) {
      assert.deepEqual(scan(f).findings.filter((x) => x.ruleId === 'parse-error'), [], f);
      assert.deepEqual(scan(f).workloads, [], f);
    }
  });

  it('{{ }} outside templates/ also makes a file a template', () => {
    const r = scan('helm/gitops/app.yaml');
    assert.match(r.files[0].note!, /Helm template/);
    assert.deepEqual(r.workloads.map((w) => w.name), ['log-shipper']);
    // hostPort is a template action: unknown, so no hostPort finding.
    assert.ok(r.findings.some((f) => f.ruleId === 'eks-fargate-daemonset'));
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'eks-fargate-host-port' || f.ruleId === 'parse-error'), []);
  });
});
