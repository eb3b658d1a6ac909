import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { parseConfig } from '../../../src/engine/config';
import { SETTING_KEYS } from '../../../src/extension/settings';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'offload-config.schema.json'), 'utf8'));

/** The ids other suites (integration, browser checks) rely on. */
const CONTRACT_COMMANDS = [
  'offload.scan',
  'offload.showGuide',
  'offload.setTargetVersion',
  'offload.setRegions',
  'offload.exportReport',
  'offload.fixAllInFile',
  'offload.openRuleDocs',
];

describe('extension: package.json contributions', () => {
  const c = pkg.contributes;
  const declared = new Set<string>(c.commands.map((x: { command: string }) => x.command));

  it('declares the contract commands in the Offload category', () => {
    for (const id of CONTRACT_COMMANDS) assert.ok(declared.has(id), id);
    for (const cmd of c.commands) assert.equal(cmd.category, 'Offload', cmd.command);
  });

  it('registers every declared command in extension.ts, and menus name only declared commands', () => {
    const src = fs.readFileSync(path.join(ROOT, 'src', 'extension', 'extension.ts'), 'utf8');
    for (const id of declared) assert.ok(src.includes(`'${id}'`), `${id} is not registered`);
    for (const items of Object.values(c.menus) as { command: string }[][]) for (const m of items) assert.ok(declared.has(m.command), m.command);
  });

  it('has the view container, the tree view and its welcome content', () => {
    assert.ok(c.viewsContainers.activitybar.some((v: { id: string }) => v.id === 'offload'));
    assert.ok(c.views.offload.some((v: { id: string }) => v.id === 'offload.workloads'));
    assert.ok(c.viewsWelcome.some((v: { view: string }) => v.view === 'offload.workloads'));
    assert.ok(fs.existsSync(path.join(ROOT, c.viewsContainers.activitybar[0].icon)));
  });

  it('declares a setting, with a markdownDescription, for every options key plus liveAnalysis', () => {
    const props = c.configuration.properties;
    for (const key of [...SETTING_KEYS, 'liveAnalysis']) {
      assert.ok(props[`offload.${key}`], key);
      assert.ok(props[`offload.${key}`].markdownDescription, key);
    }
    assert.equal(props['offload.maxFileSizeBytes'].default, 2 * 1024 * 1024);
  });

  it('is fit for untrusted and virtual workspaces, and restores the guide after a reload', () => {
    assert.deepEqual(pkg.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true });
    assert.ok(pkg.activationEvents.includes('onWebviewPanel:offload.guide'));
    assert.deepEqual(c.yamlValidation, [{ fileMatch: '.offload.yaml', url: './schemas/offload-config.schema.json' }]);
  });
});

describe('extension: .offload.yaml JSON schema', () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

  const samples: [string, string][] = [
    ['empty', ''],
    ['all keys', 'eksVersion: "1.34"\nregions: [eu-west-1, us-east-1]\ntoday: "2026-11-25"\nrules:\n  eks-fargate-daemonset: info\n  compose-privileged: off\nignore: ["charts/**"]\nmaxFileSizeBytes: 1000\n'],
    ['latest', 'eksVersion: latest\n'],
    ['one region as a string', 'regions: eu-west-1\n'],
    ['unknown key', 'eksversion: "1.34"\n'],
    ['bad version', 'eksVersion: "v1.34"\n'],
    ['bad severity', 'rules:\n  a: loud\n'],
    ['rules not a map', 'rules: [a]\n'],
    ['ignore not a list', 'ignore: charts\n'],
    ['negative size', 'maxFileSizeBytes: -1\n'],
    ['bad date', 'today: "25/11/2026"\n'],
  ];

  it('accepts exactly what parseConfig accepts', () => {
    for (const [name, text] of samples) {
      const engineOk = parseConfig(text).problems.length === 0;
      const js = text.trim() ? parseYaml(text) : null;
      const schemaOk = validate(js) as boolean;
      assert.equal(schemaOk, engineOk, `${name}: schema ${schemaOk}, parseConfig ${engineOk} ${JSON.stringify(validate.errors)}`);
    }
  });
});
