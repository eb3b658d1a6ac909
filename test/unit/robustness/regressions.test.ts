import * as assert from 'node:assert/strict';
import { runChecks } from '../../fuzz/campaign';
import { CHECKS } from '../../fuzz/properties';
import { loadRegressions } from '../../fuzz/regressions';

/**
 * Every input the fuzz campaign (or a person) saved in test/fixtures/hostile/regressions
 * is replayed through the checks it once failed, and through the basic ones (no crash,
 * ranges). Failures that match a known issue in code this suite does not own are
 * tolerated unless FUZZ_STRICT=1 (see KNOWN_ISSUES in test/fuzz/properties.ts).
 */
describe('robustness: saved fuzz regressions', function () {
  this.timeout(60_000);
  const saved = loadRegressions();

  it('every saved regression names checks that exist', () => {
    for (const { file, regression } of saved) for (const c of regression.checks) assert.ok(c in CHECKS, `${file}: unknown check ${c}`);
  });

  for (const { file, regression } of saved) {
    it(`${file}: ${regression.error.split('\n')[0].slice(0, 100)}`, () => {
      const checks = [...new Set(['no-crash', 'ranges', ...regression.checks])] as (keyof typeof CHECKS)[];
      runChecks({ checks }, regression.case);
    });
  }
});
