import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { analyze, ChunkCache } from '../../../src/engine';
import type { AnalysisResult, InputFile } from '../../../src/engine';
import { defineRule } from '../../../src/engine/rules/define-rule';
import { ruleById } from '../../../src/engine/rules';

const TODAY = '2026-11-25';
const REPO = path.resolve(__dirname, '..', '..', '..', '..');

function examples(): InputFile[] {
  const out: InputFile[] = [];
  const visit = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) visit(abs);
      else out.push({ path: path.relative(REPO, abs).split(path.sep).join('/'), text: fs.readFileSync(abs, 'utf8') });
    }
  };
  visit(path.join(REPO, 'examples'));
  return out;
}

const DS = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n      hostNetwork: true\n      containers: [{name: c, image: c}]\n';

describe('engine: analyze()', () => {
  it('returns plain JSON data: a JSON round trip changes nothing', () => {
    const r = analyze(examples(), { today: TODAY });
    assert.deepEqual(JSON.parse(JSON.stringify(r)), stripUndefined(r));
  });

  it('is deterministic and does not depend on the order of the input files', () => {
    const files = examples();
    const a = analyze(files, { today: TODAY });
    const b = analyze([...files].reverse(), { today: TODAY });
    assert.deepEqual(a.findings, b.findings);
    assert.deepEqual(a.workloads.map((w) => w.id).sort(), b.workloads.map((w) => w.id).sort());
  });

  it('sorts findings by file, then position, then rule id', () => {
    const r = analyze([{ path: 'b.yaml', text: DS }, { path: 'a.yaml', text: DS }], { today: TODAY });
    const keys = r.findings.map((f) => [f.file, f.range.start.line, f.range.start.character, f.ruleId]);
    const sorted = [...keys].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : (x[1] as number) - (y[1] as number) || (x[2] as number) - (y[2] as number)));
    assert.deepEqual(keys, sorted);
    assert.equal(r.findings[0].file, 'a.yaml');
  });

  it('gives every finding a workload id that exists, and every workload a range in its file', () => {
    const r = analyze(examples(), { today: TODAY });
    const ids = new Set(r.workloads.map((w) => w.id));
    for (const f of r.findings) if (f.workloadId) assert.ok(ids.has(f.workloadId), f.workloadId);
    for (const w of r.workloads) assert.ok(r.files.some((x) => x.file === w.file));
  });

  it('the summary counts files, workloads and findings by severity', () => {
    const r = analyze([{ path: 'a.yaml', text: DS }, { path: 'x.json', text: '{}' }], { today: TODAY, rules: [ruleById('eks-fargate-daemonset')!, ruleById('eks-fargate-host-network')!] });
    assert.equal(r.summary.files, 2);
    assert.equal(r.summary.workloads, 1);
    assert.deepEqual(r.summary.findings, { error: 0, warning: 2, info: 0, hint: 0 });
  });

  it('a rule that throws costs one internal-error finding; the other rules still run', () => {
    const broken = defineRule({
      meta: { ...ruleById('eks-fargate-daemonset')!.meta, id: 'test-broken', messages: { x: 'x' } },
      check() {
        throw new Error('boom');
      },
    });
    const r = analyze([{ path: 'a.yaml', text: DS }], { today: TODAY, rules: [broken, ruleById('eks-fargate-daemonset')!] });
    const internal = r.findings.filter((f) => f.ruleId === 'internal-error');
    assert.equal(internal.length, 1);
    assert.match(internal[0].message, /Rule test-broken failed on this document: boom/);
    assert.equal(internal[0].range.start.line, 0);
    assert.ok(r.findings.some((f) => f.ruleId === 'eks-fargate-daemonset'));
  });

  it('`rules:` restricts the run to the given rules', () => {
    const r = analyze([{ path: 'a.yaml', text: DS }], { today: TODAY, rules: [ruleById('eks-fargate-host-network')!] });
    assert.deepEqual(r.findings.map((f) => f.ruleId), ['eks-fargate-host-network']);
  });

  it('a shared ChunkCache gives the same result as none', () => {
    const cache = new ChunkCache();
    const files = examples();
    const first = analyze(files, { today: TODAY, cache });
    const again = analyze(files, { today: TODAY, cache });
    assert.deepEqual(again, first);
    assert.deepEqual(analyze(files, { today: TODAY }), first);
  });

  it('an edit above a document moves its findings with it when cached', () => {
    const cache = new ChunkCache();
    const text = `${DS}---\n${DS.replace('name: d', 'name: e')}`;
    analyze([{ path: 'a.yaml', text }], { today: TODAY, cache });
    const edited = analyze([{ path: 'a.yaml', text: '# new comment\n' + text }], { today: TODAY, cache });
    const fresh = analyze([{ path: 'a.yaml', text: '# new comment\n' + text }], { today: TODAY });
    assert.deepEqual(edited.findings, fresh.findings);
  });

  it('never throws, whatever the text (property)', () => {
    const pieces = fc.constantFrom('apiVersion: v1\n', 'kind: Pod\n', 'kind: DaemonSet\n', 'spec:\n', '  hostNetwork: true\n', '---\n', '...\n', '{', '}', '[', ']', '"', "'", ': ', '- ', '&a ', '*a ', '<<: *a\n', '{{ x }}', '#', '\r', '\n', '\t', '\uFEFF', '😀', 'containerDefinitions:\n', 'services:\n  a:\n    image: x\n', '%YAML 1.2\n');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }).map((a) => a.join('')), fc.constantFrom('a.yaml', 'a.json', 'templates/a.yaml', 'Dockerfile'), (text, file) => {
        const r = analyze([{ path: file, text }], { today: TODAY });
        assert.deepEqual(r.findings.filter((f) => f.ruleId === 'internal-error'), []);
        for (const f of r.findings) {
          assert.ok(f.range.start.line >= 0 && f.range.start.character >= 0);
          assert.ok(f.range.end.line > f.range.start.line || (f.range.end.line === f.range.start.line && f.range.end.character >= f.range.start.character));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the tool block names the engine version and the data date', () => {
    const r: AnalysisResult = analyze([], { today: TODAY });
    assert.equal(r.tool.name, 'offload');
    assert.match(r.tool.version, /^\d+\.\d+\.\d+/);
    assert.match(r.tool.dataAsOf, /^\d{4}-\d{2}-\d{2}$/);
    assert.deepEqual(r.workloads, []);
  });
});

/** JSON drops undefined properties; compare against the same. */
function stripUndefined<T>(v: T): T {
  if (Array.isArray(v)) return v.map(stripUndefined) as T;
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, stripUndefined(x)])) as T;
  }
  return v;
}
