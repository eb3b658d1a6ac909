import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rules } from '../../../src/engine/rules';
import { ENGINE_RULE_DOCS } from '../../../src/engine/rule-docs';
import { FIXTURES, REPO_ROOT } from '../rule-tester';

/**
 * Like ESLint's checkRuleFiles: the registry, the rule files, the tests, the
 * fixtures and the docs must agree, so no rule ships half-done.
 */
const RULES_DIR = path.join(REPO_ROOT, 'src', 'engine', 'rules');
const NOT_RULES = new Set(['index.ts', 'define-rule.ts']);

describe('rule registry', () => {
  const ruleFiles = fs
    .readdirSync(RULES_DIR)
    .filter((f) => f.endsWith('.ts') && !NOT_RULES.has(f) && /export default defineRule/.test(fs.readFileSync(path.join(RULES_DIR, f), 'utf8')))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();

  it('lists every rule file, alphabetically, and nothing else', () => {
    const ids = rules.map((r) => r.meta.id);
    assert.deepEqual(ids, [...ids].sort(), 'registry is alphabetical');
    assert.deepEqual(ids, ruleFiles);
  });

  for (const rule of rules) {
    const id = rule.meta.id;
    describe(id, () => {
      it('has a kebab-case id equal to its file name', () => assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/));
      it('has a test file', () => assert.ok(fs.existsSync(path.join(REPO_ROOT, 'test', 'unit', 'rules', `${id}.test.ts`)), `test/unit/rules/${id}.test.ts`));
      it('has pass and fail fixtures', () => {
        const dir = path.join(FIXTURES, id);
        const names = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
        assert.ok(names.some((n) => n.startsWith('pass')), `test/fixtures/${id}/pass.*`);
        assert.ok(names.some((n) => n.startsWith('fail')), `test/fixtures/${id}/fail.*`);
      });
      it('has a docs page with what, why, how to fix and sources', () => {
        const doc = path.join(REPO_ROOT, 'docs', 'rules', `${id}.md`);
        assert.ok(fs.existsSync(doc), `docs/rules/${id}.md`);
        const text = fs.readFileSync(doc, 'utf8');
        assert.match(text, new RegExp(`^# ${id}\\b`, 'm'), 'title is the rule id');
        for (const h of ['## What it checks', '## Why', '## How to fix', '## Sources']) assert.ok(text.includes(h), `${id}.md has "${h}"`);
      });
      it('has complete metadata', () => {
        const m = rule.meta;
        assert.ok(m.title && m.description && m.remediation, 'title, description, remediation');
        assert.ok(m.sources.length > 0, 'sources');
        assert.ok(m.formats.length > 0, 'formats');
        assert.ok(['blocks', 'needs-change', 'advice'].includes(m.effect));
        assert.ok(['error', 'warning', 'info', 'hint'].includes(m.defaultSeverity));
        assert.ok(Object.keys(m.messages).length > 0);
        if (m.effect !== 'advice') assert.ok(m.platforms.length > 0, 'a blocking or changing rule names its platforms');
      });
    });
  }

  it('engine findings have docs pages too', () => {
    for (const d of ENGINE_RULE_DOCS) assert.ok(fs.existsSync(path.join(REPO_ROOT, 'docs', 'rules', `${d.id}.md`)), `docs/rules/${d.id}.md`);
  });
});
