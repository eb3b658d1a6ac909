import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/engine';
import type { Finding } from '../../../src/engine';
import { defineRule } from '../../../src/engine/rules/define-rule';
import type { Rule } from '../../../src/engine/rules/define-rule';
import type { SourceNode } from '../../../src/engine/source/source-node';
import { LineIndex } from '../../../src/engine/source/line-index';
import { ruleById } from '../../../src/engine/rules';
import { commentSuppressionsFor, parseAnnotation, suppresses, suppressionComment } from '../../../src/engine/suppress';

const TODAY = '2026-11-25';

function* walk(n: SourceNode | undefined): Generator<SourceNode> {
  if (!n) return;
  yield n;
  for (const c of [...n.entries(), ...n.items()]) yield* walk(c);
}

/** A test rule that flags every `flag: true`, wherever it is. */
function flagRule(id: string): Rule {
  return defineRule({
    meta: {
      id,
      title: id,
      description: id,
      remediation: 'none',
      formats: ['kubernetes', 'ecs-task-definition', 'compose'],
      platforms: ['eks-fargate'],
      effect: 'advice',
      defaultSeverity: 'warning',
      sources: [],
      messages: { flag: '{{id}} flag' },
      scope: 'document',
    },
    check(ctx) {
      for (const n of walk(ctx.document?.root)) {
        if (n.key === 'flag' && n.value === true) ctx.report({ node: n, messageId: 'flag', data: { id } });
      }
    },
  });
}

const RULES = [flagRule('test-a'), flagRule('test-b')];

function run(text: string, file = 'k.yaml'): string[] {
  const r = analyze([{ path: file, text }], { today: TODAY, rules: RULES });
  return r.findings.map((f: Finding) => `${f.ruleId}@${f.range.start.line}`);
}

const HEAD = 'apiVersion: v1\nkind: Thing\nmetadata:\n  name: t\n';

describe('suppressions', () => {
  it('without a suppression both rules fire on both lines (the baseline)', () => {
    assert.deepEqual(run(`${HEAD}flag: true\nother:\n  flag: true\n`), ['test-a@4', 'test-b@4', 'test-a@6', 'test-b@6']);
  });

  it('a comment on the line before removes exactly that rule on that line', () => {
    const text = `${HEAD}# offload-ignore test-a: the node group covers this\nflag: true\nother:\n  flag: true\n`;
    assert.deepEqual(run(text), ['test-b@5', 'test-a@7', 'test-b@7']);
  });

  it('stacked comments each apply to the line below the stack', () => {
    const text = `${HEAD}# offload-ignore test-a: reason one\n# offload-ignore test-b: reason two\nflag: true\nx:\n  flag: true\n`;
    assert.deepEqual(run(text), ['test-a@8', 'test-b@8']);
  });

  it('several ids in one comment, comma- or space-separated', () => {
    assert.deepEqual(run(`${HEAD}# offload-ignore test-a, test-b: both\nflag: true\n`), []);
    assert.deepEqual(run(`${HEAD}# offload-ignore test-a test-b: both\nflag: true\n`), []);
  });

  it('* removes every rule on that line, and only there', () => {
    assert.deepEqual(run(`${HEAD}# offload-ignore *: generated file\nflag: true\nx:\n  flag: true\n`), ['test-a@7', 'test-b@7']);
  });

  it('an indented comment works inside nested maps', () => {
    assert.deepEqual(run(`${HEAD}x:\n  # offload-ignore test-b: reason\n  flag: true\n`), ['test-a@6']);
  });

  it('a suppression for another rule id does nothing', () => {
    assert.deepEqual(run(`${HEAD}# offload-ignore eks-fargate-daemonset: not this one\nflag: true\n`), ['test-a@5', 'test-b@5']);
  });

  it('does not reach over a blank line, an ordinary comment or code', () => {
    assert.deepEqual(run(`${HEAD}# offload-ignore test-a: r\n\nflag: true\n`), ['test-a@6', 'test-b@6']);
    assert.deepEqual(run(`${HEAD}# offload-ignore test-a: r\n# why: because\nflag: true\n`), ['test-a@6', 'test-b@6']);
    assert.deepEqual(run(`${HEAD}# offload-ignore test-a: r\ny: 1\nflag: true\n`), ['test-a@6', 'test-b@6']);
  });

  it('a look-alike comment is not a suppression', () => {
    assert.deepEqual(run(`${HEAD}# offload-ignored test-a: r\nflag: true\n`), ['test-a@5', 'test-b@5']);
    assert.deepEqual(run(`${HEAD}# see offload-ignore test-a\nflag: true\n`), ['test-a@5', 'test-b@5']);
  });

  it('works with CRLF and lone-CR line ends', () => {
    const text = `${HEAD}# offload-ignore test-a: r\nflag: true\n`;
    assert.deepEqual(run(text.replace(/\n/g, '\r\n')), ['test-b@5']);
    assert.deepEqual(run(text.replace(/\n/g, '\r')), ['test-b@5']);
  });

  it('// comments suppress in JSONC task definitions', () => {
    const td = '{\n  "family": "orders",\n  // offload-ignore ecs-fargate-network-mode: runs on EC2 with bridge on purpose\n  "networkMode": "bridge",\n  "containerDefinitions": [{"name": "a", "image": "a"}]\n}\n';
    const r = analyze([{ path: 'td.json', text: td }], { today: TODAY });
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'ecs-fargate-network-mode'), []);
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'parse-error'), []);
    const without = analyze([{ path: 'td.json', text: td.replace(/  \/\/.*\n/, '') }], { today: TODAY });
    assert.equal(without.findings.filter((f) => f.ruleId === 'ecs-fargate-network-mode').length, 1);
  });

  it('# comments suppress in compose files', () => {
    const text = 'services:\n  exporter:\n    image: prom/node-exporter\n    # offload-ignore compose-privileged: reads host metrics\n    privileged: true\n';
    const r = analyze([{ path: 'docker-compose.yml', text }], { today: TODAY });
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'compose-privileged'), []);
    const without = analyze([{ path: 'docker-compose.yml', text: text.replace(/ {4}# .*\n/, '') }], { today: TODAY });
    assert.equal(without.findings.filter((f) => f.ruleId === 'compose-privileged').length, 1);
  });

  it('never suppresses parse errors', () => {
    const text = `${HEAD}# offload-ignore *: r\nbad: [\n`;
    const r = analyze([{ path: 'k.yaml', text }], { today: TODAY, rules: RULES });
    assert.ok(r.findings.some((f) => f.ruleId === 'parse-error'));
  });

  describe('the offload.dev/ignore annotation', () => {
    // Two real rules, so that rules added later cannot change these expectations.
    const real = () => [ruleById('eks-fargate-daemonset')!, ruleById('eks-fargate-host-network')!];
    const ds = (name: string, annotations = '') =>
      `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: ${name}\n${annotations ? `  annotations:\n${annotations}` : ''}spec:\n  template:\n    spec:\n      hostNetwork: true\n      containers: [{name: c, image: c}]\n`;

    it('covers the object it sits on, and only that object', () => {
      const text = ds('a', '    offload.dev/ignore: "eks-fargate-daemonset: runs on the system node group"\n') + '---\n' + ds('b');
      const r = analyze([{ path: 'ds.yaml', text }], { today: TODAY, rules: real() });
      const got = r.findings.map((f) => `${f.ruleId}/${f.workloadId?.split('/').pop()}`);
      assert.deepEqual(got.sort(), ['eks-fargate-daemonset/b', 'eks-fargate-host-network/a', 'eks-fargate-host-network/b']);
    });

    it('several entries separated by ;, and * for every rule', () => {
      const two = ds('a', '    offload.dev/ignore: "eks-fargate-daemonset: node agent; eks-fargate-host-network: needs the node IP"\n');
      assert.deepEqual(analyze([{ path: 'ds.yaml', text: two }], { today: TODAY, rules: real() }).findings, []);
      const star = ds('a', '    offload.dev/ignore: "*: vendor chart"\n');
      assert.deepEqual(analyze([{ path: 'ds.yaml', text: star }], { today: TODAY, rules: real() }).findings, []);
    });

    it('naming another rule does nothing', () => {
      const text = ds('a', '    offload.dev/ignore: "eks-fargate-privileged: not relevant"\n');
      assert.equal(analyze([{ path: 'ds.yaml', text }], { today: TODAY, rules: real() }).findings.length, 2);
    });

    it('a suppressed blocker no longer blocks the platform', () => {
      const text = ds('a', '    offload.dev/ignore: "eks-fargate-daemonset: r; eks-fargate-host-network: r"\n');
      const w = analyze([{ path: 'ds.yaml', text }], { today: TODAY, rules: real() }).workloads[0];
      assert.equal(w.fit['eks-fargate'].status, 'fits');
    });

    it('covers one item of a List, not its siblings', () => {
      const text =
        'apiVersion: v1\nkind: List\nitems:\n' +
        '  - apiVersion: apps/v1\n    kind: DaemonSet\n    metadata:\n      name: a\n      annotations: {offload.dev/ignore: "eks-fargate-daemonset: r"}\n' +
        '  - apiVersion: apps/v1\n    kind: DaemonSet\n    metadata:\n      name: b\n';
      const r = analyze([{ path: 'list.yaml', text }], { today: TODAY, rules: real() });
      assert.deepEqual(r.findings.map((f) => f.workloadId?.split('/').pop()), ['b']);
    });

    it('works in kubectl JSON output', () => {
      const obj = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'a', annotations: { 'offload.dev/ignore': 'eks-fargate-daemonset: r' } } };
      assert.deepEqual(analyze([{ path: 'ds.json', text: JSON.stringify(obj, null, 2) }], { today: TODAY, rules: real() }).findings, []);
    });
  });

  describe('helpers', () => {
    it('parseAnnotation splits entries, ids and reasons', () => {
      assert.deepEqual(parseAnnotation('a: one; b, c: two;;'), [
        { ruleIds: ['a'], reason: 'one' },
        { ruleIds: ['b', 'c'], reason: 'two' },
      ]);
      assert.deepEqual(parseAnnotation('x'), [{ ruleIds: ['x'], reason: '' }]);
    });

    it('commentSuppressionsFor reads the stack above a line, with reasons', () => {
      const li = new LineIndex('# offload-ignore a: first\n  // offload-ignore b,c: second: with colon\nflag: true\n');
      assert.deepEqual(commentSuppressionsFor(li, 2), [
        { ruleIds: ['b', 'c'], reason: 'second: with colon' },
        { ruleIds: ['a'], reason: 'first' },
      ]);
      assert.deepEqual(commentSuppressionsFor(li, 0), []);
    });

    it('suppresses matches ids exactly, never by prefix or message', () => {
      assert.equal(suppresses({ ruleIds: ['eks-fargate'], reason: '' }, 'eks-fargate-daemonset'), false);
      assert.equal(suppresses({ ruleIds: ['*'], reason: '' }, 'anything'), true);
    });

    it('suppressionComment writes the form the parser reads', () => {
      const yaml = suppressionComment('eks-fargate-daemonset', '  ', false);
      const json = suppressionComment('ecs-fargate-network-mode', '', true);
      assert.equal(yaml, '  # offload-ignore eks-fargate-daemonset: <reason>');
      assert.deepEqual(commentSuppressionsFor(new LineIndex(`${json}\nx`), 1)[0].ruleIds, ['ecs-fargate-network-mode']);
    });
  });
});
