import fc from 'fast-check';
import { PROPERTIES, runChecks } from '../../fuzz/campaign';

/**
 * Property tests over generated and mutated manifests (issue 7). Seeded, so CI runs
 * the same few thousand cases every time; `FUZZ_SEED=<n>` and `FUZZ_SCALE=<x>` change
 * that locally, and `npm run fuzz` runs a long campaign that saves what fails.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);

describe('robustness: properties (fast-check)', function () {
  // Bounded, generous: the machine is shared; this is a "finishes at all" guard.
  this.timeout(180_000);
  PROPERTIES.forEach((p, i) => {
    it(p.name, () => {
      fc.assert(
        fc.property(p.arbitrary, (c) => runChecks(p, c)),
        { seed: SEED + i, numRuns: Math.max(1, Math.round(p.runs * SCALE)), endOnFailure: false },
      );
    });
  });
});
