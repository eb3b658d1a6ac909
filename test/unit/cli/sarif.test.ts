import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import type { ValidateFunction } from 'ajv';
import { main } from '../../../src/cli/main';
import type { AnalysisResult, Range } from '../../../src/engine';
import { rules } from '../../../src/engine/rules';

const TODAY = '2026-11-25';
const REPO = path.resolve(__dirname, '..', '..', '..', '..');

// The official SARIF 2.1.0 schema (rtm.5, JSON Schema draft-04), as @microsoft/jest-sarif ships it.
const SCHEMA_PATH = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; name: string; help: { text: string; markdown: string }; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } };
    results: {
      ruleId: string;
      ruleIndex?: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: SarifRegion } }[];
      relatedLocations?: { physicalLocation: { region: SarifRegion } }[];
      fixes?: { artifactChanges: { replacements: { deletedRegion: SarifRegion; insertedContent: { text: string } }[] }[] }[];
    }[];
  }[];
}

function validator(): ValidateFunction {
  const schema = JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8')) as object;
  // unicodeRegExp: false, because one pattern in the published schema
  // ("^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$", for language tags) is not a valid
  // regular expression under the `u` flag that ajv 8 uses by default.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  const isUri = (s: string) => {
    try {
      new URL(s);
      return true;
    } catch {
      return false;
    }
  };
  ajv.addFormat('uri', isUri);
  ajv.addFormat('uri-reference', (s: string) => isUri(new URL(s, 'file:///ws/').href) && !/\s/.test(s));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(schema);
}

function run(argv: string[], cwd: string): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(argv, { out: (s) => (out += s), err: (s) => (err += s), cwd, today: TODAY, isTTY: false });
  return { code, out, err };
}

function plusOne(r: Range): SarifRegion {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

function assertValid(validate: ValidateFunction, log: unknown): void {
  const ok = validate(log);
  assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 1));
}

describe('cli: --format sarif', () => {
  let validate: ValidateFunction;
  let sarif: SarifLog;
  let report: AnalysisResult;
  const tmp: string[] = [];

  before(() => {
    validate = validator();
    const s = run(['scan', 'examples', '--today', TODAY, '--format', 'sarif'], REPO);
    assert.equal(s.err, '');
    sarif = JSON.parse(s.out) as SarifLog;
    report = JSON.parse(run(['scan', 'examples', '--today', TODAY, '--format', 'json'], REPO).out) as AnalysisResult;
  });
  after(() => {
    for (const d of tmp) fs.rmSync(d, { recursive: true, force: true });
  });

  it('the output for examples/ validates against the SARIF 2.1.0 schema', () => {
    assert.equal(sarif.version, '2.1.0');
    assertValid(validate, sarif);
    assert.ok(sarif.runs[0].results.length > 0);
    assert.ok(sarif.runs[0].results.some((r) => r.fixes), 'fixes are covered');
    assert.ok(sarif.runs[0].results.some((r) => r.relatedLocations), 'related locations are covered');
  });

  it('the validator is real: it rejects a 0-based region', () => {
    const broken = JSON.parse(JSON.stringify(sarif)) as SarifLog;
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    assert.equal(validate(broken), false);
  });

  it('regions are 1-based: the JSON positions + 1, for every result, fix and related location', () => {
    const results = sarif.runs[0].results;
    assert.equal(results.length, report.findings.length);
    report.findings.forEach((f, i) => {
      const r = results[i];
      assert.equal(r.ruleId, f.ruleId);
      assert.equal(r.message.text, f.message);
      assert.equal(r.locations[0].physicalLocation.artifactLocation.uri, f.file);
      assert.deepEqual(r.locations[0].physicalLocation.region, plusOne(f.range));
      assert.equal(r.level, { error: 'error', warning: 'warning', info: 'note', hint: 'note' }[f.severity]);
      f.fix?.edits.forEach((e, j) => assert.deepEqual(r.fixes![0].artifactChanges[0].replacements[j].deletedRegion, plusOne(e.range)));
      f.related?.forEach((rl, j) => assert.deepEqual(r.relatedLocations![j].physicalLocation.region, plusOne(rl.range)));
    });
  });

  it('tool.driver.rules has one entry per rule, with help, and every result names one of them', () => {
    const driver = sarif.runs[0].tool.driver;
    assert.equal(driver.name, 'Offload');
    const ids = driver.rules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'no duplicates');
    assert.equal(new Set(driver.rules.map((r) => r.name)).size, ids.length, 'names are unique too');
    for (const rule of rules) assert.ok(ids.includes(rule.meta.id), rule.meta.id);
    for (const pseudo of ['parse-error', 'config-error', 'internal-error']) assert.ok(ids.includes(pseudo), pseudo);
    for (const r of driver.rules) {
      assert.ok(r.help.text.length > 20, `${r.id} has a help text`);
      assert.match(r.help.text, /How to fix: /);
      assert.ok(r.shortDescription.text.length > 0);
      assert.match(r.name, /^[A-Z][A-Za-z0-9]*$/, 'a PascalCase name');
    }
    for (const res of sarif.runs[0].results) {
      assert.ok(ids.includes(res.ruleId), res.ruleId);
      assert.equal(driver.rules[res.ruleIndex!].id, res.ruleId, 'ruleIndex points at the rule');
    }
  });

  it('a workspace with parse and config errors, odd file names and no findings all stay valid SARIF', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offload-sarif-'));
    tmp.push(dir);
    fs.mkdirSync(path.join(dir, 'k8s'));
    fs.writeFileSync(path.join(dir, 'k8s', 'agent #1?.yaml'), 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: a\n bad: [\n');
    fs.writeFileSync(path.join(dir, '.offload.yaml'), 'regions: 5\nbogus: 1\n');
    const s = run(['scan', '.', '--format', 'sarif', '--today', TODAY], dir);
    const log = JSON.parse(s.out) as SarifLog;
    assertValid(validate, log);
    const uris = log.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri);
    assert.ok(uris.includes('k8s/agent%20%231%3F.yaml'), `the # and ? are encoded, not read as a fragment or query: ${uris.join(', ')}`);
    assert.ok(log.runs[0].results.some((r) => r.ruleId === 'parse-error'));
    assert.ok(log.runs[0].results.some((r) => r.ruleId === 'config-error'));

    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'offload-sarif-'));
    tmp.push(empty);
    const none = JSON.parse(run(['scan', '.', '--format', 'sarif', '--today', TODAY], empty).out) as SarifLog;
    assertValid(validate, none);
    assert.deepEqual(none.runs[0].results, []);
  });
});
