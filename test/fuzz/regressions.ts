/**
 * Saved failing inputs: `npm run fuzz` writes one JSON file per failure under
 * test/fixtures/hostile/regressions/, and test/unit/robustness/regressions.test.ts
 * replays each through the checks it failed plus the basic ones, forever after.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Case } from './generators';
import { HOSTILE } from './hostile-files';

export const REGRESSIONS = path.join(HOSTILE, 'regressions');

export interface Regression {
  /** The property that failed (its name in campaign.ts). */
  property: string;
  /** The checks to replay (properties.ts CHECKS names). */
  checks: string[];
  /** What went wrong when it was found, and where the fix is, if known. */
  error: string;
  found: string;
  seed?: number;
  case: Case;
}

export function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
}

/** Writes a regression; the name is stable for the same input, so a repeat overwrites itself. Returns the path. */
export function saveRegression(r: Regression, dir = REGRESSIONS): string {
  fs.mkdirSync(dir, { recursive: true });
  const hash = createHash('sha1').update(JSON.stringify(r.case)).digest('hex').slice(0, 8);
  const file = path.join(dir, `${slug(r.checks.join('-'))}-${hash}.json`);
  fs.writeFileSync(file, JSON.stringify(r, null, 2) + '\n');
  return file;
}

export function loadRegressions(dir = REGRESSIONS): { file: string; regression: Regression }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: f, regression: JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Regression }));
}
