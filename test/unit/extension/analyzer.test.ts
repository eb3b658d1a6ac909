import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { analyze } from '../../../src/engine';
import { AnalysisCore, ResultAssembler } from '../../../src/extension/analysis-core';
import type { WorkerReply } from '../../../src/extension/analysis-core';
import { InProcessAnalyzer, WorkerAnalyzer, createAnalyzer } from '../../../src/extension/analyzer';
import type { Analyzer } from '../../../src/extension/analyzer';

const TODAY = '2026-11-25';
const DS = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: a\nspec:\n  template:\n    spec:\n      containers:\n        - name: c\n          image: i\n';
const DEPLOY = DS.replace('DaemonSet', 'Deployment');
// Tests run from out/test/unit/extension; the compiled worker is out/src/extension.
const WORKER_DIR = path.resolve(__dirname, '..', '..', '..', 'src', 'extension');

const ruleIds = (r: { findings: { ruleId: string }[] }) => r.findings.map((f) => f.ruleId);

function behavesLikeTheEngine(make: () => Analyzer) {
  let a: Analyzer;
  beforeEach(() => (a = make()));
  afterEach(() => a.dispose());

  it('analyses the files it was sent, then only the changes', async () => {
    a.prime([{ path: 'ds.yaml', text: DS }], 2e6);
    const first = await a.analyze({ changes: [], options: {}, today: TODAY });
    assert.ok(ruleIds(first.result).includes('eks-fargate-daemonset'));
    const second = await a.analyze({ changes: [{ path: 'ds.yaml', text: DEPLOY }], options: {}, today: TODAY });
    assert.ok(!ruleIds(second.result).includes('eks-fargate-daemonset'));
    assert.equal(second.result.workloads[0].kind, 'Deployment');
    const third = await a.analyze({ changes: [{ path: 'ds.yaml', text: null }], options: {}, today: TODAY });
    assert.equal(third.result.files.length, 0);
  });

  it('passes options, config and today through', async () => {
    const r = await a.analyze({ changes: [{ path: 'ds.yaml', text: DS }], options: { rules: { 'eks-fargate-daemonset': 'off' } }, configText: 'regions: [eu-west-1]\n', configPath: '.offload.yaml', today: TODAY });
    assert.ok(!ruleIds(r.result).includes('eks-fargate-daemonset'));
    assert.deepEqual(r.result.target.regions, ['eu-west-1']);
    assert.equal(r.result.target.today, TODAY);
  });

  it('serves concurrent requests in order', async () => {
    const [x, y] = await Promise.all([
      a.analyze({ changes: [{ path: 'a.yaml', text: DS }], options: {}, today: TODAY }),
      a.analyze({ changes: [{ path: 'b.yaml', text: DEPLOY }], options: {}, today: TODAY }),
    ]);
    assert.equal(x.result.workloads.length, 1);
    assert.equal(y.result.workloads.length, 2);
  });
}

describe('extension: analyzers', () => {
  describe('in process', () => behavesLikeTheEngine(() => new InProcessAnalyzer()));

  describe('in a worker thread', () => {
    behavesLikeTheEngine(() => new WorkerAnalyzer(path.join(WORKER_DIR, 'analysis-worker.js')));

    it('falls back to the extension host when the worker dies, asking for every file again', async () => {
      const logs: string[] = [];
      const a = new WorkerAnalyzer(path.join(WORKER_DIR, 'analysis-worker.js'), (m) => logs.push(m));
      const pending = a.analyze({ changes: [{ path: 'a.yaml', text: DS }], options: {}, today: TODAY });
      // Terminate it behind the analyzer's back, as a crash would.
      await (a as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
      await pending.then(
        () => undefined,
        (e: Error) => assert.match(e.message, /worker stopped/),
      );
      assert.equal(a.running, 'in-process');
      assert.equal(a.needsFullResend, true);
      const r = await a.analyze({ changes: [{ path: 'a.yaml', text: DS }], options: {}, today: TODAY });
      assert.equal(r.result.workloads.length, 1);
      assert.equal(a.needsFullResend, false);
      assert.match(logs.join('\n'), /Analysis worker stopped/);
      a.dispose();
    });
  });

  it('createAnalyzer uses the worker when its script exists, else the extension host', () => {
    const logs: string[] = [];
    const w = createAnalyzer(WORKER_DIR, (m) => logs.push(m));
    assert.equal(w.kind, 'worker');
    w.dispose();
    const p = createAnalyzer(path.join(WORKER_DIR, 'nowhere'), (m) => logs.push(m));
    assert.equal(p.kind, 'in-process');
    assert.match(logs.join('\n'), /analysing in the extension host/);
  });

  it('sends deltas that rebuild exactly the engine result, moving only the files that changed', () => {
    const core = new AnalysisCore();
    const assembler = new ResultAssembler();
    const files = [
      { path: 'b/ds.yaml', text: DS },
      { path: 'a/web.yaml', text: DEPLOY },
      { path: 'c/task.json', text: '{"family":"t","requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"4096","containerDefinitions":[{"name":"a","image":"i"}]}' },
    ];
    const run = (changes: { path: string; text: string | null }[]) => {
      const reply = core.handle({ type: 'analyze', id: 1, changes, options: {}, today: TODAY }) as Extract<WorkerReply, { type: 'result' }>;
      return { delta: reply.delta, result: assembler.apply(reply.delta) };
    };
    const first = run(files);
    assert.equal(first.delta.full, true);
    const expected = analyze([...files].sort((x, y) => (x.path < y.path ? -1 : 1)), { today: TODAY });
    assert.deepEqual(first.result, expected);

    const edited = DS.replace('name: a', 'name: b');
    const second = run([{ path: 'b/ds.yaml', text: edited }]);
    assert.equal(second.delta.full, false);
    assert.deepEqual(second.delta.changed.map((p) => p.file), ['b/ds.yaml']);
    const files2 = files.map((f) => (f.path === 'b/ds.yaml' ? { ...f, text: edited } : f)).sort((x, y) => (x.path < y.path ? -1 : 1));
    assert.deepEqual(second.result, analyze(files2, { today: TODAY }));

    const third = run([{ path: 'b/ds.yaml', text: null }]);
    assert.deepEqual(third.delta.removed, ['b/ds.yaml']);
    assert.ok(!third.result.findings.some((f) => f.file === 'b/ds.yaml'));
    assert.notEqual(assembler.signature('a/web.yaml'), '');
  });

  it('AnalysisCore reports engine failures as error replies, never throws', () => {
    const core = new AnalysisCore();
    const reply = core.handle({ type: 'analyze', id: 7, changes: [], options: {}, today: TODAY });
    assert.equal(reply?.type, 'result');
    assert.equal(core.handle({ type: 'prime', changes: [{ path: 'x.yaml', text: DS }], maxFileSizeBytes: 10 }), undefined);
    assert.equal(core.size, 1);
  });
});
