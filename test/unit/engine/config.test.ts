import * as assert from 'node:assert/strict';
import { analyze, parseConfig, resolveOptions } from '../../../src/engine';
import { DEFAULT_MAX_FILE_SIZE, DEFAULT_REGION } from '../../../src/engine/config';
import { latestEksVersion } from '../../../src/engine/knowledge';
import { ruleById } from '../../../src/engine/rules';

const TODAY = '2026-11-25';
const LATEST = latestEksVersion(TODAY)!.version;

/** The text a problem points at. */
function at(text: string, p: { start: number; end: number }): string {
  return text.slice(p.start, p.end);
}

const eksctl = (version: string, region = 'ap-south-1') =>
  `apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: c\n  region: ${region}\n  version: ${version}\n`;

describe('config: parseConfig (.offload.yaml)', () => {
  it('reads every setting', () => {
    const text = 'eksVersion: "1.33"\nregions: [eu-west-1, us-east-2]\ntoday: 2026-01-02\nrules:\n  eks-fargate-daemonset: error\n  eks-fargate-host-port: off\nignore:\n  - legacy/**\n  - "*.generated.yaml"\nmaxFileSizeBytes: 1000\n';
    assert.deepEqual(parseConfig(text), {
      options: {
        eksVersion: '1.33',
        regions: ['eu-west-1', 'us-east-2'],
        today: '2026-01-02',
        rules: { 'eks-fargate-daemonset': 'error', 'eks-fargate-host-port': 'off' },
        ignore: ['legacy/**', '*.generated.yaml'],
        maxFileSizeBytes: 1000,
      },
      problems: [],
    });
  });

  it('an empty or comment-only file is fine', () => {
    assert.deepEqual(parseConfig(''), { options: {}, problems: [] });
    assert.deepEqual(parseConfig('# nothing yet\n'), { options: {}, problems: [] });
  });

  it('eksVersion: 1.30 unquoted is the float 1.3; it is read as the 1.30 the user wrote', () => {
    assert.deepEqual(parseConfig('eksVersion: 1.30\n'), { options: { eksVersion: '1.30' }, problems: [] });
    assert.deepEqual(parseConfig('eksVersion: 1.34\n').options, { eksVersion: '1.34' });
    assert.deepEqual(parseConfig('eksVersion: latest\n').options, { eksVersion: 'latest' });
  });

  it('bad values become problems at their key; the valid settings still apply', () => {
    const text = 'eksVersion: "one point thirty"\nregions: 5\ntoday: tomorrow\nignore: legacy\nmaxFileSizeBytes: -1\nrules:\n  eks-fargate-daemonset: loud\n  eks-fargate-host-port: off\nbogus: true\n';
    const { options, problems } = parseConfig(text);
    assert.deepEqual(options, { rules: { 'eks-fargate-host-port': 'off' } });
    assert.deepEqual(
      problems.map((p) => [at(text, p), p.message]),
      [
        ['eksVersion', 'eksVersion must be "latest" or a version such as "1.34", not "one point thirty"'],
        ['regions', 'regions must be a list of region codes, such as [us-east-1]'],
        ['today', 'today must be a date written YYYY-MM-DD'],
        ['ignore', 'ignore must be a list of glob patterns'],
        ['maxFileSizeBytes', 'maxFileSizeBytes must be a positive number'],
        ['eks-fargate-daemonset', 'rules.eks-fargate-daemonset must be one of error, warning, info, hint, off'],
        ['bogus', 'Unknown setting "bogus" in .offload.yaml'],
      ],
    );
  });

  it('problem positions follow the parsed key: quoted, flow style or indented', () => {
    const flow = '{ "eksVersion": [1], regions: us-east-1 }';
    const p = parseConfig(flow);
    assert.deepEqual(p.options, { regions: ['us-east-1'] });
    assert.equal(at(flow, p.problems[0]), '"eksVersion"');
  });

  it('never throws on hostile keys (a key is not a regular expression)', () => {
    const text = '"(": 1\n"[a-": 2\n"*": 3\n';
    const { problems } = parseConfig(text);
    assert.deepEqual(problems.map((p) => at(text, p)), ['"("', '"[a-"', '"*"']);
  });

  it('syntax errors and a non-map document are problems with a position', () => {
    const broken = parseConfig('eksVersion: "1.34"\nregions: [us-east-1\n');
    assert.ok(broken.problems.length > 0);
    assert.ok(broken.problems[0].end >= broken.problems[0].start);
    assert.deepEqual(parseConfig('- a\n- b\n').problems.map((p) => p.message), ['.offload.yaml must be a map of settings']);
  });

  it('regions may be a single string', () => {
    assert.deepEqual(parseConfig('regions: eu-west-1\n').options, { regions: ['eu-west-1'] });
  });
});

describe('config: resolveOptions (what wins)', () => {
  it('the EKS version: option, then config, then an eksctl ClusterConfig, then the latest at today', () => {
    const all = { option: { eksVersion: '1.35' }, config: { eksVersion: '1.33' }, eksctl: { version: '1.32' } };
    assert.deepEqual(pick(resolveOptions(all, TODAY)), ['1.35', 'option']);
    assert.deepEqual(pick(resolveOptions({ ...all, option: {} }, TODAY)), ['1.33', 'config']);
    assert.deepEqual(pick(resolveOptions({ eksctl: { version: '1.32' } }, TODAY)), ['1.32', 'eksctl']);
    assert.deepEqual(pick(resolveOptions({}, TODAY)), [LATEST, 'latest']);
    assert.deepEqual(pick(resolveOptions({}, '2024-01-01')), ['1.28', 'latest']);
  });

  it('an explicit "latest" wins over the layers below it', () => {
    const all = { option: { eksVersion: 'latest' }, config: { eksVersion: '1.33' }, eksctl: { version: '1.32' } };
    assert.deepEqual(pick(resolveOptions(all, TODAY)), [LATEST, 'latest']);
    assert.deepEqual(pick(resolveOptions({ config: { eksVersion: 'latest' }, eksctl: { version: '1.32' } }, TODAY)), [LATEST, 'latest']);
    assert.deepEqual(pick(resolveOptions({ option: { eksVersion: '1.31' }, config: { eksVersion: 'latest' } }, TODAY)), ['1.31', 'option']);
  });

  it('an eksctl version Offload does not know falls through to the latest; an unquoted 1.30 is 1.30', () => {
    assert.deepEqual(pick(resolveOptions({ eksctl: { version: '9.99' } }, TODAY)), [LATEST, 'latest']);
    assert.deepEqual(pick(resolveOptions({ eksctl: { version: '1.3' } }, TODAY)), ['1.30', 'eksctl']);
    assert.deepEqual(pick(resolveOptions({ eksctl: { version: '1.30.2' } }, TODAY)), ['1.30', 'eksctl']);
  });

  it('regions: option, then config, then the eksctl region, then us-east-1', () => {
    const r = (l: Parameters<typeof resolveOptions>[0]) => {
      const o = resolveOptions(l, TODAY);
      return [o.regions, o.regionsSource];
    };
    assert.deepEqual(r({ option: { regions: ['a-b-1'] }, config: { regions: ['c-d-1'] }, eksctl: { region: 'e-f-1' } }), [['a-b-1'], 'option']);
    assert.deepEqual(r({ config: { regions: ['c-d-1'] }, eksctl: { region: 'e-f-1' } }), [['c-d-1'], 'config']);
    assert.deepEqual(r({ option: { regions: [] }, eksctl: { region: 'e-f-1' } }), [['e-f-1'], 'eksctl']);
    assert.deepEqual(r({}), [[DEFAULT_REGION], 'default']);
  });

  it('today, rules, ignore and the size limit merge with the option on top', () => {
    const o = resolveOptions(
      {
        option: { today: '2025-01-01', rules: { a: 'off' }, ignore: ['x/**'] },
        config: { today: '2024-01-01', rules: { a: 'error', b: 'info' }, ignore: ['y/**'], maxFileSizeBytes: 10 },
      },
      TODAY,
    );
    assert.equal(o.today, '2025-01-01');
    assert.deepEqual(o.rules, { a: 'off', b: 'info' });
    assert.deepEqual(o.ignore, ['y/**', 'x/**']);
    assert.equal(o.maxFileSizeBytes, 10);
    assert.equal(resolveOptions({ config: { today: '2024-01-01' } }, TODAY).today, '2024-01-01');
    assert.equal(resolveOptions({}, TODAY).maxFileSizeBytes, DEFAULT_MAX_FILE_SIZE);
  });
});

describe('config: through analyze()', () => {
  const ds = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: d\n';

  it('the eksctl ClusterConfig in the workspace sets the target version and region', () => {
    const r = analyze([{ path: 'cluster.yaml', text: eksctl('"1.32"') }, { path: 'ds.yaml', text: ds }], { today: TODAY });
    assert.deepEqual(r.target, { eksVersion: '1.32', eksVersionSource: 'eksctl', regions: ['ap-south-1'], today: TODAY });
  });

  it('an unquoted eksctl version 1.30 targets 1.30, not the latest', () => {
    const r = analyze([{ path: 'cluster.yaml', text: eksctl('1.30') }], { today: TODAY });
    assert.equal(r.target.eksVersion, '1.30');
    assert.equal(r.target.eksVersionSource, 'eksctl');
  });

  it('.offload.yaml beats eksctl, and the option beats both', () => {
    const files = [{ path: 'cluster.yaml', text: eksctl('"1.32"') }];
    const cfg = 'eksVersion: 1.30\nregions: [eu-north-1]\n';
    const byConfig = analyze(files, { today: TODAY, configText: cfg, configPath: '.offload.yaml' });
    assert.deepEqual([byConfig.target.eksVersion, byConfig.target.eksVersionSource, byConfig.target.regions], ['1.30', 'config', ['eu-north-1']]);
    const byOption = analyze(files, { today: TODAY, configText: cfg, configPath: '.offload.yaml', options: { eksVersion: '1.35', regions: ['us-west-2'], today: '2026-01-01' } });
    assert.deepEqual(byOption.target, { eksVersion: '1.35', eksVersionSource: 'option', regions: ['us-west-2'], today: '2026-01-01' });
  });

  it('config problems become config-error findings on the config file; valid parts still apply', () => {
    const cfg = 'rules:\n  eks-fargate-daemonset: off\nregions: 5\n';
    const r = analyze([{ path: 'ds.yaml', text: ds }], { today: TODAY, configText: cfg, configPath: 'sub/.offload.yaml', rules: [ruleById('eks-fargate-daemonset')!] });
    assert.deepEqual(
      r.findings.map((f) => [f.ruleId, f.severity, f.file, f.range]),
      [['config-error', 'warning', 'sub/.offload.yaml', { start: { line: 2, character: 0 }, end: { line: 2, character: 7 } }]],
    );
  });

  it('rule settings: off silences a rule, a severity overrides the default', () => {
    const off = analyze([{ path: 'ds.yaml', text: ds }], { today: TODAY, configText: 'rules: {eks-fargate-daemonset: off}\n' });
    assert.deepEqual(off.findings.filter((f) => f.ruleId === 'eks-fargate-daemonset'), []);
    const err = analyze([{ path: 'ds.yaml', text: ds }], { today: TODAY, options: { rules: { 'eks-fargate-daemonset': 'error' } } });
    assert.equal(err.findings.find((f) => f.ruleId === 'eks-fargate-daemonset')!.severity, 'error');
  });

  it('ignore globs skip files', () => {
    const files = [
      { path: 'k8s/ds.yaml', text: ds },
      { path: 'legacy/ds.yaml', text: ds },
      { path: 'k8s/ds.generated.yaml', text: ds },
    ];
    const r = analyze(files, { today: TODAY, configText: 'ignore:\n  - legacy/**\n  - "*.generated.yaml"\n' });
    assert.deepEqual(r.files.map((f) => f.file), ['k8s/ds.yaml']);
    const byOption = analyze(files, { today: TODAY, options: { ignore: ['k8s'] } });
    assert.deepEqual(byOption.files.map((f) => f.file), ['legacy/ds.yaml']);
  });
});

function pick(o: { eksVersion: string; eksVersionSource: string }): [string, string] {
  return [o.eksVersion, o.eksVersionSource];
}
