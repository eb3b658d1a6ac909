import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { parseYamlChunk, splitYamlDocuments } from '../../../src/engine/source/yaml-source';
import { nodeSpan } from '../../../src/engine/source/node-span';
import type { SourceNode } from '../../../src/engine/source/source-node';
import { LineIndex } from '../../../src/engine/source/line-index';
import { loadFile } from '../../../src/engine/load';
import { analyze } from '../../../src/engine';

const TODAY = '2026-11-25';
const REPO = path.resolve(__dirname, '..', '..', '..', '..');
const FIXTURES = path.join(REPO, 'test', 'fixtures', 'source');

/**
 * What the engine sees in a stream: every non-empty chunk's value. A broken document
 * counts as 'ERROR': what error recovery salvages from it may differ.
 */
function engineDocs(text: string): unknown[] {
  const starts = splitYamlDocuments(text);
  const out: unknown[] = [];
  for (let i = 0; i < starts.length; i++) {
    const d = parseYamlChunk(text.slice(starts[i], starts[i + 1] ?? text.length), starts[i]);
    if (!d.empty) out.push(d.errors.length ? 'ERROR' : (d.root?.toJS() ?? null));
  }
  return out;
}

/** What the yaml package sees, for the same stream, dropping empty documents. */
function yamlDocs(text: string): unknown[] {
  return parseAllDocuments(text)
    .filter((d) => d.contents !== null || d.errors.length > 0)
    .map((d) => (d.errors.length ? 'ERROR' : d.toJS()));
}

function parse(text: string): SourceNode {
  const d = parseYamlChunk(text, 0);
  assert.deepEqual(d.errors, [], 'parses cleanly');
  return d.root!;
}

/** The text a node is underlined with. */
function spanText(text: string, node: SourceNode | undefined): string {
  assert.ok(node, 'node exists');
  const [s, e] = nodeSpan(node, text);
  return text.slice(s, e);
}

describe('source: YAML documents', () => {
  const streams: Record<string, string> = {
    'two documents': 'a: 1\n---\nb: 2\n',
    'a leading marker': '---\na: 1\n',
    'end markers': 'a: 1\n...\n---\nb: 2\n...\n',
    'an end marker then a bare document': 'a: 1\n...\nb: 2\n',
    'a comment between documents': 'a: 1\n...\n# about b\n---\nb: 2\n',
    'a header comment': '# Source: chart/templates/a.yaml\n---\na: 1\n',
    'a marker with a trailing comment': 'a: 1\n--- # second\nb: 2\n',
    'a marker followed by a tab': 'a: 1\n---\t\nb: 2\n',
    'a marker followed by content': 'a: 1\n--- |\n  literal\n',
    'CRLF line ends': 'a: 1\r\n---\r\nb: 2\r\n...\r\nc: 3\r\n',
    '---x is not a marker': 'a: 1\n---x: 2\n',
    '---- is not a marker': 'a: |\n  x\n----\n',
    'an indented --- is content': 'a: |\n  x\n  ---\n  y\n',
    '--- at column 0 inside a block scalar ends the document': 'a: |\n  x\n---\n  more\n',
    '--- at column 0 inside a quoted scalar': 'k: "one\n---\ntwo"\n',
    'a %YAML directive': '%YAML 1.2\n---\na: 1\n---\nb: 2\n',
    'directives after an end marker': '%YAML 1.2\n%TAG !e! tag:example.com,2000:\n---\na: 1\n...\n%YAML 1.2\n---\nb: 2\n',
    'a U+2028 in a quoted value is not a line break': 'a: "x\u2028--- y"\nb: 1\n',
    'a U+0085 in a quoted value': 'a: "x\u0085--- y"\nb: 1\n',
    'only comments': '# nothing here\n---\n# or here\n',
  };
  for (const [name, text] of Object.entries(streams)) {
    it(`splits like yaml.parseAllDocuments: ${name}`, () => {
      assert.deepEqual(engineDocs(text), yamlDocs(text));
    });
  }

  it('keeps chunk offsets into the whole file, so nodes in later documents have file positions', () => {
    const text = 'a: 1\n---\nkind: DaemonSet\n';
    const starts = splitYamlDocuments(text);
    assert.deepEqual(starts, [0, 5]);
    const d = parseYamlChunk(text.slice(5), 5);
    const kind = d.root!.get('kind')!;
    assert.equal(text.slice(kind.start, kind.end), 'DaemonSet');
    assert.deepEqual(new LineIndex(text).positionAt(kind.start), { line: 2, character: 6 });
  });

  it('keeps a directive with the document it opens, so every document is analysed', () => {
    const ds = (n: string) => `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: ${n}\n`;
    const text = `%YAML 1.2\n---\n${ds('a')}---\n${ds('b')}`;
    const r = analyze([{ path: 'd.yaml', text }], { today: TODAY });
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'parse-error'), []);
    assert.deepEqual(r.workloads.map((w) => w.name), ['a', 'b']);
  });

  it('numbers documents as yaml does: a header comment does not count as one', () => {
    const m = loadFile('x.yaml', '# header\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\n', Infinity);
    assert.deepEqual(m.documents.map((d) => d.docIndex), [0]);
  });

  it('a --- at column 0 in a block scalar starts a document for the engine and for yaml alike', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'block-scalar-marker.yaml'), 'utf8');
    assert.deepEqual(engineDocs(text), yamlDocs(text));
    const r = analyze([{ path: 'block-scalar-marker.yaml', text }], { today: TODAY });
    // The ConfigMap's script is cut at the marker; the DaemonSet after it is still found.
    assert.deepEqual(r.workloads.map((w) => `${w.kind}/${w.name}`), ['DaemonSet/after-marker']);
    const f = r.findings.find((x) => x.ruleId === 'eks-fargate-daemonset')!;
    assert.equal(new LineIndex(text).lineText(f.range.start.line), 'kind: DaemonSet');
  });

  it('parses lone-CR files (yaml itself only breaks at LF and CRLF)', () => {
    const text = 'apiVersion: apps/v1\rkind: DaemonSet\rmetadata:\r  name: d\r---\rapiVersion: v1\rkind: Pod\rmetadata: {name: p}\r';
    const r = analyze([{ path: 'cr.yaml', text }], { today: TODAY });
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'parse-error'), []);
    assert.deepEqual(r.workloads.map((w) => w.name), ['d', 'p']);
    assert.deepEqual(r.findings.find((f) => f.ruleId === 'eks-fargate-daemonset')!.range.start, { line: 1, character: 6 });
  });

  it('reports YAML syntax errors with positions and still analyses the other documents', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n bad: [\n---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: d\n';
    const r = analyze([{ path: 'broken.yaml', text }], { today: TODAY });
    const errors = r.findings.filter((f) => f.ruleId === 'parse-error');
    assert.ok(errors.length > 0);
    for (const e of errors) {
      assert.equal(e.severity, 'error');
      assert.ok(e.range.start.line <= 5, JSON.stringify(e.range));
    }
    assert.ok(r.workloads.some((w) => w.name === 'd'));
  });

  it('reports duplicate keys', () => {
    const d = parseYamlChunk('a: 1\na: 2\n', 0);
    assert.match(d.errors[0].message, /unique/);
  });

  it('never throws on hostile YAML: alias bombs, deep nesting, cyclic merges', () => {
    const laughs = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++) laughs.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill('*' + String.fromCharCode(97 + i)).join(',')}]`);
    const bomb = parseYamlChunk(laughs.join('\n') + '\n', 0);
    assert.equal(bomb.root!.toJS(), undefined, 'expansion is bounded');
    const deep = parseYamlChunk('['.repeat(5000) + ']'.repeat(5000), 0);
    assert.ok(deep.errors.length > 0 || deep.root);
    const cyclic = parseYamlChunk('a: &a\n  <<: *a\n  x: 1\n', 0);
    assert.equal(cyclic.root?.get('a')?.get('nope'), undefined);
  });
});

describe('source: YAML nodes and ranges', () => {
  it('a plain scalar ends at its value, not at a trailing comment', () => {
    const text = 'kind: DaemonSet   # the agent\nx: 1\n';
    const kind = parse(text).get('kind')!;
    assert.equal(spanText(text, kind), 'DaemonSet');
    assert.equal(kind.value, 'DaemonSet');
    assert.equal(text.slice(kind.keyStart, kind.keyEnd), 'kind');
  });

  it('quoted keys and values: the key range includes the quotes, and the value knows it was quoted', () => {
    const text = '"kind": DaemonSet\n\'cpu\': "512" # quoted\n';
    const root = parse(text);
    const kind = root.get('kind')!;
    assert.equal(kind.value, 'DaemonSet');
    assert.equal(text.slice(kind.keyStart, kind.keyEnd), '"kind"');
    const cpu = root.get('cpu')!;
    assert.equal(cpu.value, '512');
    assert.equal(cpu.quoted, true);
    assert.equal(kind.quoted, false);
    assert.equal(spanText(text, cpu), '"512"');
  });

  it('flow style: scalars inside {a: 1} have exact ranges, flow maps are underlined at their key', () => {
    const text = 'metadata: {name: web, labels: {app: "web"}}\nspec: {hostNetwork: true}\n';
    const root = parse(text);
    assert.equal(spanText(text, root.at('metadata', 'name')), 'web');
    assert.equal(spanText(text, root.at('metadata', 'labels', 'app')), '"web"');
    assert.equal(spanText(text, root.at('metadata', 'labels')), 'labels');
    assert.equal(spanText(text, root.at('spec', 'hostNetwork')), 'true');
    assert.equal(root.at('spec', 'hostNetwork')!.value, true);
  });

  it('a block map or sequence is underlined at its key; a keyless block item on its first line', () => {
    const text = 'spec:\n  containers:\n    - name: a\n      image: x\n    - name: b\n';
    const root = parse(text);
    assert.equal(spanText(text, root.get('spec')), 'spec');
    assert.equal(spanText(text, root.at('spec', 'containers')), 'containers');
    assert.equal(spanText(text, root.at('spec', 'containers', 0)), 'name: a');
    assert.equal(root.at('spec', 'containers')!.items().length, 2);
  });

  it('a block scalar is underlined from its indicator to its last character, without the final line break', () => {
    const text = 'script: |\n  echo one\n  echo two\n# done\nnext: 1\n';
    const root = parse(text);
    const s = root.get('script')!;
    assert.equal(s.value, 'echo one\necho two\n');
    assert.equal(spanText(text, s), '|\n  echo one\n  echo two');
    const crlf = text.replace(/\n/g, '\r\n');
    assert.equal(spanText(crlf, parse(crlf).get('script')), '|\r\n  echo one\r\n  echo two');
  });

  it('multi-line plain and quoted scalars end at the value', () => {
    const text = 'a: plain\n  continued   # c\nb: "two\n  lines"  # c\n';
    const root = parse(text);
    assert.equal(spanText(text, root.get('a')), 'plain\n  continued');
    assert.equal(spanText(text, root.get('b')), '"two\n  lines"');
  });

  it('an empty value (`key:`) is null and is underlined at its key', () => {
    const text = 'hostNetwork:\nother: ~\n';
    const root = parse(text);
    const n = root.get('hostNetwork')!;
    assert.equal(n.value, null);
    assert.equal(spanText(text, n), 'hostNetwork');
    assert.equal(spanText(text, root.get('other')), '~');
  });

  it('anchors and tags are not part of the value range', () => {
    const text = 'a: &anchor !!str 123\n';
    const a = parse(text).get('a')!;
    assert.equal(a.value, '123');
    assert.equal(spanText(text, a), '123');
  });

  it('an alias is underlined where it is written and reads the anchored value', () => {
    const text = 'base: &b true\nprivileged: *b\n';
    const p = parse(text).get('privileged')!;
    assert.equal(p.value, true);
    assert.equal(spanText(text, p), '*b');
  });

  it('an alias of a map is walkable; its children are where the anchor defines them', () => {
    const text = 'sc: &sc {privileged: true}\ncontainer:\n  securityContext: *sc\n';
    const n = parse(text).at('container', 'securityContext', 'privileged')!;
    assert.equal(n.value, true);
    assert.equal(new LineIndex(text).positionAt(n.start).line, 0);
  });

  it('merge keys `<<` are followed by get() and at(), alone or as a list, and own keys win', () => {
    const text = 'x-base: &base\n  image: nginx\n  privileged: true\nx-more: &more\n  cpu: 1\nservices:\n  web:\n    <<: *base\n    image: own\n  api:\n    <<: [*base, *more]\n';
    const root = parse(text);
    const web = root.at('services', 'web')!;
    assert.equal(web.get('privileged')!.value, true);
    assert.equal(web.get('image')!.value, 'own');
    assert.equal(root.at('services', 'api', 'cpu')!.value, 1);
    assert.equal(root.at('services', 'api', 'privileged')!.value, true);
    // entries() lists the map's own keys only, never a pseudo-key for `<<`.
    assert.deepEqual(web.entries().map((e) => e.key), ['image']);
    assert.deepEqual(web.toJS(), { image: 'own', privileged: true });
  });

  it('a merged-in privileged: true is found by the rules', () => {
    const text = 'x-base: &base\n  image: nginx\n  privileged: true\nservices:\n  web:\n    <<: *base\n';
    const r = analyze([{ path: 'docker-compose.yml', text }], { today: TODAY });
    const f = r.findings.find((x) => x.ruleId === 'compose-privileged');
    assert.ok(f, 'compose-privileged fires through the merge key');
    assert.equal(f.range.start.line, 2);
  });

  it('a quoted "<<" is an ordinary key, not a merge', () => {
    const text = 'base: &b {x: 1}\nm:\n  "<<": *b\n';
    const m = parse(text).get('m')!;
    assert.equal(m.get('x'), undefined);
    assert.deepEqual(m.entries().map((e) => e.key), ['<<']);
  });

  it('multi-byte and astral characters before a value shift its character by UTF-16 units', () => {
    const text = 'name: "héllo 😀"\nnote: 😀😀 # c\nkind: DaemonSet\n';
    const root = parse(text);
    const li = new LineIndex(text);
    const note = root.get('note')!;
    assert.equal(note.value, '😀😀');
    assert.deepEqual(li.range(...nodeSpan(note, text)), { start: { line: 1, character: 6 }, end: { line: 1, character: 10 } });
    const emojiKey = parse('😀: x\n').get('😀')!;
    assert.deepEqual(new LineIndex('😀: x\n').positionAt(emojiKey.start), { line: 0, character: 4 });
  });

  it('YAML 1.2 core schema: yes/no/on stay strings, true is a boolean', () => {
    const root = parse('a: yes\nb: on\nc: true\nd: 0x10\ne: "true"\n');
    assert.deepEqual(['a', 'b', 'c', 'd', 'e'].map((k) => root.get(k)!.value), ['yes', 'on', true, 16, 'true']);
  });

  it('get/at/items/entries on the wrong kind of node return nothing, never throw', () => {
    const root = parse('a: 1\nb: [1, 2]\n');
    assert.equal(root.get('a')!.get('x'), undefined);
    assert.deepEqual(root.get('a')!.items(), []);
    assert.deepEqual(root.get('b')!.entries(), []);
    assert.equal(root.at('b', 5), undefined);
    assert.equal(root.at('b', 1)!.value, 2);
    assert.equal(root.at('missing', 'deeper', 0), undefined);
  });

  it('keeps the parent chain', () => {
    const root = parse('spec:\n  template:\n    x: 1\n');
    const x = root.at('spec', 'template', 'x')!;
    assert.equal(x.parent!.key, 'template');
    assert.equal(x.parent!.parent!.key, 'spec');
  });
});

describe('source: splitYamlDocuments marker scan', () => {
  /** The line-regex version the indexOf scan replaced, kept here as the reference. */
  function reference(text: string): number[] {
    const prefixOnly = /^(?:(?:[ \t]*(?:#[^\r\n]*)?|%[^\r\n]*)(?:\r\n?|\n|$))*$/;
    const starts = [0];
    const re = /(?<![^\r\n])(---|\.\.\.)(?=[ \t\r\n]|$)/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[1] === '...') {
        const br = /\r\n?|\n/g;
        br.lastIndex = m.index;
        const nl = br.exec(text);
        const next = nl ? nl.index + nl[0].length : text.length;
        if (next < text.length) starts.push(next);
        continue;
      }
      if (!prefixOnly.test(text.slice(starts[starts.length - 1], m.index))) starts.push(m.index);
    }
    return starts.filter((v, i) => v !== starts[i - 1]);
  }

  it('finds what a line-anchored regular expression finds, on 50,000 generated streams', () => {
    const parts = ['---', '...', '--- x', '...\n', '----', 'a: 1', '# c', '\n', '\r\n', '\r', ' ', '---\t', '%YAML 1.2', '.. .', '--', 'x---', ':'];
    let seed = 7;
    const r = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 50_000; i++) {
      let t = '';
      for (let j = Math.floor(r() * 12); j > 0; j--) t += parts[Math.floor(r() * parts.length)];
      assert.deepEqual(splitYamlDocuments(t), reference(t), JSON.stringify(t));
    }
  });
});
