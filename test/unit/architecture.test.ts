import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './rule-tester';

/**
 * The engine is pure (DESIGN.md section 1). ESLint enforces this too; this test
 * keeps it true even when lint is skipped, by reading every import in src/engine.
 */
const FORBIDDEN = /^(node:)?(fs|fs\/promises|process|child_process|net|http|https|http2|dns|tls|dgram|worker_threads|path|os)$|^vscode$/;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('architecture', () => {
  it('src/engine imports no vscode, fs, process or network module', () => {
    const bad: string[] = [];
    for (const f of files(path.join(REPO_ROOT, 'src', 'engine'))) {
      const text = fs.readFileSync(f, 'utf8');
      for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const spec = m[1] ?? m[2] ?? m[3];
        if (FORBIDDEN.test(spec)) bad.push(`${path.relative(REPO_ROOT, f)} imports ${spec}`);
      }
      if (/\bprocess\.(env|argv|cwd|exit)/.test(text)) bad.push(`${path.relative(REPO_ROOT, f)} uses process`);
    }
    assert.deepEqual(bad, []);
  });

  it('only src/extension imports vscode', () => {
    const bad = files(path.join(REPO_ROOT, 'src'))
      .filter((f) => !f.includes(`${path.sep}extension${path.sep}`))
      .filter((f) => /from\s+['"]vscode['"]/.test(fs.readFileSync(f, 'utf8')));
    assert.deepEqual(bad.map((f) => path.relative(REPO_ROOT, f)), []);
  });
});
