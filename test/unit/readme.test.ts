import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ruleDocs } from '../../src/engine/rule-docs';
import { REPO_ROOT } from './rule-tester';

describe('README', () => {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

  it('lists every rule with a link to its docs page', () => {
    const missing = ruleDocs()
      .filter((d) => d.id !== 'orchestrator-change')
      .filter((d) => !readme.includes(`[\`${d.id}\`](docs/rules/${d.id}.md)`))
      .map((d) => d.id);
    assert.deepEqual(missing, [], 'run `npm run build && node scripts/update-readme-rules.mjs`');
  });

  it('has a quick start with exactly the two commands that work on a fresh clone', () => {
    const quick = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1].trim().split('\n');
    assert.deepEqual(quick, ['npm ci && npm run scan -- examples', 'npm test']);
  });
});
