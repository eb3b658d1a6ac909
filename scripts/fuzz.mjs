#!/usr/bin/env node
// A long fuzz campaign over the robustness properties (test/fuzz/campaign.ts), the same
// checks the unit suite runs a few thousand seeded cases of. Every failure is shrunk,
// printed and saved as a regression (test/fixtures/hostile/regressions/*.json) that the
// unit suite then replays.
//
//   npm run fuzz                          10 minutes, all properties, random seeds
//   npm run fuzz -- --minutes 60          longer
//   npm run fuzz -- --runs 20000          stop after this many cases instead
//   npm run fuzz -- --property fixes      only properties whose name contains "fixes"
//   npm run fuzz -- --seed 42             reproducible
//   npm run fuzz -- --strict              known issues in others' code count as failures
//   npm run fuzz -- --no-save             print failures, save nothing
//   npm run fuzz -- --batch-seconds 90    time limit per batch, shrinking included
//
// `npm run fuzz` builds and compiles first; `node scripts/fuzz.mjs` uses out/ as it is.
// Exit code: 1 when a new failure was found, else 0.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const require = createRequire(import.meta.url);

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return fallback;
  return args[i].includes('=') ? args[i].split('=').slice(1).join('=') : args[i + 1];
};
const flag = (name) => args.includes(`--${name}`);
if (flag('help') || flag('h')) {
  console.log('usage: node scripts/fuzz.mjs [--minutes N] [--runs N] [--property TEXT] [--seed N] [--batch N] [--batch-seconds N] [--strict] [--no-save]');
  process.exit(0);
}
const minutes = Number(opt('minutes', opt('runs') ? 'Infinity' : '10'));
const maxRuns = Number(opt('runs', 'Infinity'));
const batch = Number(opt('batch', '200'));
const only = opt('property', '');
const shrinkMs = Number(opt('batch-seconds', '90')) * 1000;
let seed = Number(opt('seed', String(Date.now() % 2 ** 31)));
if (flag('strict')) process.env.FUZZ_STRICT = '1';

const compiled = join(root, 'out', 'test', 'fuzz', 'campaign.js');
if (!existsSync(compiled)) {
  console.error('out/test/fuzz/campaign.js is missing: run `npm run fuzz` (it compiles first) or `npx tsc -p .`');
  process.exit(2);
}
const fc = require('fast-check');
const { PROPERTIES, runChecks, KNOWN_HITS } = require(compiled);
const { saveRegression } = require(join(root, 'out', 'test', 'fuzz', 'regressions.js'));

// yaml's toJS() warns on collection keys in .offload.yaml text; that is noise here.
process.removeAllListeners('warning');
process.on('warning', () => undefined);

const props = PROPERTIES.filter((p) => p.name.includes(only));
if (!props.length) {
  console.error(`no property matches "${only}"; properties:\n  ${PROPERTIES.map((p) => p.name).join('\n  ')}`);
  process.exit(2);
}
const deadline = Date.now() + minutes * 60_000;
const stats = new Map(props.map((p) => [p.name, { runs: 0, failures: 0 }]));
const seen = new Set();
let total = 0;
let newFailures = 0;
console.log(`fuzz: ${props.length} properties, ${Number.isFinite(minutes) ? `${minutes} min` : `${maxRuns} runs`}, first seed ${seed}${flag('strict') ? ', strict' : ''}`);

outer: while (Date.now() < deadline && total < maxRuns) {
  for (const p of props) {
    if (Date.now() >= deadline || total >= maxRuns) break outer;
    const numRuns = Math.min(batch, maxRuns - total);
    const s = seed++;
    const out = fc.check(
      fc.property(p.arbitrary, (c) => runChecks(p, c)),
      // Bounded, shrinking included: a large failing input can take many minutes to shrink.
      { seed: s, numRuns, interruptAfterTimeLimit: Math.max(1000, Math.min(shrinkMs, deadline - Date.now())), markInterruptAsFailure: false },
    );
    const st = stats.get(p.name);
    st.runs += out.numRuns;
    total += out.numRuns;
    if (!out.failed) continue;
    st.failures++;
    const error = String(out.errorInstance?.message ?? out.error ?? 'failed').split('\n').slice(0, 6).join('\n');
    // One report per distinct failure: digits and quoted values vary between cases.
    const key = `${p.name}|${error.split('\n')[0].replace(/\d+/g, 'N').replace(/"[^"]*"/g, '"…"').slice(0, 160)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    newFailures++;
    const c = out.counterexample[0];
    console.log(`\nFAIL ${p.name} (seed ${s}, path ${out.counterexamplePath})\n  ${error.replace(/\n/g, '\n  ')}`);
    console.log(`  input: ${JSON.stringify(c).slice(0, 600)}`);
    if (!flag('no-save')) {
      const file = saveRegression({ property: p.name, checks: p.checks, error, found: new Date().toISOString().slice(0, 10), seed: s, case: c });
      console.log(`  saved ${relative(root, file)}`);
    }
  }
}

console.log(`\nfuzz: ${total} cases`);
for (const [name, st] of stats) console.log(`  ${String(st.runs).padStart(7)} runs  ${st.failures ? `${st.failures} failing batch(es)` : 'ok'}  ${name}`);
if (KNOWN_HITS.size) console.log(`known issues met (tolerated; --strict to fail): ${[...KNOWN_HITS].map(([k, n]) => `${k} ×${n}`).join(', ')}`);
process.exit(newFailures ? 1 : 0);
