/**
 * Questions about AWS regions. Availability flags are three-valued: true, false, or
 * null for "the sources do not say". Null is never folded into false, because a
 * region that merely lacks data must not be reported as unsupported.
 */
import type { PlatformId } from '../types';
import { REGIONS } from './regions';
import type { RegionRecord } from './regions';

/** A known region, or an unknown code with the closest known codes. Never thrown. */
export type RegionLookup =
  | (RegionRecord & { known: true })
  | { known: false; code: string; didYouMean: string[] };

/** Which regions run a platform, split three ways. Codes keep the data's order. */
export interface RegionPlatformSupport {
  platform: PlatformId;
  os: RegionOs;
  supported: string[];
  unsupported: string[];
  /** Regions whose support for this platform is not established. */
  unknown: string[];
}

export type RegionOs = 'linux' | 'windows';

const MAX_SUGGESTIONS = 3;

/** Every region in the data: commercial, then China and GovCloud, then isolated and sovereign. */
export function allRegions(): readonly RegionRecord[] {
  return REGIONS;
}

/**
 * Looks a region code up. Case and surrounding spaces are ignored. An unknown code
 * gets suggestions: region names that contain the input ('frankfurt'), then the
 * codes closest by edit distance ('us-east-1a' -> 'us-east-1').
 */
export function region(code: string): RegionLookup {
  const wanted = String(code ?? '').trim().toLowerCase();
  const hit = REGIONS.find((r) => r.code === wanted);
  if (hit) return { ...hit, known: true };
  return { known: false, code: String(code ?? ''), didYouMean: suggestRegions(wanted) };
}

function suggestRegions(wanted: string): string[] {
  if (wanted.length === 0) return [];
  const byName = wanted.length >= 3
    ? REGIONS.filter((r) => r.name.toLowerCase().includes(wanted)).map((r) => r.code)
    : [];
  // Allow roughly one edit in three characters, but always at least two, so
  // 'useast1' still finds 'us-east-1' and 'xx' finds nothing.
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  const byDistance = REGIONS
    .map((r) => ({ code: r.code, distance: editDistance(wanted, r.code) }))
    .filter((c) => c.distance <= limit)
    .sort((a, b) => a.distance - b.distance || a.code.localeCompare(b.code))
    .map((c) => c.code);
  return [...new Set([...byName, ...byDistance])].slice(0, MAX_SUGGESTIONS);
}

/** Levenshtein distance (insert, delete, substitute each cost 1). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * Whether a region runs a platform: true, false, or null when the data does not say.
 * `os` matters only for Fargate: Windows on Fargate is ECS-only, and EKS Fargate
 * runs Linux only, so 'eks-fargate' with 'windows' is false everywhere.
 */
export function regionSupports(record: RegionRecord, platform: PlatformId, os: RegionOs = 'linux'): boolean | null {
  switch (platform) {
    case 'ecs-ec2':
      return record.ecs;
    case 'eks-ec2':
      return record.eks;
    case 'ecs-fargate':
      return os === 'windows' ? record.fargateEcsWindows : record.fargateEcs;
    case 'eks-fargate':
      return os === 'windows' ? false : record.fargateEks;
  }
}

/** Splits every region into supported, unsupported and unknown for a platform. */
export function regionsSupporting(platform: PlatformId, options: { os?: RegionOs } = {}): RegionPlatformSupport {
  const os = options.os ?? 'linux';
  const result: RegionPlatformSupport = { platform, os, supported: [], unsupported: [], unknown: [] };
  for (const r of REGIONS) {
    const support = regionSupports(r, platform, os);
    if (support === true) result.supported.push(r.code);
    else if (support === false) result.unsupported.push(r.code);
    else result.unknown.push(r.code);
  }
  return result;
}
