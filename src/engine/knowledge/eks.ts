/**
 * Questions about the EKS version calendar. Every date question takes `today` as an
 * ISO day ('YYYY-MM-DD') from the caller: the engine never reads the clock, so tests
 * and reports can pin the date.
 *
 * Boundary convention, used everywhere here: a calendar date is the FIRST day of the
 * new state. On `eksRelease` the version is in standard support; on
 * `endOfStandardSupport` it is already in extended support (AWS bills extended support
 * from 00:00 UTC on that day, per pricing.json and the EKS guide); on
 * `endOfExtendedSupport` it is end-of-life (the control plane is auto-upgraded).
 * Dates are UTC days, as AWS bills them.
 */
import { EKS_VERSIONS } from './eks-versions';
import type { EksVersionRecord } from './eks-versions';
import { EKS_CONTROL_PLANE_PRICING } from './pricing';

export type EksSupportStatusId = 'standard' | 'extended' | 'end-of-life' | 'not-yet-released' | 'unknown';

/** A version's support state on one day. Plain data. */
export interface EksSupportStatus {
  /** The version normalised to 'major.minor', or the input as given when it cannot be read. */
  version: string;
  /** Whether the version is in the calendar. */
  known: boolean;
  today: string;
  status: EksSupportStatusId;
  upstreamRelease: string | null;
  eksRelease: string | null;
  endOfStandardSupport: string | null;
  endOfExtendedSupport: string | null;
  /**
   * USD per cluster-hour for the control plane on `today` (us-east-1 list price);
   * null when no cluster can run the version that day or the state is unknown.
   */
  hourlyPriceUsd: number | null;
  /** The next change of status after `today`, when the calendar knows it. */
  next: { status: EksSupportStatusId; date: string; daysAway: number } | null;
  /** Why the answer is what it is, when that is not obvious. */
  note?: string;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written 'YYYY-MM-DD' (rejects '2026-02-30'). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return d <= daysInMonth;
}

/** Whole days from `from` to `to` (both ISO days); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Orders 'major.minor' strings numerically ('1.9' < '1.10'). */
export function compareEksVersions(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am - bm || an - bn;
}

/**
 * Reads a version as manifests and configs write it: '1.30', 'v1.30', '1.30.2',
 * '1.30.2-eks-1234' or a number. A number with a one-digit minor is read as a YAML
 * float that lost its trailing zero (`version: 1.30` parses as 1.3): every EKS version
 * has a two-digit minor, so 1.3 means 1.30.
 * @returns 'major.minor', or undefined when the input is not a version.
 */
export function normalizeEksVersion(input: unknown): string | undefined {
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || input <= 0) return undefined;
    const m = /^(\d+)\.(\d+)$/.exec(String(input));
    if (!m) return undefined;
    const minor = m[2].length === 1 ? `${m[2]}0` : m[2];
    return `${Number(m[1])}.${Number(minor)}`;
  }
  if (typeof input !== 'string') return undefined;
  const m = /^[vV]?(\d+)\.(\d+)(?:\.\d+)?(?:[-+][0-9A-Za-z.-]*)?$/.exec(input.trim());
  return m ? `${Number(m[1])}.${Number(m[2])}` : undefined;
}

/** The calendar entry for a version, or undefined when the version is not in the data. */
export function eksVersion(version: unknown): EksVersionRecord | undefined {
  const v = normalizeEksVersion(version);
  return v === undefined ? undefined : EKS_VERSIONS.find((r) => r.version === v);
}

/** Every version in the data, oldest first. */
export function eksVersions(): readonly EksVersionRecord[] {
  return EKS_VERSIONS;
}

/**
 * The support status of a version on `today`, with its dates and the control-plane
 * price that applies that day. Never throws: unreadable or unknown input gives
 * status 'unknown' and a note.
 */
export function eksSupportStatus(version: unknown, today: string): EksSupportStatus {
  const normalized = normalizeEksVersion(version);
  const record = normalized === undefined ? undefined : EKS_VERSIONS.find((r) => r.version === normalized);
  const base = {
    version: normalized ?? String(version),
    known: record !== undefined,
    today,
    upstreamRelease: record?.upstreamRelease ?? null,
    eksRelease: record?.eksRelease ?? null,
    endOfStandardSupport: record?.endOfStandardSupport ?? null,
    endOfExtendedSupport: record?.endOfExtendedSupport ?? null,
  };
  const unknown = (note: string): EksSupportStatus =>
    ({ ...base, status: 'unknown', hourlyPriceUsd: null, next: null, note });

  if (!isIsoDate(today)) return unknown(`"${today}" is not an ISO date (YYYY-MM-DD).`);
  if (normalized === undefined) return unknown(`"${String(version)}" is not a Kubernetes version (expected e.g. 1.31).`);
  if (!record) {
    const newest = EKS_VERSIONS[EKS_VERSIONS.length - 1];
    const note = newest && compareEksVersions(normalized, newest.version) > 0
      ? `${normalized} is newer than the newest version in the data (${newest.version}).`
      : `${normalized} is not an EKS version.`;
    return unknown(note);
  }
  return { ...base, ...statusOn(record, today) };
}

type StatusPart = Pick<EksSupportStatus, 'status' | 'hourlyPriceUsd' | 'next' | 'note'>;

function statusOn(r: EksVersionRecord, today: string): StatusPart {
  const next = (status: EksSupportStatusId, date: string | null): EksSupportStatus['next'] =>
    date === null ? null : { status, date, daysAway: daysBetween(today, date) };
  const pricing = EKS_CONTROL_PLANE_PRICING;

  if (r.eksRelease === null) {
    // Only 1.11 lacks a release date. EKS never ships a version before upstream does,
    // so before the upstream tag the answer is still certain.
    if (r.upstreamRelease !== null && today < r.upstreamRelease) {
      return { status: 'not-yet-released', hourlyPriceUsd: null, next: null, note: `The EKS release date of ${r.version} is not in the data.` };
    }
    if (r.endOfStandardSupport === null || today < r.endOfStandardSupport) {
      return { status: 'unknown', hourlyPriceUsd: null, next: next('end-of-life', r.endOfStandardSupport), note: `The EKS release date of ${r.version} is not in the data.` };
    }
  } else if (today < r.eksRelease) {
    return { status: 'not-yet-released', hourlyPriceUsd: null, next: next('standard', r.eksRelease) };
  }

  if (r.endOfStandardSupport === null) {
    return { status: 'unknown', hourlyPriceUsd: null, next: null, note: `The end of standard support of ${r.version} is not in the data.` };
  }
  if (today < r.endOfStandardSupport) {
    const after: EksSupportStatusId = r.extendedSupportStart === r.endOfStandardSupport ? 'extended' : 'end-of-life';
    return { status: 'standard', hourlyPriceUsd: pricing.standardSupportPerClusterHour, next: next(after, r.endOfStandardSupport) };
  }
  if (r.extendedSupportStart === null) {
    return { status: 'end-of-life', hourlyPriceUsd: null, next: null, note: `${r.version} ended before EKS offered extended support.` };
  }
  if (today < r.extendedSupportStart) {
    // 1.21 and 1.22: unsupported between their end of standard support and the day
    // AWS put them into extended support after the fact.
    return {
      status: 'end-of-life',
      hourlyPriceUsd: null,
      next: next('extended', r.extendedSupportStart),
      note: `${r.version} was put into extended support retroactively, from ${r.extendedSupportStart}.`,
    };
  }
  if (r.endOfExtendedSupport === null) {
    return { status: 'unknown', hourlyPriceUsd: null, next: null, note: `The end of extended support of ${r.version} is not in the data.` };
  }
  if (today < r.endOfExtendedSupport) {
    const notes: string[] = [];
    if (r.extendedSupport === 'retroactive') notes.push(`${r.version} was put into extended support retroactively; new clusters could not be created on it.`);
    // Extended support before the pricing start was a preview without the surcharge,
    // so only the standard control-plane fee applied.
    const surcharged = today >= pricing.extendedPricingFrom;
    if (!surcharged) notes.push(`Extended support was billed at the standard rate until ${pricing.extendedPricingFrom}.`);
    return {
      status: 'extended',
      hourlyPriceUsd: surcharged ? pricing.extendedSupportPerClusterHour : pricing.standardSupportPerClusterHour,
      next: next('end-of-life', r.endOfExtendedSupport),
      ...(notes.length > 0 ? { note: notes.join(' ') } : {}),
    };
  }
  return { status: 'end-of-life', hourlyPriceUsd: null, next: null };
}

/** The newest version whose EKS release is on or before `today`; undefined for a bad date or a day before EKS existed. */
export function latestEksVersion(today: string): EksVersionRecord | undefined {
  if (!isIsoDate(today)) return undefined;
  let latest: EksVersionRecord | undefined;
  for (const r of EKS_VERSIONS) {
    if (r.eksRelease !== null && r.eksRelease <= today) latest = r;
  }
  return latest;
}

/** Versions a cluster can run on `today` (standard or extended support), oldest first. */
export function supportedEksVersions(today: string): EksSupportStatus[] {
  return EKS_VERSIONS.map((r) => eksSupportStatus(r.version, today))
    .filter((s) => s.status === 'standard' || s.status === 'extended');
}
