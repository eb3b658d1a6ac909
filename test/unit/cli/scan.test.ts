import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main, rebaseGlobs } from '../../../src/cli/main';
import type { AnalysisResult, PlatformId } from '../../../src/engine';

const TODAY = '2026-11-25';
const REPO = path.resolve(__dirname, '..', '..', '..', '..');
const FIXTURES = path.join(REPO, 'test', 'fixtures', 'cli');
const PLATFORMS: PlatformId[] = ['ecs-ec2', 'ecs-fargate', 'eks-ec2', 'eks-fargate'];

interface Run {
  code: number;
  out: string;
  err: string;
}

function run(argv: string[], cwd: string): Run {
  let out = '';
  let err = '';
  const code = main(argv, { out: (s) => (out += s), err: (s) => (err += s), cwd, today: TODAY, isTTY: false });
  return { code, out, err };
}

function json(argv: string[], cwd: string): AnalysisResult {
  const r = run([...argv, '--format', 'json'], cwd);
  assert.equal(r.err, '');
  return JSON.parse(r.out) as AnalysisResult;
}

const tmpDirs: string[] = [];
/** A temp workspace from a map of relative paths to contents. */
function workspace(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offload-scan-'));
  tmpDirs.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  }
  return dir;
}

const ds = (name: string) => `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: ${JSON.stringify(name)}\nspec:\n  template:\n    spec:\n      containers: [{name: c, image: c}]\n`;
const deploy = (name: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${JSON.stringify(name)}\nspec:\n  template:\n    spec:\n      containers: [{name: c, image: c, resources: {requests: {cpu: 250m, memory: 512Mi}}}]\n`;
/** A task definition that registers for Fargate with an invalid size: an error finding. */
const badTask = JSON.stringify({ family: 'bad', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '512', memory: '512', containerDefinitions: [{ name: 'c', image: 'c' }] }, null, 2);

describe('cli: offload scan', () => {
  after(() => {
    for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
  });

  describe('--format json on examples/', () => {
    let result: AnalysisResult;
    before(() => {
      result = json(['scan', 'examples', '--today', TODAY, '--fail-on', 'none'], REPO);
    });

    it('prints tool, target, files, findings, workloads, recommendation and summary, in that order', () => {
      assert.deepEqual(Object.keys(result), ['tool', 'target', 'files', 'findings', 'workloads', 'recommendation', 'summary']);
      assert.equal(result.tool.name, 'offload');
      assert.match(result.tool.dataAsOf, /^\d{4}-\d{2}-\d{2}$/);
      assert.deepEqual(Object.keys(result.target), ['eksVersion', 'eksVersionSource', 'regions', 'today']);
      assert.equal(result.target.today, TODAY);
      assert.ok(result.files.length >= 8);
      for (const f of result.files) assert.ok(f.file.startsWith('examples/'), f.file);
    });

    it('every finding has ruleId, severity, message, file and a 0-based range that lies on its text', () => {
      assert.ok(result.findings.length > 0);
      for (const f of result.findings) {
        for (const k of ['ruleId', 'severity', 'message', 'file', 'range'] as const) assert.ok(f[k] !== undefined, k);
        const lines = fs.readFileSync(path.join(REPO, f.file), 'utf8').split(/\r\n|\r|\n/);
        const { start, end } = f.range;
        assert.ok(start.line >= 0 && start.character >= 0 && end.line < lines.length, JSON.stringify(f.range));
        assert.ok(start.character < lines[start.line].length, `${f.file}:${start.line} starts on text`);
        if (start.line === end.line) assert.ok(end.character > start.character && end.character <= lines[start.line].length);
        if (f.fix) for (const e of f.fix.edits) assert.ok(e.range.start.line >= 0 && typeof e.newText === 'string');
      }
    });

    it('the DaemonSet finding underlines `DaemonSet` on line 2 (0-based) of log-agent.yaml', () => {
      const f = result.findings.find((x) => x.ruleId === 'eks-fargate-daemonset' && x.file === 'examples/k8s/log-agent.yaml')!;
      assert.deepEqual(f.range, { start: { line: 2, character: 6 }, end: { line: 2, character: 15 } });
    });

    it('every example workload has a fit for all four platforms and a recommendation', () => {
      assert.ok(result.workloads.length >= 10);
      for (const w of result.workloads) {
        for (const k of ['name', 'kind', 'format', 'file', 'range'] as const) assert.ok(w[k] !== undefined, `${w.id} ${k}`);
        assert.deepEqual(Object.keys(w.fit).sort(), [...PLATFORMS].sort(), w.id);
        for (const p of PLATFORMS) {
          assert.ok(['fits', 'needs-changes', 'blocked'].includes(w.fit[p].status), `${w.id} ${p}`);
          for (const r of w.fit[p].reasons) {
            assert.deepEqual(Object.keys(r).sort(), ['file', 'message', 'range', 'ruleId']);
            assert.ok(r.range.start.line >= 0);
          }
        }
        assert.ok(PLATFORMS.includes(w.recommendation.platform), w.id);
        assert.ok(w.recommendation.summary.length > 0);
        assert.ok(w.recommendation.reasons.length > 0);
      }
    });

    it('the DaemonSet log-agent is blocked on eks-fargate and goes to EKS on EC2', () => {
      const w = result.workloads.find((x) => x.kind === 'DaemonSet' && x.name === 'log-agent')!;
      assert.equal(w.fit['eks-fargate'].status, 'blocked');
      assert.ok(w.fit['eks-fargate'].reasons.some((r) => r.ruleId === 'eks-fargate-daemonset'));
      assert.equal(w.recommendation.platform, 'eks-ec2');
    });

    it('each format of the examples is there', () => {
      assert.deepEqual([...new Set(result.workloads.map((w) => w.format))].sort(), ['compose', 'ecs-task-definition', 'kubernetes']);
      assert.ok(result.files.some((f) => f.format === 'eksctl'));
    });

    it('the summary agrees with the lists', () => {
      assert.equal(result.summary.files, result.files.length);
      assert.equal(result.summary.workloads, result.workloads.length);
      const n = result.summary.findings;
      assert.equal(n.error + n.warning + n.info + n.hint, result.findings.length);
      assert.ok(result.recommendation.lines.length > 0);
    });

    it('`offload examples` is the same as `offload scan examples`', () => {
      const a = run(['examples', '--today', TODAY, '--format', 'json'], REPO);
      const b = run(['scan', 'examples', '--today', TODAY, '--format', 'json'], REPO);
      assert.equal(a.code, b.code);
      assert.equal(a.out, b.out);
    });
  });

  describe('--format text', () => {
    it('prints file:line:col severity rule-id message, 1-based and grouped by file, then workloads and the recommendation', () => {
      const dir = workspace({ 'k8s/a.yaml': ds('agent'), 'k8s/b.yaml': deploy('web'), 'ecs/bad.json': badTask });
      const r = run(['scan', '.', '--today', TODAY], dir);
      assert.equal(r.err, '');
      const lines = r.out.split('\n');
      const headA = lines.indexOf('k8s/a.yaml');
      const headE = lines.indexOf('ecs/bad.json');
      assert.ok(headE >= 0 && headA > headE, 'one header per file, files in order');
      assert.match(lines[headA + 1], /^ {2}k8s\/a\.yaml:2:7 warning eks-fargate-daemonset DaemonSet "agent" cannot run on Fargate/);
      assert.match(lines[headE + 1], /^ {2}ecs\/bad\.json:7:10 error ecs-fargate-task-size cpu 512 with memory 512 MiB/);
      const wl = lines.indexOf('Workloads');
      assert.ok(wl > headA);
      assert.match(lines[wl + 1], /^ {2}workload\s+ECS\/EC2\s+ECS\/Fargate\s+EKS\/EC2\s+EKS\/Fargate\s+recommendation$/);
      const row = lines.find((l) => l.includes('DaemonSet/agent'))!;
      assert.match(row, /✗ blocked/);
      assert.ok(!/needs-cha(?!nges)/.test(r.out), 'fit cells are not cut off');
      assert.ok(lines.includes('Recommendation'));
      assert.match(r.out, /3 file\(s\), 3 workload\(s\): 1 error\(s\), \d+ warning\(s\), \d+ info\. Target EKS \d\.\d+ \(latest\), us-east-1, as of 2026-11-25; data as of \d{4}-\d{2}-\d{2}\.\n$/);
      assert.equal(r.code, 1, 'an error finding fails the run by default');
    });

    it('says so when it finds no manifests', () => {
      const dir = workspace({ 'notes.yaml': 'title: hello\n' });
      const r = run(['scan', '--today', TODAY], dir);
      assert.equal(r.code, 0);
      assert.match(r.out, /No manifests found\./);
    });
  });

  describe('--format markdown', () => {
    it('escapes hostile names so they cannot inject markup or break the table', () => {
      const dir = workspace({ 'x.yaml': ds('<img src=x onerror=alert(1)>') + '---\n' + ds('a|b\rc') });
      const r = run(['scan', '.', '--format', 'markdown', '--today', TODAY, '--fail-on', 'none'], dir);
      assert.equal(r.code, 0);
      assert.ok(!/(?<!\\)</.test(r.out), 'no unescaped < anywhere');
      assert.ok(r.out.includes('\\<img src=x onerror=alert\\(1\\)\\>'));
      const rows = r.out.split('\n').filter((l) => l.startsWith('| DaemonSet'));
      assert.equal(rows.length, 2);
      // 7 columns → 8 unescaped pipes, whatever the names hold.
      for (const row of rows) assert.equal(row.match(/(?<!\\)\|/g)!.length, 8, row);
      assert.ok(rows[1].includes('a\\|b c'));
      assert.match(r.out, /^# Offload report\n/);
      assert.match(r.out, /## Findings/);
    });
  });

  describe('options', () => {
    const dir = () => workspace({ 'ds.yaml': ds('agent') });

    it('--eks-version, --region (repeatable) and --today set the target', () => {
      const r = json(['scan', '.', '--eks-version', '1.33', '--region', 'eu-west-1', '--region=ap-south-1', '--today', '2026-03-01'], dir());
      assert.deepEqual(r.target, { eksVersion: '1.33', eksVersionSource: 'option', regions: ['eu-west-1', 'ap-south-1'], today: '2026-03-01' });
    });

    it('--today defaults to the host date, and --eks-version latest is the latest at --today', () => {
      assert.equal(json(['scan', '.'], dir()).target.today, TODAY);
      const r = json(['scan', '.', '--eks-version', 'latest', '--today', '2024-01-01'], dir());
      assert.deepEqual([r.target.eksVersion, r.target.eksVersionSource], ['1.28', 'latest']);
    });

    it('--config reads that file; a .offload.yaml in the scanned folder is found without it', () => {
      const d = workspace({ 'ws/ds.yaml': ds('agent'), 'ws/.offload.yaml': 'eksVersion: 1.30\nrules:\n  eks-fargate-daemonset: error\n', 'other.yaml': 'regions: [eu-north-1]\n' });
      const found = json(['scan', 'ws'], d);
      assert.deepEqual([found.target.eksVersion, found.target.eksVersionSource], ['1.30', 'config']);
      const sev = (r: AnalysisResult) => r.findings.find((f) => f.ruleId === 'eks-fargate-daemonset')!.severity;
      assert.equal(sev(found), 'error');
      const given = json(['scan', 'ws', '--config', 'other.yaml'], d);
      assert.deepEqual(given.target.regions, ['eu-north-1']);
      assert.equal(sev(given), 'warning', 'the other config does not change the rule');
    });

    it('config problems are findings on the config file, with its path', () => {
      const d = workspace({ 'ds.yaml': ds('agent'), '.offload.yaml': 'regions: 5\n' });
      const r = json(['scan', '.'], d);
      const f = r.findings.find((x) => x.ruleId === 'config-error')!;
      assert.equal(f.file, '.offload.yaml');
      assert.deepEqual(f.range.start, { line: 0, character: 0 });
    });

    it('--fail-on: exit 1 when a finding reaches it, 0 otherwise', () => {
      const warnOnly = dir();
      assert.equal(run(['scan', '.'], warnOnly).code, 0, 'default is error; a warning does not fail');
      assert.equal(run(['scan', '.', '--fail-on', 'warning'], warnOnly).code, 1);
      assert.equal(run(['scan', '.', '--fail-on', 'info'], warnOnly).code, 1);
      const withError = workspace({ 'bad.json': badTask });
      assert.equal(run(['scan', '.'], withError).code, 1);
      assert.equal(run(['scan', '.', '--fail-on', 'error'], withError).code, 1);
      assert.equal(run(['scan', '.', '--fail-on', 'none'], withError).code, 0);
      assert.equal(run(['scan', '.'], workspace({ 'ok.yaml': deploy('web') })).code, 0);
    });

    it('--output writes the report to a file and prints nothing', () => {
      const d = dir();
      const r = run(['scan', '.', '--format', 'json', '--output', 'report.json'], d);
      assert.equal(r.out, '');
      const written = JSON.parse(fs.readFileSync(path.join(d, 'report.json'), 'utf8')) as AnalysisResult;
      assert.equal(written.workloads[0].name, 'agent');
    });

    it('several paths, files and folders alike', () => {
      const d = workspace({ 'a/ds.yaml': ds('a'), 'b/ds.yaml': ds('b'), 'c/ds.yaml': ds('c') });
      const r = json(['scan', 'a', 'b/ds.yaml'], d);
      assert.deepEqual(r.files.map((f) => f.file), ['a/ds.yaml', 'b/ds.yaml']);
    });
  });

  describe('bad usage and unreadable paths exit 2 with a one-line reason', () => {
    const cases: string[][] = [
      ['scan', '--format', 'xml'],
      ['scan', '--fail-on', 'hint'],
      ['scan', '--fail-on', 'sometimes'],
      ['scan', '--eks-version', '1.x'],
      ['scan', '--eks-version', '130'],
      ['scan', '--today', '2026-02-30'],
      ['scan', '--today', 'yesterday'],
      ['scan', '--region', 'mars'],
      ['scan', '--bogus'],
      ['scan', '--format'],
      ['scan', '--today', '2026-01-01', '--today', '2026-01-02'],
      ['scan', '--no-color=yes'],
      ['scan', 'no-such-folder'],
      ['scan', '.', '--config', 'missing.yaml'],
      ['frobnicate'],
    ];
    for (const argv of cases) {
      it(argv.join(' '), () => {
        const r = run(argv, workspace({ 'ds.yaml': ds('a') }));
        assert.equal(r.code, 2);
        assert.equal(r.out, '');
        assert.match(r.err, /^offload: [^\n]+\n$/, JSON.stringify(r.err));
      });
    }

    it('no command prints the usage and exits 2; --help exits 0', () => {
      const none = run([], REPO);
      assert.equal(none.code, 2);
      assert.match(none.out, /^Usage: offload <command>/);
      assert.equal(run(['--help'], REPO).code, 0);
    });
  });

  describe('which files are read', () => {
    it('respects .gitignore at every level, with negation, and skips node_modules and .git', () => {
      const d = workspace({
        '.gitignore': '# build output\nignored/\n*.tmp.yaml\n!keep.tmp.yaml\n/rooted.yaml\n',
        'ok.yaml': ds('ok'),
        'ignored/ds.yaml': ds('ignored-dir'),
        'x.tmp.yaml': ds('tmp'),
        'keep.tmp.yaml': ds('kept'),
        'rooted.yaml': ds('rooted'),
        'deep/rooted.yaml': ds('deep-rooted'),
        'sub/.gitignore': 'local.yaml\n',
        'sub/local.yaml': ds('sub-local'),
        'sub/other.yaml': ds('sub-other'),
        'local.yaml': ds('top-local'),
        'node_modules/pkg/ds.yaml': ds('node-module'),
        '.git/ds.yaml': ds('git'),
      });
      const names = json(['scan', '.'], d).workloads.map((w) => w.name).sort();
      assert.deepEqual(names, ['deep-rooted', 'kept', 'ok', 'sub-other', 'top-local']);
    });

    it('an ignored file named explicitly is still read', () => {
      const d = workspace({ '.gitignore': '*.yaml\n', 'ds.yaml': ds('explicit') });
      assert.deepEqual(json(['scan', 'ds.yaml'], d).workloads.map((w) => w.name), ['explicit']);
      assert.deepEqual(json(['scan', '.'], d).workloads, []);
    });

    it('a .gitignore in a folder between cwd and the scanned path applies', () => {
      const d = workspace({ '.gitignore': 'secret/\n', 'app/secret/ds.yaml': ds('secret'), 'app/ds.yaml': ds('app') });
      assert.deepEqual(json(['scan', 'app'], d).workloads.map((w) => w.name), ['app']);
    });

    it('the config\'s ignore globs skip files, relative to the config\'s folder, block or flow style', () => {
      const files = { 'ws/k8s/ds.yaml': ds('kept'), 'ws/legacy/ds.yaml': ds('legacy'), 'ws/k8s/x.generated.yaml': ds('generated') };
      for (const cfg of ['ignore:\n  - legacy/**\n  - "*.generated.yaml"\n', 'ignore: [legacy/**, "*.generated.yaml"]\n']) {
        const d = workspace({ ...files, 'ws/.offload.yaml': cfg });
        assert.deepEqual(json(['scan', 'ws'], d).workloads.map((w) => w.name), ['kept'], `from the parent: ${cfg}`);
        assert.deepEqual(json(['scan', '.'], path.join(d, 'ws')).workloads.map((w) => w.name), ['kept'], `from the folder: ${cfg}`);
      }
    });

    it('reads only candidate names: YAML, JSON and Dockerfiles', () => {
      const d = workspace({ 'ds.yaml': ds('a'), 'ds.yml': ds('b'), 'ds.txt': ds('c'), 'README.md': ds('d'), Dockerfile: 'FROM x\n', 'api.Dockerfile': 'FROM y\n', 'td.json': badTask });
      assert.deepEqual(json(['scan', '.'], d).files.map((f) => f.file).sort(), ['Dockerfile', 'api.Dockerfile', 'ds.yaml', 'ds.yml', 'td.json']);
    });

    it('a file that is not valid UTF-8 is listed as skipped, not an error', () => {
      const d = workspace({ 'bad.yaml': Buffer.from([0x6b, 0x3a, 0x20, 0xff, 0xfe, 0x0a]) });
      const r = json(['scan', '.'], d);
      assert.equal(r.files[0].format, 'skipped');
      assert.deepEqual(r.findings, []);
    });

    it('the examples folder in a fixture workspace scans the same from any cwd', () => {
      const fromRoot = json(['scan', path.join('test', 'fixtures', 'cli', 'ws')], REPO);
      const fromInside = json(['scan', '.'], path.join(FIXTURES, 'ws'));
      assert.deepEqual(
        fromRoot.workloads.map((w) => w.name),
        fromInside.workloads.map((w) => w.name),
      );
      assert.deepEqual(fromInside.workloads.map((w) => w.name), ['web']);
    });
  });

  describe('rebaseGlobs', () => {
    it('roots the config\'s globs at its folder', () => {
      assert.deepEqual(rebaseGlobs(['legacy/**', '*.gen.yaml', '**/tmp', './a/b', '/c'], 'ws'), ['ws/legacy/**', 'ws/**/*.gen.yaml', 'ws/**/tmp', 'ws/a/b', 'ws/c']);
      assert.deepEqual(rebaseGlobs(['legacy/**'], '.'), ['legacy/**']);
    });
  });
});
