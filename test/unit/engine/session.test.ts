import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { analyze, createSession } from '../../../src/engine';
import type { AnalysisResult, InputFile, UserOptions } from '../../../src/engine';
import { defineRule } from '../../../src/engine/rules/define-rule';
import type { Rule } from '../../../src/engine/rules/define-rule';
import { ruleById, rules as allRules } from '../../../src/engine/rules';

const TODAY = '2026-11-25';
const REPO = path.resolve(__dirname, '..', '..', '..', '..');

function examples(): InputFile[] {
  const out: InputFile[] = [];
  const visit = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) visit(abs);
      else out.push({ path: path.relative(REPO, abs).split(path.sep).join('/'), text: fs.readFileSync(abs, 'utf8') });
    }
  };
  visit(path.join(REPO, 'examples'));
  return out;
}

interface Settings {
  options?: UserOptions;
  configText?: string;
  configPath?: string;
}

/** What a session must equal: a fresh analyze() of the same files, in path order. */
function fresh(files: Map<string, string>, settings: Settings = {}, rules?: readonly Rule[]): AnalysisResult {
  const list = [...files].map(([p, text]) => ({ path: p, text })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return analyze(list, { today: TODAY, ...settings, rules });
}

/** Deep equality as JSON sees it (the result is JSON data; undefined members are absent). */
function same(actual: AnalysisResult, expected: AnalysisResult, what = ''): void {
  assert.deepStrictEqual(JSON.parse(JSON.stringify(actual)), JSON.parse(JSON.stringify(expected)), what);
}

const CLUSTER = (version: string, ns = 'shop') => `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: prod
  region: eu-west-1
  version: "${version}"
fargateProfiles:
  - name: apps
    selectors:
      - namespace: ${ns}
managedNodeGroups:
  - name: system
    instanceType: m6i.large
`;

const DEPLOY = (name: string, ns: string, claim?: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: ${name}
          image: nginx
          ports:
            - containerPort: 80
              hostPort: 8080
${claim ? `      volumes:\n        - name: data\n          persistentVolumeClaim:\n            claimName: ${claim}\n` : ''}`;

const PVC = (name: string, cls: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
spec:
  storageClassName: ${cls}
  accessModes: [ReadWriteMany]
`;

const STORAGE_CLASS = (name: string, provisioner: string) => `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: ${name}
provisioner: ${provisioner}
`;

/** A document rule that counts its runs, to see what a session re-checks. */
function counting(): { rule: Rule; runs: () => number } {
  let n = 0;
  const base = ruleById('eks-fargate-host-port')!;
  const rule = defineRule({
    meta: { ...base.meta, id: 'test-counting', messages: { x: 'x' } },
    check(ctx) {
      n++;
      base.check(ctx as never);
    },
  });
  return { rule, runs: () => n };
}

describe('engine: incremental session', () => {
  it('starts out equal to analyze() of the same files in path order', () => {
    const files = new Map(examples().map((f) => [f.path, f.text]));
    const s = createSession({ today: TODAY });
    for (const [p, t] of files) s.update(p, t);
    same(s.result(), fresh(files));
    assert.equal(s.size, files.size);
  });

  it('follows edits, additions and removals', () => {
    const files = new Map(examples().map((f) => [f.path, f.text]));
    const s = createSession({ today: TODAY });
    for (const [p, t] of files) s.update(p, t);
    s.result();
    const shop = files.get('examples/k8s/shop.yaml')!;
    files.set('examples/k8s/shop.yaml', '# moved down\n' + shop.replace('hostNetwork', 'hostnetwork'));
    s.update('examples/k8s/shop.yaml', files.get('examples/k8s/shop.yaml')!);
    same(s.result(), fresh(files), 'edit');
    files.set('a/new.yaml', DEPLOY('extra', 'shop'));
    s.update('a/new.yaml', files.get('a/new.yaml')!);
    same(s.result(), fresh(files), 'add');
    files.delete('examples/cluster/eksctl-cluster.yaml');
    s.remove('examples/cluster/eksctl-cluster.yaml');
    same(s.result(), fresh(files), 'remove the cluster');
  });

  it('re-checks only the document an edit touched', () => {
    const { rule, runs } = counting();
    const docs = Array.from({ length: 20 }, (_, i) => DEPLOY(`web-${i}`, 'shop'));
    const text = docs.join('---\n');
    const s = createSession({ today: TODAY, rules: [rule] });
    s.update('big.yaml', text);
    s.result();
    assert.equal(runs(), 20);
    // One character inserted in the 11th document: it moves the ones below, which are not re-checked.
    const at = text.indexOf('web-10') + 3;
    const edited = text.slice(0, at) + 'x' + text.slice(at);
    s.update('big.yaml', edited);
    const r = s.result();
    assert.equal(runs(), 21);
    same(r, fresh(new Map([['big.yaml', edited]]), {}, [rule]));
  });

  it('re-checks a pod when the claim it names changes in another file, and only then', () => {
    const files = new Map([
      ['app.yaml', DEPLOY('db', 'shop', 'data')],
      ['storage.yaml', `${PVC('data', 'gp3')}---\n${STORAGE_CLASS('gp3', 'ebs.csi.aws.com')}`],
      ['other.yaml', DEPLOY('web', 'web')],
    ]);
    const s = createSession({ today: TODAY });
    for (const [p, t] of files) s.update(p, t);
    const first = s.result();
    assert.ok(first.findings.some((f) => f.ruleId === 'eks-fargate-persistent-volume' && f.file === 'app.yaml'));
    files.set('storage.yaml', `${PVC('data', 'efs-sc')}---\n${STORAGE_CLASS('efs-sc', 'efs.csi.aws.com')}`);
    s.update('storage.yaml', files.get('storage.yaml')!);
    const second = s.result();
    same(second, fresh(files));
    assert.ok(!second.findings.some((f) => f.ruleId === 'eks-fargate-persistent-volume' && f.file === 'app.yaml'));
    // A file nobody's pods depend on keeps its part of the result as it was.
    assert.equal(second.workloads.find((w) => w.file === 'other.yaml'), first.workloads.find((w) => w.file === 'other.yaml'));
  });

  it('takes the target version from the eksctl cluster, and follows it', () => {
    const files = new Map([
      ['cluster.yaml', CLUSTER('1.29')],
      ['jobs.yaml', 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: nightly\n  namespace: shop\nspec:\n  schedule: "0 1 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: c\n              image: c\n'],
    ]);
    const s = createSession({ today: TODAY });
    for (const [p, t] of files) s.update(p, t);
    assert.equal(s.result().target.eksVersion, '1.29');
    files.set('cluster.yaml', CLUSTER('1.33'));
    s.update('cluster.yaml', files.get('cluster.yaml')!);
    const r = s.result();
    assert.equal(r.target.eksVersion, '1.33');
    same(r, fresh(files));
  });

  it('follows settings and .offload.yaml', () => {
    const files = new Map(examples().map((f) => [f.path, f.text]));
    const s = createSession({ today: TODAY });
    for (const [p, t] of files) s.update(p, t);
    s.result();
    const settings: Settings = { options: { eksVersion: '1.30', rules: { 'eks-fargate-daemonset': 'off' } } };
    s.setOptions(settings);
    same(s.result(), fresh(files, settings), 'options');
    const config: Settings = { ...settings, configText: 'ignore: ["examples/ecs/**"]\nregions: [eu-west-1]\nbogus: 1\n', configPath: '.offload.yaml' };
    s.setOptions(config);
    same(s.result(), fresh(files, config), 'config');
    s.setOptions({ configText: undefined, configPath: undefined });
    same(s.result(), fresh(files, settings), 'config removed');
  });

  it('keeps the parts of unchanged files as the same objects, so a host republishes only what changed', () => {
    const files = new Map(examples().map((f) => [f.path, f.text]));
    const s = createSession({ today: TODAY });
    for (const [p, t] of files) s.update(p, t);
    const r1 = s.result();
    const before = new Map([...files.keys()].map((p) => [p, s.filePart(p)]));
    const edited = 'examples/k8s/log-agent.yaml';
    s.update(edited, files.get(edited)!.replace('hostNetwork: true', 'hostNetwork: false'));
    const r2 = s.result();
    for (const p of files.keys()) {
      const part = s.filePart(p)!;
      assert.deepEqual(part.findings, r2.findings.filter((f) => f.file === p), p);
      assert.deepEqual(part.workloads, r2.workloads.filter((w) => w.file === p), p);
      if (p === edited) assert.notEqual(part.findings, before.get(p)!.findings);
      else assert.equal(part, before.get(p), p);
    }
    assert.notDeepEqual(r1.findings, r2.findings);
  });

  it('returns the same result object when nothing changed', () => {
    const s = createSession({ today: TODAY });
    s.update('a.yaml', DEPLOY('a', 'shop'));
    const r = s.result();
    s.update('a.yaml', DEPLOY('a', 'shop'));
    assert.equal(s.result(), r);
  });

  it('after any sequence of updates, removals and setting changes, equals a fresh analyze() (property)', () => {
    const docs = fc.constantFrom(
      CLUSTER('1.29'),
      CLUSTER('1.33', 'api-*'),
      DEPLOY('web', 'shop'),
      DEPLOY('api', 'api-orders', 'data'),
      DEPLOY('db', 'data', 'missing'),
      PVC('data', 'gp3'),
      PVC('data', 'efs-sc'),
      STORAGE_CLASS('gp3', 'ebs.csi.aws.com'),
      STORAGE_CLASS('efs-sc', 'efs.csi.aws.com'),
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    spec:\n      # offload-ignore eks-fargate-host-network: node agent\n      hostNetwork: true\n      containers: [{name: a, image: a}]\n',
      'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: nightly\n  annotations:\n    offload.dev/ignore: "eks-fargate-no-requests: tiny"\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: c, image: c}]\n',
      'services:\n  web:\n    image: nginx\n    privileged: true\n    ports: ["80:80"]\n',
      'kind: Pod\napiVersion: v1\nmetadata: {name: p, namespace: shop}\nspec:\n  containers:\n    - name: c\n      image: "{{ .Values.image }}"\n      securityContext: {privileged: true}\n',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports: [{port: 80}\n',
      '# only a comment\n',
      'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: PersistentVolumeClaim\n    metadata: {name: data}\n    spec: {storageClassName: gp3}\n',
    );
    const fileText = fc.tuple(fc.array(docs, { minLength: 1, maxLength: 4 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([ds, eol, bom]) => (bom ? '\uFEFF' : '') + ds.join('---\n').replace(/\n/g, eol));
    const ecs = fc.constantFrom(
      '{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "512", "containerDefinitions": [{"name": "web", "image": "nginx", "portMappings": [{"containerPort": 80, "hostPort": 8080}]}]}',
      '{"family": "big", "cpu": "99999", "containerDefinitions": [{"name": "x", "image": "x", "privileged": true}]}',
      '{"not": "ours"}',
      '{"family": "broken", "containerDefinitions": [',
    );
    const paths = ['a.yaml', 'b/c.yaml', 'b/d.yml', 'templates/t.yaml', 'e.json', 'z.yaml'];
    const op = fc.oneof(
      fc.record({ kind: fc.constant('update' as const), path: fc.constantFrom(...paths.filter((p) => !p.endsWith('.json'))), text: fileText }),
      fc.record({ kind: fc.constant('update' as const), path: fc.constant('e.json'), text: ecs }),
      fc.record({ kind: fc.constant('edit' as const), path: fc.constantFrom(...paths), at: fc.nat(), insert: fc.constantFrom('x', '\n', '---\n', '  ', '#', ':', '"', 'shop') }),
      fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...paths), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
      fc.record({ kind: fc.constant('remove' as const), path: fc.constantFrom(...paths) }),
      fc.record({
        kind: fc.constant('settings' as const),
        settings: fc.constantFrom<Settings>(
          {},
          { options: { eksVersion: '1.30' } },
          { options: { rules: { 'eksctl-workload-unmatched': 'off', 'eks-fargate-host-port': 'error' } } },
          { configText: 'ignore: [b/**]\n', configPath: '.offload.yaml' },
          { configText: 'eksVersion: 1.31\nregions: [ap-east-2]\nbad: x\n', configPath: 'a.yaml' },
        ),
      }),
      fc.record({ kind: fc.constant('result' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 12 }), (ops) => {
        const files = new Map<string, string>();
        let settings: Settings = {};
        const s = createSession({ today: TODAY });
        for (const o of ops) {
          if (o.kind === 'update') {
            files.set(o.path, o.text);
            s.update(o.path, o.text);
          } else if (o.kind === 'edit' || o.kind === 'delete') {
            const t = files.get(o.path);
            if (t === undefined) continue;
            const at = o.at % (t.length + 1);
            const next = o.kind === 'edit' ? t.slice(0, at) + o.insert + t.slice(at) : t.slice(0, at) + t.slice(at + o.length);
            files.set(o.path, next);
            s.update(o.path, next);
          } else if (o.kind === 'remove') {
            files.delete(o.path);
            s.remove(o.path);
          } else if (o.kind === 'settings') {
            settings = o.settings;
            s.setOptions({ options: settings.options, configText: settings.configText, configPath: settings.configPath });
          } else {
            same(s.result(), fresh(files, settings));
          }
        }
        same(s.result(), fresh(files, settings));
      }),
      { numRuns: 150 },
    );
  });

  it('a rule set restricts the session like analyze()', () => {
    const files = new Map(examples().map((f) => [f.path, f.text]));
    const some = allRules.filter((r) => r.meta.id.startsWith('eks'));
    const s = createSession({ today: TODAY, rules: some });
    for (const [p, t] of files) s.update(p, t);
    same(s.result(), fresh(files, {}, some));
  });
});
