import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, applyEdits } from '../../src/engine';
import type { Finding, UserOptions } from '../../src/engine';
import type { Rule } from '../../src/engine/rules/define-rule';

/** Fixtures live in the source tree; tests run from out/, so resolve from the repo root. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
export const TODAY = '2026-11-25';

export interface ExpectedError {
  /** 1-based, as editors show them. */
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** A substring the message must contain. */
  message?: string;
}

export interface InvalidCase {
  file: string;
  errors: ExpectedError[];
  /** Extra files analysed with it (an eksctl config, a PVC in another file). */
  with?: string[];
  options?: UserOptions;
  /**
   * The fixed file to compare against after applying every fix. Defaults to
   * `fail.<x>.fixed.<ext>` when that file exists; `false` asserts that no fix is offered.
   */
  output?: string | false;
  /** Expected suggestion outputs per error index: the file each first suggestion produces. */
  suggestionOutputs?: Record<number, string>;
}

export interface ValidCase {
  file: string;
  with?: string[];
  options?: UserOptions;
}

function read(dir: string, f: string): string {
  return fs.readFileSync(path.join(dir, f), 'utf8');
}

function run(rule: Rule, dir: string, file: string, text: string, withFiles: string[] = [], options?: UserOptions): Finding[] {
  const inputs = [{ path: file, text }, ...withFiles.map((w) => ({ path: w, text: read(dir, w) }))];
  const result = analyze(inputs, { today: TODAY, options, rules: [rule] });
  const internal = result.findings.filter((f) => f.ruleId === 'internal-error');
  assert.deepEqual(internal, [], `rule ${rule.meta.id} threw`);
  return result.findings.filter((f) => f.ruleId === rule.meta.id);
}

function defaultFixed(file: string): string {
  const ext = path.extname(file);
  return file.slice(0, -ext.length) + '.fixed' + ext;
}

/**
 * RuleTester in the manner of ESLint's: `pass.*` fixtures must stay clean, `fail.*`
 * must fire exactly where expected, and applying the fixes must produce the
 * `.fixed` fixture, which must re-parse and re-lint clean for the rule.
 */
export function ruleTester(rule: Rule, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
  const id = rule.meta.id;
  const dir = path.join(FIXTURES, id);
  describe(`rule ${id}`, () => {
    for (const v of cases.valid) {
      const c = typeof v === 'string' ? { file: v } : v;
      it(`stays silent on ${c.file}`, () => {
        const found = run(rule, dir, c.file, read(dir, c.file), c.with, c.options);
        assert.deepEqual(found.map((f) => `${f.range.start.line + 1}:${f.message}`), []);
      });
    }
    for (const c of cases.invalid) {
      it(`fires on ${c.file}`, () => {
        const text = read(dir, c.file);
        const found = run(rule, dir, c.file, text, c.with, c.options).filter((f) => f.file === c.file);
        const got = found.map((f) => ({ line: f.range.start.line + 1, column: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1, message: f.message }));
        assert.equal(got.length, c.errors.length, `expected ${c.errors.length} finding(s), got:\n${JSON.stringify(got, null, 1)}`);
        c.errors.forEach((e, i) => {
          const g = got[i];
          assert.equal(g.line, e.line, `finding ${i} line (${g.message})`);
          if (e.column !== undefined) assert.equal(g.column, e.column, `finding ${i} column`);
          if (e.endLine !== undefined) assert.equal(g.endLine, e.endLine, `finding ${i} endLine`);
          if (e.endColumn !== undefined) assert.equal(g.endColumn, e.endColumn, `finding ${i} endColumn`);
          if (e.message) assert.ok(g.message.includes(e.message), `finding ${i} message "${g.message}" lacks "${e.message}"`);
        });
        for (const f of found) {
          assert.ok(f.range.start.line >= 0 && f.range.end.line < text.split(/\r\n|\r|\n/).length, 'range inside the document');
        }
        const fixedName = c.output === undefined ? defaultFixed(c.file) : c.output;
        const edits = found.flatMap((f) => f.fix?.edits ?? []);
        if (fixedName === false) {
          assert.equal(edits.length, 0, 'no fix expected');
        } else if (fs.existsSync(path.join(dir, fixedName))) {
          assert.ok(edits.length > 0, `a fix was expected (to produce ${fixedName})`);
          const fixed = fixUntilStable(rule, dir, c, text);
          assert.equal(fixed, read(dir, fixedName), `fix output differs from ${fixedName}`);
          const again = analyze([{ path: c.file, text: fixed }], { today: TODAY, options: c.options, rules: [rule] });
          assert.deepEqual(again.findings.filter((f) => f.ruleId === 'parse-error').map((f) => f.message), [], 'fixed output re-parses');
          assert.deepEqual(run(rule, dir, c.file, fixed, c.with, c.options).filter((f) => f.fix).map((f) => f.message), [], 'fixed output re-lints clean');
        } else {
          assert.equal(edits.length, 0, `rule offers a fix but ${fixedName} does not exist`);
        }
        for (const [idx, out] of Object.entries(c.suggestionOutputs ?? {})) {
          const s = found[Number(idx)]?.suggestions?.[0];
          assert.ok(s, `finding ${idx} has a suggestion`);
          assert.equal(applyEdits(text, s.edits).text, read(dir, out), `suggestion output differs from ${out}`);
        }
      });
    }
  });
}

/** Applies fixes, re-linting between passes (as ESLint does, at most 10 passes). */
function fixUntilStable(rule: Rule, dir: string, c: InvalidCase, text: string): string {
  let cur = text;
  for (let pass = 0; pass < 10; pass++) {
    const edits = run(rule, dir, c.file, cur, c.with, c.options).flatMap((f) => f.fix?.edits ?? []);
    if (!edits.length) break;
    const r = applyEdits(cur, edits);
    if (r.text === cur) break;
    cur = r.text;
  }
  return cur;
}
