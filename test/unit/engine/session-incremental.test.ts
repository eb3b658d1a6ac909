/**
 * The session's incremental paths for large, edited files: documents whose converted
 * findings are reused or shifted by lines instead of converted again, index entries
 * that only moved, and the compact copies results are made of. Each must give what a
 * fresh analyze() gives.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { analyze, createSession } from '../../../src/engine';
import type { AnalysisResult } from '../../../src/engine';
import { Compactor } from '../../../src/engine/incremental/compact';
import { shiftFinding, shiftable } from '../../../src/engine/incremental/shift';
import type { RawFinding } from '../../../src/engine/run-rules';

const TODAY = '2026-11-25';

function fresh(files: Map<string, string>): AnalysisResult {
  const list = [...files].map(([p, text]) => ({ path: p, text })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return analyze(list, { today: TODAY });
}

function same(actual: AnalysisResult, expected: AnalysisResult, what = ''): void {
  assert.deepStrictEqual(JSON.parse(JSON.stringify(actual)), JSON.parse(JSON.stringify(expected)), what);
}

const DEPLOY = (name: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
spec:
  template:
    spec:
      hostNetwork: true
      containers:
        - name: ${name}
          image: nginx:1.0
          ports:
            - containerPort: 80
              hostPort: 8080
${extra}`;

const CLAIMED = (name: string, claim: string) =>
  DEPLOY(name, `      volumes:\n        - name: data\n          persistentVolumeClaim:\n            claimName: ${claim}\n`);

const PVC = (name: string, cls: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
spec:
  storageClassName: ${cls}
`;

const SC = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: gp3
provisioner: ebs.csi.aws.com
`;

const CLUSTER = `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: prod
  region: eu-west-1
  version: "1.31"
fargateProfiles:
  - name: apps
    selectors:
      - namespace: shop
`;

/** A multi-document file: workloads with findings, claims resolved in the same file and in another. */
function bigFile(n: number): string {
  const docs: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 5 === 2) docs.push(PVC(`claim-${i}`, 'gp3'));
    else if (i % 5 === 3) docs.push(CLAIMED(`db-${i}`, `claim-${i - 1}`));
    else if (i % 7 === 6) docs.push('# offload-ignore eks-fargate-host-network: test\n' + DEPLOY(`quiet-${i}`));
    else docs.push(DEPLOY(`web-${i}`));
  }
  return docs.join('---\n');
}

describe('engine: incremental session, edited files', () => {
  it('after random edits of a many-document file, equals a fresh analyze() (property)', () => {
    const base = new Map([
      ['big.yaml', bigFile(24)],
      ['other/uses-claim.yaml', CLAIMED('app', 'claim-2')],
      ['storage.yaml', SC],
      ['cluster.yaml', CLUSTER],
    ]);
    const edit = fc.record({
      path: fc.constantFrom('big.yaml', 'big.yaml', 'big.yaml', 'other/uses-claim.yaml', 'cluster.yaml'),
      at: fc.nat(),
      del: fc.integer({ min: 0, max: 6 }),
      insert: fc.constantFrom('x', '\n', '\n\n', '# c\n', '---\n', '  ', ':', 'shop', '\r\n', ''),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 10 }), fc.boolean(), (edits, everyStep) => {
        const files = new Map(base);
        const s = createSession({ today: TODAY });
        for (const [p, t] of files) s.update(p, t);
        s.result();
        for (const e of edits) {
          const t = files.get(e.path)!;
          const at = e.at % (t.length + 1);
          const next = t.slice(0, at) + e.insert + t.slice(at + e.del);
          files.set(e.path, next);
          s.update(e.path, next);
          if (everyStep) same(s.result(), fresh(files));
        }
        same(s.result(), fresh(files));
      }),
      { numRuns: 40 },
    );
  });

  it('keeps the findings of documents above an edit as the same objects, and shifts those below', () => {
    const text = bigFile(12);
    const s = createSession({ today: TODAY });
    s.update('big.yaml', text);
    const before = s.result().findings;
    // A line added inside the 6th document (web-5): the ones above keep their findings,
    // the ones below get them one line further down.
    const at = text.indexOf('web-5');
    const lineOfEdit = text.slice(0, at).split('\n').length - 1;
    const edited = text.slice(0, at) + 'web-5\n  labels: {a: b}\n  x: ' + text.slice(at + 'web-5'.length);
    s.update('big.yaml', edited);
    const after = s.result();
    same(after, fresh(new Map([['big.yaml', edited]])));
    // Above the first claim: a document with a finding that points into another
    // document is converted again (that other end may have moved).
    const firstClaim = text.slice(0, text.indexOf('kind: PersistentVolumeClaim')).split('\n').length - 1;
    const above = before.filter((x) => x.range.start.line < firstClaim);
    assert.ok(above.length > 3);
    for (const x of above) assert.ok(after.findings.includes(x), `${x.ruleId} at ${x.range.start.line} kept`);
    const below = before.filter((x) => x.range.start.line > lineOfEdit + 20);
    assert.ok(below.length > 3);
    for (const x of below) assert.ok(after.findings.some((y) => y.ruleId === x.ruleId && y.range.start.line === x.range.start.line + 2 && y.message === x.message));
  });

  it('follows a claim that only moved in its file into the findings that point at it', () => {
    const files = new Map([
      ['big.yaml', bigFile(10)],
      ['other/uses-claim.yaml', CLAIMED('app', 'claim-2')],
    ]);
    const s = createSession({ today: TODAY });
    for (const [p, t] of files) s.update(p, t);
    const first = s.result();
    const next = `# moved\n${files.get('big.yaml')!}`;
    files.set('big.yaml', next);
    s.update('big.yaml', next);
    const second = s.result();
    same(second, fresh(files));
    const related = (r: AnalysisResult) => r.findings.filter((x) => x.file === 'other/uses-claim.yaml').flatMap((x) => x.related ?? []).filter((x) => x.file === 'big.yaml');
    assert.ok(related(first).length > 0);
    assert.deepEqual(
      related(second).map((x) => x.range.start.line),
      related(first).map((x) => x.range.start.line + 1),
    );
  });

  it('shifted findings equal freshly converted ones', () => {
    const text = bigFile(8);
    const a = analyze([{ path: 'f.yaml', text }], { today: TODAY });
    const b = analyze([{ path: 'f.yaml', text: `\n\n\n${text}` }], { today: TODAY });
    assert.equal(a.findings.length, b.findings.length);
    a.findings.forEach((x, i) => assert.deepStrictEqual(shiftFinding(x, 3), b.findings[i]));
  });

  it('a document whose findings point outside it is not shifted', () => {
    const raw = (over: Partial<RawFinding>): RawFinding => ({ ruleId: 'r', severity: 'warning', message: 'm', file: 'f', s: 1, e: 2, r: true, platforms: [], effect: 'advice', ...over });
    assert.equal(shiftable([raw({})], 'f', 10), true);
    assert.equal(shiftable([raw({ r: false })], 'f', 10), false);
    assert.equal(shiftable([raw({ e: 11 })], 'f', 10), false);
    assert.equal(shiftable([raw({ related: [{ file: 'g', s: 0, e: 1, r: false, message: 'x' }] })], 'f', 10), false);
    assert.equal(shiftable([raw({ fix: { title: 't', edits: [{ s: 0, e: 12, r: true, newText: '' }] } })], 'f', 10), false);
  });

  it('compact copies are deep-equal to what they copy, keys in the same order', () => {
    const files = [
      { path: 'big.yaml', text: bigFile(10) },
      { path: 'cluster.yaml', text: CLUSTER.replace('"1.31"', '"1.29"') },
      { path: 'task.json', text: '{"family": "web", "cpu": "256", "memory": "512", "containerDefinitions": [{"name": "web", "image": "nginx", "privileged": true}]}' },
    ];
    const r = analyze(files, { today: TODAY });
    assert.ok(r.findings.some((x) => x.suggestions || x.fix));
    const c = new Compactor();
    for (const x of r.findings) {
      c.beginFile();
      const y = c.finding(x);
      assert.deepStrictEqual(y, x);
      assert.equal(JSON.stringify(y), JSON.stringify(x));
    }
    for (const w of r.workloads) {
      c.beginFile();
      const y = c.workload(w);
      assert.deepStrictEqual(y, w);
      assert.equal(JSON.stringify(y), JSON.stringify(w));
    }
  });
});
