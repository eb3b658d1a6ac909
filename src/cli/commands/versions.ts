/**
 * `offload versions`: the EKS version calendar and each version's status on a day.
 * The CLI is the one place that reads the clock; the engine is handed `today`.
 */
import { parseArgs, one, UsageError } from '../args';
import { eksSupportStatus, eksVersions, isIsoDate, KNOWLEDGE_AS_OF } from '../../engine/knowledge';
import type { EksSupportStatusId } from '../../engine/knowledge';

const USAGE = 'usage: offload versions [--today YYYY-MM-DD] [--format text|json]';

/** One row of `offload versions --format json`. */
export interface VersionRow {
  version: string;
  upstreamRelease: string | null;
  eksRelease: string | null;
  endOfStandardSupport: string | null;
  endOfExtendedSupport: string | null;
  status: EksSupportStatusId;
  hourlyPriceUsd: number | null;
}

/** Today's date in UTC, the day AWS bills by. */
function currentUtcDay(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Runs `offload versions`; returns the exit code (2 for bad usage). */
export function versionsCommand(argv: string[], out: (line: string) => void, err: (line: string) => void): number {
  let today: string;
  let format: string;
  try {
    const parsed = parseArgs(argv, { today: { value: true }, format: { value: true }, help: {}, h: {} });
    if (parsed.flags.has('help') || parsed.flags.has('h')) {
      out(USAGE);
      return 0;
    }
    if (parsed.positional.length > 0) throw new UsageError(`unexpected argument "${parsed.positional[0]}"`);
    today = one(parsed, 'today') ?? currentUtcDay();
    format = one(parsed, 'format') ?? 'text';
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`offload versions: ${e.message} (${USAGE})`);
    return 2;
  }
  if (!isIsoDate(today)) {
    err(`offload versions: --today must be a date written YYYY-MM-DD, got "${today}"`);
    return 2;
  }
  if (format !== 'text' && format !== 'json') {
    err(`offload versions: --format must be text or json, got "${format}"`);
    return 2;
  }

  const rows: VersionRow[] = eksVersions().map((r) => {
    const s = eksSupportStatus(r.version, today);
    return {
      version: r.version,
      upstreamRelease: r.upstreamRelease,
      eksRelease: r.eksRelease,
      endOfStandardSupport: r.endOfStandardSupport,
      endOfExtendedSupport: r.endOfExtendedSupport,
      status: s.status,
      hourlyPriceUsd: s.hourlyPriceUsd,
    };
  });
  const dataAsOf = KNOWLEDGE_AS_OF.eksVersions;

  if (format === 'json') {
    out(JSON.stringify({ dataAsOf, today, versions: rows }, null, 2));
    return 0;
  }
  const table = [
    ['VERSION', 'EKS RELEASE', 'END OF STANDARD', 'END OF EXTENDED', 'STATUS', 'PRICE/H'],
    ...rows.map((r) => {
      const record = eksVersions().find((v) => v.version === r.version);
      // '-' = the version never had extended support; '?' = the date is not in the data.
      const extended = r.endOfExtendedSupport ?? (record?.extendedSupport === 'none' ? '-' : '?');
      return [
        r.version,
        r.eksRelease ?? '?',
        r.endOfStandardSupport ?? '?',
        extended,
        r.status,
        r.hourlyPriceUsd === null ? '-' : `$${r.hourlyPriceUsd.toFixed(2)}`,
      ];
    }),
  ];
  for (const line of alignColumns(table)) out(line);
  out('');
  out(`Status on ${today}. EKS calendar data as of ${dataAsOf}; prices are us-east-1 control-plane list prices per cluster-hour.`);
  return 0;
}

/** Pads every column to its widest cell; no trailing spaces. */
function alignColumns(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd());
}
