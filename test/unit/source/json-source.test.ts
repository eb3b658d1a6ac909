import * as assert from 'node:assert/strict';
import { parseJson } from '../../../src/engine/source/json-source';
import { nodeSpan } from '../../../src/engine/source/node-span';
import type { SourceNode } from '../../../src/engine/source/source-node';
import { LineIndex } from '../../../src/engine/source/line-index';
import { analyze } from '../../../src/engine';

const TODAY = '2026-11-25';

function spanText(text: string, node: SourceNode | undefined): string {
  assert.ok(node, 'node exists');
  const [s, e] = nodeSpan(node, text);
  return text.slice(s, e);
}

describe('source: JSON', () => {
  const text = '{\n  "family": "orders",\n  "cpu": 512,\n  "containerDefinitions": [\n    {"name": "app", "privileged": true}\n  ]\n}\n';

  it('gives exact ranges: strings with their quotes, numbers, booleans, and keys with quotes', () => {
    const { root, errors } = parseJson(text);
    assert.deepEqual(errors, []);
    const family = root!.get('family')!;
    assert.equal(family.value, 'orders');
    assert.equal(family.quoted, true);
    assert.equal(spanText(text, family), '"orders"');
    assert.equal(text.slice(family.keyStart, family.keyEnd), '"family"');
    const cpu = root!.get('cpu')!;
    assert.equal(cpu.value, 512);
    assert.equal(cpu.quoted, false);
    assert.equal(spanText(text, root!.at('containerDefinitions', 0, 'privileged')), 'true');
    assert.deepEqual(new LineIndex(text).positionAt(cpu.start), { line: 2, character: 9 });
  });

  it('underlines objects and arrays at their key', () => {
    const { root } = parseJson(text);
    assert.equal(spanText(text, root!.get('containerDefinitions')), '"containerDefinitions"');
    assert.equal(root!.get('containerDefinitions')!.kind, 'seq');
    // A keyless object (an array item) on its first line.
    assert.equal(spanText(text, root!.at('containerDefinitions', 0)), '{"name": "app", "privileged": true}');
  });

  it('tolerates comments and trailing commas (JSONC, as people paste task definitions)', () => {
    const jsonc = '{\n  // the service\n  "family": "a", /* inline */\n  "containerDefinitions": [{"name": "x",},],\n}\n';
    const { root, errors } = parseJson(jsonc);
    assert.deepEqual(errors, []);
    assert.deepEqual(root!.toJS(), { family: 'a', containerDefinitions: [{ name: 'x' }] });
    assert.equal(spanText(jsonc, root!.get('family')), '"a"');
  });

  it('a duplicate key reads as its last value, as JSON.parse and toJS() do', () => {
    const dup = '{"networkMode": "bridge", "networkMode": "awsvpc"}';
    const { root } = parseJson(dup);
    assert.equal(root!.get('networkMode')!.value, 'awsvpc');
    assert.equal((root!.toJS() as Record<string, unknown>).networkMode, JSON.parse(dup).networkMode);
  });

  it('broken JSON yields errors with offsets and a tree of what parsed', () => {
    const broken = '{"family": "f", "cpu": 256 "memory": 512, "containerDefinitions": [';
    const { root, errors } = parseJson(broken);
    assert.ok(errors.length >= 2);
    assert.match(errors[0].message, /^JSON: comma expected/);
    assert.equal(broken.slice(errors[0].start, errors[0].end).trim().length > 0, true);
    assert.equal(root!.get('family')!.value, 'f');
    assert.equal(root!.get('memory')!.value, 512);
  });

  it('empty text has no root and no errors', () => {
    assert.deepEqual(parseJson(''), { root: undefined, errors: [] });
  });

  it('get/at/items/entries on the wrong kind of node return nothing', () => {
    const { root } = parseJson('{"a": 1, "b": [true]}');
    assert.equal(root!.get('a')!.get('x'), undefined);
    assert.deepEqual(root!.get('a')!.entries(), []);
    assert.deepEqual(root!.items(), []);
    assert.equal(root!.at('b', 0)!.value, true);
    assert.equal(root!.at('b', 3), undefined);
    assert.deepEqual(root!.entries().map((e) => e.key), ['a', 'b']);
    assert.equal(root!.at('b', 0)!.parent!.key, 'b');
  });

  describe('through analyze()', () => {
    it('a broken task definition gets parse-error findings and the rest is still analysed', () => {
      const td = '{\n  "family": "orders",\n  "cpu": "512",\n  "memory": "512"\n  "requiresCompatibilities": ["FARGATE"],\n  "networkMode": "awsvpc",\n  "containerDefinitions": [{"name": "app", "image": "app"}]\n';
      const r = analyze([{ path: 'orders.json', text: td }], { today: TODAY });
      const errors = r.findings.filter((f) => f.ruleId === 'parse-error');
      assert.ok(errors.length >= 1, 'parse errors reported');
      assert.equal(errors[0].range.start.line, 4, 'the missing comma is found where the next key starts');
      assert.deepEqual(r.workloads.map((w) => w.name), ['orders']);
      assert.ok(r.findings.some((f) => f.ruleId === 'ecs-fargate-task-size'), 'rules ran on the parsed part');
    });

    it('a broken JSON file that is not a manifest stays silent', () => {
      const r = analyze([{ path: 'package.json', text: '{"name": "x", "version": ' }], { today: TODAY });
      assert.deepEqual(r.findings, []);
      assert.equal(r.files[0].format, 'unknown');
    });

    it('JSONC comments and trailing commas in a task definition are not errors', () => {
      const td = '{\n  // registered by CI\n  "family": "a",\n  "networkMode": "awsvpc",\n  "containerDefinitions": [{"name": "x", "image": "x",},],\n}\n';
      const r = analyze([{ path: 'taskdef.json', text: td }], { today: TODAY });
      assert.deepEqual(r.findings.filter((f) => f.ruleId === 'parse-error'), []);
      assert.equal(r.workloads.length, 1);
    });

    it('a finding on a JSON value covers exactly the value', () => {
      const td = '{"family": "a", "networkMode": "bridge", "containerDefinitions": [{"name": "x", "image": "x"}]}';
      const f = analyze([{ path: 'td.json', text: td }], { today: TODAY }).findings.find((x) => x.ruleId === 'ecs-fargate-network-mode')!;
      assert.deepEqual(f.range, { start: { line: 0, character: 31 }, end: { line: 0, character: 39 } });
      assert.equal(td.slice(31, 39), '"bridge"');
    });
  });
});
