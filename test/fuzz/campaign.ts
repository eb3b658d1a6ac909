/**
 * The property table: which inputs each check runs on, and how many runs the unit
 * suite gives it. scripts/fuzz.mjs runs the same table for as long as it is told.
 */
import fc from 'fast-check';
import type { Case } from './generators';
import { configText, kubernetesWorkload, manifestFile, mutatedFile, pieceText, toYaml, workspace, workspaceWithCluster, yamlStyle } from './generators';
import { CHECKS, KNOWN_HITS, PropertyFailure, knownIssue } from './properties';

export { KNOWN_HITS };

export interface Property {
  name: string;
  /** The checks in properties.ts CHECKS that this property runs, in order. */
  checks: (keyof typeof CHECKS)[];
  arbitrary: fc.Arbitrary<Case>;
  /** Runs in the unit suite (seeded). The campaign runs many more. */
  runs: number;
}

const anyFile = fc.oneof({ weight: 3, arbitrary: manifestFile }, { weight: 3, arbitrary: mutatedFile }, { weight: 1, arbitrary: pieceText });

const singleObject: fc.Arbitrary<Case> = fc
  .tuple(kubernetesWorkload, yamlStyle, fc.nat())
  .map(([o, style, pick]) => ({ files: [{ path: 'k8s/object.yaml', text: toYaml(o, style) }], pick }));

export const PROPERTIES: Property[] = [
  { name: 'never throws; every range lies inside its document', checks: ['no-crash', 'ranges'], arbitrary: workspace(anyFile), runs: 600 },
  { name: 'the same, with a cluster config and an .offload.yaml', checks: ['no-crash', 'ranges'], arbitrary: fc.tuple(workspaceWithCluster, configText).map(([c, configText]) => ({ ...c, configText })), runs: 200 },
  { name: 'fixes apply without overlap, touch only their ranges and re-parse', checks: ['fixes'], arbitrary: fc.oneof(workspace(manifestFile, 2), workspaceWithCluster), runs: 200 },
  { name: 'fixes on mutated text', checks: ['fixes'], arbitrary: workspace(mutatedFile, 2), runs: 100 },
  { name: 'a suppression comment removes exactly the named findings', checks: ['comment-suppression'], arbitrary: workspace(manifestFile, 3), runs: 250 },
  { name: 'a suppression annotation removes exactly the named findings', checks: ['annotation-suppression'], arbitrary: singleObject, runs: 150 },
  { name: 'line breaks and a BOM change nothing', checks: ['line-breaks'], arbitrary: workspace(fc.oneof(manifestFile, mutatedFile), 3), runs: 250 },
  { name: 'a ChunkCache changes nothing', checks: ['cache'], arbitrary: workspace(anyFile, 3), runs: 100 },
  { name: 'the incremental session answers as analyze() does', checks: ['session'], arbitrary: fc.oneof(workspace(anyFile, 3), workspaceWithCluster), runs: 150 },
];

/**
 * Runs a property's checks on one case (what fast-check, the campaign and the replay
 * call). A failure that matches a known issue in code this suite does not own counts
 * as a pass, unless FUZZ_STRICT=1.
 */
export function runChecks(p: Pick<Property, 'checks'>, c: Case): void {
  for (const name of p.checks) {
    try {
      CHECKS[name](c);
    } catch (e) {
      const known = e instanceof PropertyFailure ? knownIssue(e.message) : undefined;
      if (!known) throw e;
      KNOWN_HITS.set(known, (KNOWN_HITS.get(known) ?? 0) + 1);
    }
  }
}
