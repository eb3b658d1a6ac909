import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { INTERNAL_ERROR, PARSE_ERROR, analyze, parseConfig } from '../../../src/engine';
import type { AnalysisResult, InputFile } from '../../../src/engine';
import { describeAt } from '../../../src/engine/host-api';
import { checkRange, checkRanges } from '../../fuzz/properties';
import { hostileFiles, HOSTILE } from '../../fuzz/hostile-files';
import { TODAY } from '../rule-tester';

/**
 * Issue 7: every hostile or odd file gets a clear finding, is skipped with a reason,
 * or is knowingly silent (not a manifest), and never throws, hangs or leaks a
 * position outside its text. The files are in test/fixtures/hostile (README there).
 */
interface Expect {
  /** files[].format */
  format: string;
  /** Rule ids that must be among the findings. */
  ids?: string[];
  /** Rule ids that must not be. */
  not?: string[];
  workloads?: number;
  /** A parse-error message that must be there. */
  parseError?: RegExp;
  /** files[].note */
  note?: RegExp;
  /** Why no finding is the right answer (not a manifest, nothing wrong). */
  silent?: string;
}

const SKIPPED: Expect = { format: 'skipped', note: /binary or not valid UTF-8/ };
const POD_FINDINGS: Expect = { format: 'kubernetes', workloads: 1, ids: ['eks-fargate-host-network', 'eks-fargate-privileged'], not: [PARSE_ERROR] };

const EXPECT: Record<string, Expect> = {
  'docker/Containerfile': { format: 'unknown', silent: 'an empty Containerfile holds nothing' },
  'docker/Dockerfile': { format: 'dockerfile', silent: 'FROM scratch: nothing to say' },
  'docker/continuations.Dockerfile': { format: 'dockerfile', silent: 'a valid Dockerfile, only long' },
  'docker/heredoc.Dockerfile': { format: 'dockerfile', silent: 'a heredoc holding YAML is not a manifest' },
  'docker/not-really.Dockerfile': { format: 'unknown', silent: 'neither a Dockerfile nor a manifest' },
  'encoding/binary.json': SKIPPED,
  'encoding/binary.yaml': SKIPPED,
  'encoding/latin1.yaml': SKIPPED,
  'encoding/nul-in-middle.yaml': SKIPPED,
  'encoding/overlong-utf8.yaml': SKIPPED,
  'encoding/utf16be.json': SKIPPED,
  'encoding/utf16le.yaml': SKIPPED,
  'encoding/bom.yaml': POD_FINDINGS,
  'encoding/bom-crlf.yaml': POD_FINDINGS,
  'encoding/double-bom.yaml': POD_FINDINGS,
  'encoding/crlf.yaml': POD_FINDINGS,
  'encoding/lone-cr.yaml': POD_FINDINGS,
  'encoding/mixed-eol.yaml': POD_FINDINGS,
  'encoding/no-final-newline.yaml': POD_FINDINGS,
  'encoding/unicode.yaml': POD_FINDINGS,
  'encoding/unicode-separators.yaml': POD_FINDINGS,
  'encoding/bom.json': { format: 'ecs-task-definition', workloads: 1, ids: ['ecs-fargate-network-mode'], not: [PARSE_ERROR] },
  'encoding/crlf.json': { format: 'ecs-task-definition', workloads: 1, ids: ['ecs-fargate-network-mode'], not: [PARSE_ERROR] },
  'encoding/bom-only.yaml': { format: 'unknown', silent: 'a BOM and nothing else' },
  'encoding/comments-only.json': { format: 'unknown', silent: 'only comments' },
  'encoding/comments-only.yaml': { format: 'unknown', silent: 'only comments' },
  'encoding/empty.json': { format: 'unknown', silent: 'empty' },
  'encoding/empty.yaml': { format: 'unknown', silent: 'empty' },
  'encoding/whitespace.yaml': { format: 'unknown', silent: 'only whitespace' },
  'helm/Chart.yaml': { format: 'unknown', silent: 'a chart description, not a manifest' },
  'helm/values.yaml': { format: 'helm-template', note: /Helm template/, silent: 'values with {{ }} are template text, not a manifest' },
  'helm/templates/NOTES.txt': { format: 'helm-template', note: /Helm template/, silent: 'the CLI does not even walk .txt; passed in, it stays silent' },
  'helm/templates/deployment.yaml': { format: 'helm-template', note: /Helm template/, not: [PARSE_ERROR], silent: 'kind and apiVersion are template actions: nothing to place without rendering' },
  'helm/templates/only-actions.yaml': { format: 'helm-template', note: /Helm template/, silent: 'only template actions' },
  'helm/templates/unbalanced.yaml': { format: 'kubernetes', note: /Helm template/, workloads: 1, silent: 'an unclosed {{ masks through hostNetwork; a template never yields syntax errors' },
  'helm/templates/service.json': { format: 'unknown', silent: 'a JSON template does not parse as JSON: not ours, as for any broken JSON' },
  'json/broken.json': { format: 'ecs-task-definition', parseError: /JSON: /, ids: ['ecs-fargate-unsupported-parameter'] },
  'json/comments-trailing-commas.json': { format: 'ecs-task-definition', ids: ['ecs-fargate-network-mode'], not: [PARSE_ERROR] },
  'json/deep.json': { format: 'ecs-task-definition', workloads: 1, parseError: /nested more than 256 levels deep/ },
  'json/deep-unclosed.json': { format: 'ecs-task-definition', workloads: 1, parseError: /nested more than 256 levels deep/ },
  'json/duplicate-keys.json': { format: 'unknown', silent: 'the last "containerDefinitions" wins, as in JSON.parse and the AWS CLI: a string, so not a task definition' },
  'json/escapes.json': { format: 'ecs-task-definition', workloads: 1, not: [PARSE_ERROR] },
  'json/kubernetes.json': { format: 'kubernetes', workloads: 1, ids: ['eks-fargate-host-network'] },
  'json/numbers.json': { format: 'ecs-task-definition', workloads: 1, ids: ['ecs-fargate-ephemeral-storage'] },
  'json/package.json': { format: 'compose', parseError: /JSON: / },
  'json/wrapped.json': { format: 'ecs-task-definition', workloads: 1, ids: ['ecs-fargate-network-mode', 'ecs-fargate-unsupported-parameter'] },
  'json/wrapped-and-array.json': { format: 'unknown', silent: 'an array of task definitions is not a form Offload reads' },
  'kinds/crd.yaml': { format: 'kubernetes', workloads: 0, ids: ['k8s-api-removed'] },
  'kinds/custom-resources.yaml': { format: 'kubernetes', workloads: 3, ids: ['eks-fargate-host-network', 'k8s-api-removed'] },
  'kustomize/kustomization.yaml': { format: 'kubernetes', workloads: 0, silent: 'a Kustomization places no pods' },
  'kustomize/patch-json6902.yaml': { format: 'unknown', silent: 'a JSON 6902 patch is a list of operations' },
  'kustomize/patch-partial.yaml': { format: 'kubernetes', workloads: 3, ids: ['eks-fargate-host-network', 'eks-fargate-daemonset'], not: [PARSE_ERROR] },
  'types/compose.yaml': { format: 'compose', workloads: 2, ids: ['compose-privileged', 'compose-host-network', 'compose-port-mapping'] },
  'types/compose-shapes.yaml': { format: 'compose', workloads: 3, silent: 'odd shapes, nothing Fargate rejects' },
  'types/ecs-task-definition.json': { format: 'ecs-task-definition', workloads: 1, ids: ['ecs-fargate-network-mode', 'ecs-fargate-requires-compatibilities'] },
  'types/ecs-task-definition-numbers.json': { format: 'ecs-task-definition', workloads: 1, ids: ['ecs-fargate-task-size'] },
  'types/ecs-task-definition-strings.json': { format: 'ecs-task-definition', workloads: 1, silent: '"0.25 vCPU" and "0.5GB" are valid ECS spellings of a valid Fargate size' },
  'types/eksctl.yaml': { format: 'eksctl', ids: ['eksctl-version-support', 'eksctl-region-availability'] },
  'types/kubernetes-quantities.yaml': { format: 'kubernetes', workloads: 1, ids: ['eks-fargate-pod-too-large'] },
  'types/kubernetes-shapes.yaml': { format: 'kubernetes', workloads: 6, ids: ['eks-fargate-host-port', 'eks-fargate-daemonset'] },
  'xss/compose.yaml': { format: 'compose', workloads: 1, ids: ['compose-privileged'] },
  'xss/eksctl.yaml': { format: 'eksctl', ids: ['eksctl-region-availability'] },
  'xss/kubernetes.yaml': { format: 'kubernetes', workloads: 2, ids: ['eks-fargate-daemonset', 'eks-fargate-privileged'] },
  'xss/task-definition.json': { format: 'ecs-task-definition', workloads: 1, ids: ['ecs-fargate-network-mode'] },
  'yaml/alias-bomb.yaml': { format: 'kubernetes', parseError: /Excessive aliasing/ },
  'yaml/alias-bomb-merge.yaml': { format: 'kubernetes', workloads: 1, parseError: /Excessive aliasing/ },
  'yaml/alias-bomb-workload.yaml': { format: 'kubernetes', workloads: 1, parseError: /Excessive aliasing/ },
  'yaml/alias-self.yaml': { format: 'kubernetes', workloads: 1, parseError: /Unknown alias \*nowhere/ },
  'yaml/complex-keys.yaml': { format: 'kubernetes', workloads: 1, ids: ['eks-fargate-host-network'] },
  'yaml/cyclic-kubernetes-list.yaml': { format: 'kubernetes', workloads: 1, ids: ['eks-fargate-daemonset'] },
  'yaml/deep-compact-seq.yaml': { format: 'unknown', silent: 'nested lists, not a manifest' },
  'yaml/deep-flow-map.yaml': { format: 'kubernetes', workloads: 1, ids: ['eks-fargate-host-network'], parseError: /nested more than 250 levels deep/ },
  'yaml/deep-flow-seq.yaml': { format: 'kubernetes', parseError: /nested more than 250 levels deep/ },
  'yaml/deep-unclosed.yaml': { format: 'kubernetes', parseError: /nested more than 250 levels deep/ },
  'yaml/directives.yaml': { format: 'kubernetes', workloads: 2, ids: ['eks-fargate-no-requests'] },
  'yaml/document-markers.yaml': { format: 'kubernetes', workloads: 2, ids: ['eks-fargate-host-network'], not: [PARSE_ERROR] },
  'yaml/duplicate-keys.yaml': { format: 'kubernetes', workloads: 1, parseError: /Map keys must be unique: hostNetwork/ },
  'yaml/tabs-indent.yaml': { format: 'kubernetes', parseError: /Tabs are not allowed as indentation/ },
  'yaml/tabs-values.yaml': { format: 'kubernetes', workloads: 1, ids: ['eks-fargate-host-network'], not: [PARSE_ERROR] },
  'yaml/tags.yaml': { format: 'kubernetes', workloads: 1, ids: ['eks-fargate-host-network'], not: [PARSE_ERROR] },
  'yaml/unterminated.yaml': { format: 'kubernetes', parseError: /Missing closing "quote/ },
  // Kubernetes reads these YAML 1.1 spellings as true; a quoted "yes" stays a string.
  'yaml/yaml11-booleans.yaml': { format: 'kubernetes', workloads: 1, ids: ['eks-fargate-host-network', 'eks-fargate-host-pid-ipc', 'eks-fargate-privileged'] },
};

function analyzeOne(f: InputFile): AnalysisResult {
  return analyze([f], { today: TODAY });
}

describe('robustness: hostile fixtures', function () {
  // Bounded "finishes at all" guard for a shared two-core machine, not a timing test.
  this.timeout(60_000);
  const files = hostileFiles();

  it('the folder holds every fixture the table expects, and the table covers every fixture', () => {
    const have = new Set(files.map((f) => f.path));
    assert.deepEqual(Object.keys(EXPECT).filter((p) => !have.has(p)), [], 'fixtures missing (run node test/fuzz/write-binary-fixtures.mjs for encoding/)');
    assert.deepEqual([...have].filter((p) => !(p in EXPECT)), [], 'fixtures without an expectation');
  });

  for (const [file, e] of Object.entries(EXPECT)) {
    it(`${file}: ${e.silent ? `silent (${e.silent})` : e.format === 'skipped' ? 'skipped with a reason' : `${e.format}${e.parseError ? `, ${e.parseError.source}` : ''}`}`, () => {
      const input = files.find((f) => f.path === file);
      assert.ok(input, `${file} is missing`);
      const r = analyzeOne(input);
      checkRanges({ files: [input], pick: 0 }, r);
      assert.deepEqual(r.findings.filter((f) => f.ruleId === INTERNAL_ERROR).map((f) => f.message), [], 'a rule crashed');
      assert.equal(r.files[0].format, e.format, 'format');
      if (e.note) assert.match(r.files[0].note ?? '', e.note);
      if (e.workloads !== undefined) assert.equal(r.workloads.length, e.workloads, 'workloads');
      const ids = new Set(r.findings.map((f) => f.ruleId));
      for (const id of e.ids ?? []) assert.ok(ids.has(id), `expected ${id}, got ${[...ids].join(', ') || 'nothing'}`);
      for (const id of e.not ?? []) assert.ok(!ids.has(id), `did not expect ${id}: ${r.findings.find((f) => f.ruleId === id)?.message}`);
      if (e.parseError) assert.ok(r.findings.some((f) => f.ruleId === PARSE_ERROR && e.parseError!.test(f.message)), `expected a parse error ${e.parseError}, got ${r.findings.filter((f) => f.ruleId === PARSE_ERROR).map((f) => f.message).join(' | ') || 'none'}`);
      if (e.silent) assert.deepEqual(r.findings.map((f) => `${f.ruleId}: ${f.message}`), [], 'expected no finding');
      else if (e.format !== 'skipped') assert.ok(r.findings.length > 0, 'expected a clear finding');
      // Never more than a screenful of parse errors per document.
      assert.ok(r.findings.filter((f) => f.ruleId === PARSE_ERROR).length <= 2 * 21, 'too many parse errors');
    });
  }

  it('the whole folder analysed at once: no crash, every range in its file, every file listed', () => {
    const r = analyze(files, { today: TODAY });
    checkRanges({ files, pick: 0 }, r);
    assert.deepEqual(r.findings.filter((f) => f.ruleId === INTERNAL_ERROR).map((f) => f.message), []);
    assert.deepEqual(r.files.map((f) => f.file).sort(), files.map((f) => f.path).sort());
    assert.doesNotThrow(() => JSON.stringify(r));
  });

  it('YAML 1.1 booleans: plain yes/on/Y read as true, as kubectl reads them; quoted "yes" and yEs do not', () => {
    const pod = (v: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostNetwork: ${v}\n  containers: [{name: a, image: nginx}]\n`;
    const fires = (v: string) => analyzeOne({ path: 'p.yaml', text: pod(v) }).findings.some((f) => f.ruleId === 'eks-fargate-host-network');
    for (const v of ['true', 'True', 'TRUE', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'y', 'Y']) assert.ok(fires(v), v);
    for (const v of ['false', 'no', 'off', 'n', '"yes"', "'on'", 'yEs', '1', '~', 'null']) assert.ok(!fires(v), v);
    // JSON has no YAML 1.1: a string "yes" is a string.
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { hostNetwork: 'yes', containers: [{ name: 'a', image: 'nginx' }] } });
    assert.ok(!analyzeOne({ path: 'p.json', text: json }).findings.some((f) => f.ruleId === 'eks-fargate-host-network'));
  });

  it('a file over the size limit is skipped with a note, at any limit', () => {
    const text = fs.readFileSync(path.join(HOSTILE, 'encoding', 'crlf.yaml'), 'utf8');
    const r = analyze([{ path: 'big.yaml', text }], { today: TODAY, options: { maxFileSizeBytes: 100 } });
    assert.equal(r.files[0].format, 'skipped');
    assert.match(r.files[0].note!, /larger than .* limit \(offload maxFileSizeBytes\)/);
    assert.deepEqual(r.findings, []);
  });

  it('every fixture as .offload.yaml: parseConfig and analyze never throw', () => {
    // yaml's toJS() warns on every collection key ("Keys with collection values will be
    // stringified"): keep the test output readable.
    const emit = process.emitWarning;
    process.emitWarning = () => undefined;
    try {
      for (const f of files.filter((x) => !CONFIG_HANGS.has(x.path))) {
        assert.doesNotThrow(() => parseConfig(f.text), f.path);
        const r = analyze([], { today: TODAY, configText: f.text, configPath: '.offload.yaml' });
        checkRanges({ files: [], pick: 0, configText: f.text }, r);
      }
    } finally {
      process.emitWarning = emit;
    }
  });

  // These once hung or aborted parseConfig (deep nesting overflowed the parser, and
  // collection keys made toJS() exponential). config.ts now masks deep nesting and
  // refuses collection keys; each runs in a child process with a deadline, so a
  // regression fails this test instead of hanging the run.
  const CONFIG_HANGS = new Set(['json/deep.json', 'json/deep-unclosed.json', 'yaml/deep-compact-seq.yaml', 'yaml/deep-unclosed.yaml']);
  for (const name of CONFIG_HANGS) {
    it(`${name} as .offload.yaml is read with a problem, in bounded time`, function () {
      this.timeout(60_000);
      const script = `const {parseConfig}=require(${JSON.stringify(require.resolve('../../../src/engine/config'))});const fs=require('fs');const r=parseConfig(fs.readFileSync(process.argv[1],'utf8'));process.stdout.write(JSON.stringify(r.problems.length))`;
      const out = execFileSync(process.execPath, ['-e', script, path.join(HOSTILE, name)], { timeout: 30_000, encoding: 'utf8' });
      assert.ok(Number(out) >= 1, `${name}: expected at least one problem`);
    });
  }

  // K8S_QUANTITY, ECS_CPU and ECS_MEMORY once read `\\d+\\.?\\d*`, which backtracked
  // quadratically on a long run of digits that does not match: 40,000 zeros and a `!`
  // took 8 s in a Pod and 25 s in a task definition. The work is now linear, so the
  // assertion compares against a value 1/10 as long rather than a wall-clock limit.
  it('a 40,000-digit cpu or memory value is read in linear time', () => {
    const pod = (digits: number) => ({ path: 'k8s/pod.yaml', text: `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n    resources:\n      requests: {cpu: "${'0'.repeat(digits)}!", memory: "${'1'.repeat(digits)}x"}\n` });
    const task = (digits: number) => ({ path: 'ecs/task.json', text: JSON.stringify({ family: 'f', requiresCompatibilities: ['FARGATE'], cpu: `${'0'.repeat(digits)}!`, memory: `${'1'.repeat(digits)}x`, containerDefinitions: [{ name: 'c', image: 'nginx' }] }) });
    const cost = (digits: number) => {
      const t = process.cpuUsage();
      for (const f of [pod(digits), task(digits)]) analyzeOne(f);
      const d = process.cpuUsage(t);
      return d.user + d.system;
    };
    cost(4_000);
    const small = Math.max(cost(4_000), 2_000);
    const large = cost(40_000);
    // Linear: about 10x. Quadratic was about 100x (and seconds).
    assert.ok(large < small * 40, `40,000 digits cost ${large} µs against ${small} µs for 4,000`);
  });

  it('hovers on the hostile files never throw, stay in the file, and escape markup', () => {
    for (const f of files.filter((x) => x.text.length < 5000 && !x.path.startsWith('encoding/'))) {
      const result = analyzeOne(f);
      const step = Math.max(1, Math.floor(f.text.length / 200));
      for (let off = 0; off <= f.text.length; off += step) {
        const d = describeAt(f, off, { today: TODAY, result });
        if (!d) continue;
        checkRange(f.text.replace(/^\uFEFF/, ''), d.range, `hover at ${f.path}@${off}`);
        // Outside code spans, `<`, `[`, `](` and `![` from the manifest must be escaped, or a hover could load a remote image.
        const prose = d.contents.join('\n').replace(/`[^`]*`/g, '');
        const bad = /(^|[^\\])(<[a-zA-Z/!]|!\[|\]\()/.exec(prose);
        assert.equal(bad, null, `${f.path}@${off}: unescaped markup in ${JSON.stringify(prose.slice(Math.max(0, (bad?.index ?? 0) - 40), (bad?.index ?? 0) + 40))}`);
      }
    }
  });
});
