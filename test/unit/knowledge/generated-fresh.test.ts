import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

// This file runs from out/test/unit/knowledge/, four levels below the repo root.
const repoRoot = path.resolve(__dirname, '../../../..');
const script = path.join(repoRoot, 'scripts', 'build-knowledge.mjs');
const dataDir = process.env.OFFLOAD_SHARED_DATA
  ? path.resolve(process.env.OFFLOAD_SHARED_DATA)
  : path.resolve(repoRoot, '..', 'shared', 'data');

interface BuildKnowledge {
  generateAll(options?: { dataDir?: string }): Promise<Record<string, string>>;
}

// tsc compiles `import()` to `require()` under CommonJS, which cannot load an ES
// module script; a Function keeps the native dynamic import.
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<BuildKnowledge>;

describe('knowledge: generated modules', () => {
  it('the build-knowledge script is where this test expects it', () => {
    assert.ok(existsSync(script), `not found: ${script}`);
  });

  // A user's clone has no ../shared, so it cannot regenerate; it still builds from the
  // committed modules. Skip loudly rather than pass silently.
  const haveData = existsSync(path.join(dataDir, 'SOURCES.md'));
  const title = haveData
    ? 'match what scripts/build-knowledge.mjs generates from ../shared/data today'
    : `match ../shared/data (SKIPPED: no data folder at ${dataDir}; set OFFLOAD_SHARED_DATA to run it)`;
  (haveData ? it : it.skip)(title, async () => {
    const { generateAll } = await importEsm(pathToFileURL(script).href);
    const files = await generateAll({ dataDir });
    const expected = [
      'src/engine/knowledge/eks-versions.ts',
      'src/engine/knowledge/fargate-sizes.ts',
      'src/engine/knowledge/pricing.ts',
      'src/engine/knowledge/regions.ts',
    ];
    for (const rel of expected) assert.ok(rel in files, `generateAll() did not produce ${rel}`);
    const stale = Object.entries(files)
      .filter(([rel, text]) => {
        const file = path.join(repoRoot, rel);
        return !existsSync(file) || readFileSync(file, 'utf8') !== text;
      })
      .map(([rel]) => rel);
    assert.deepEqual(stale, [], `stale generated modules; run \`npm run build-knowledge\`: ${stale.join(', ')}`);
  });

  (haveData ? it : it.skip)('generates the same text twice (no timestamps, stable order)', async () => {
    const { generateAll } = await importEsm(pathToFileURL(script).href);
    assert.deepEqual(await generateAll({ dataDir }), await generateAll({ dataDir }));
  });
});
