/**
 * `offload regions`: every region in the shipped data and which platforms it runs.
 * Unknown availability stays unknown: null in JSON, '?' in text, never "no".
 */
import { parseArgs, one, UsageError } from '../args';
import { allRegions, KNOWLEDGE_AS_OF } from '../../engine/knowledge';
import type { RegionRecord } from '../../engine/knowledge';

const USAGE = 'usage: offload regions [--format text|json]';

const GROUP_TITLES: Record<RegionRecord['group'], string> = {
  commercial: 'Commercial regions',
  'china-and-govcloud': 'China and AWS GovCloud (separate partitions)',
  'isolated-and-sovereign': 'Isolated and sovereign regions',
};

/** Runs `offload regions`; returns the exit code (2 for bad usage). */
export function regionsCommand(argv: string[], out: (line: string) => void, err: (line: string) => void): number {
  let format: string;
  try {
    const parsed = parseArgs(argv, { format: { value: true }, help: {}, h: {} });
    if (parsed.flags.has('help') || parsed.flags.has('h')) {
      out(USAGE);
      return 0;
    }
    if (parsed.positional.length > 0) throw new UsageError(`unexpected argument "${parsed.positional[0]}"`);
    format = one(parsed, 'format') ?? 'text';
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`offload regions: ${e.message} (${USAGE})`);
    return 2;
  }
  if (format !== 'text' && format !== 'json') {
    err(`offload regions: --format must be text or json, got "${format}"`);
    return 2;
  }

  const regions = allRegions();
  const dataAsOf = KNOWLEDGE_AS_OF.regions;
  if (format === 'json') {
    out(JSON.stringify({ dataAsOf, regions }, null, 2));
    return 0;
  }

  const header = ['CODE', 'NAME', 'OPT-IN', 'ECS', 'EKS', 'FARGATE ECS', 'FARGATE ECS WIN', 'FARGATE EKS'];
  const groups = Object.keys(GROUP_TITLES) as RegionRecord['group'][];
  const rows = regions.map((r) => [
    r.code, r.name, yesNo(r.optInRequired), yesNo(r.ecs), yesNo(r.eks),
    yesNo(r.fargateEcs), yesNo(r.fargateEcsWindows), yesNo(r.fargateEks),
  ]);
  // One width for all groups, so the columns line up down the whole page.
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const format_ = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  for (const group of groups) {
    const inGroup = regions.map((r, i) => ({ r, row: rows[i] })).filter((x) => x.r.group === group);
    if (inGroup.length === 0) continue;
    out(`${GROUP_TITLES[group]} (${inGroup.length})`);
    out(format_(header));
    for (const { row } of inGroup) out(format_(row));
    out('');
  }
  out(`yes/no as the sources state it; ? = not established. Region data as of ${dataAsOf}.`);
  return 0;
}

function yesNo(value: boolean | null): string {
  return value === null ? '?' : value ? 'yes' : 'no';
}
