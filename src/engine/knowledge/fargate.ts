/**
 * Fargate sizing and cost. ECS validates a task-level CPU/memory pair against a fixed
 * grid; EKS instead rounds a pod's requests up onto the same grid. Both are answered
 * here from the generated fargate-sizes and pricing modules.
 */
import { ECS_FARGATE_SIZES, EKS_FARGATE_RULES, EKS_FARGATE_SIZES, EPHEMERAL_STORAGE } from './fargate-sizes';
import type { FargateOs } from './fargate-sizes';
import { asOf as pricesAsOf, FARGATE_PRICING, region as priceRegion } from './pricing';

/** Tolerance for float sums such as 0.1 + 0.2 vCPU. */
const EPSILON = 1e-9;

/** Hours in the month that monthly figures assume: 365 days x 24 h / 12, as AWS's own examples use. */
export const HOURS_PER_MONTH = 730;

/** One valid Fargate size. */
export interface FargateSize {
  vcpu: number;
  /** ECS CPU units (1024 per vCPU). */
  cpu: number;
  memoryMiB: number;
  memoryGiB: number;
  /** The spelling of EKS's CapacityProvisioned annotation, e.g. '0.25vCPU 0.5GB'. */
  label: string;
}

export interface FargateSizeOptions {
  platform: 'ecs' | 'eks';
  /** Defaults to Linux. Either case is accepted. */
  os?: FargateOs | 'linux' | 'windows';
}

/** Whether an ECS task-level pair is valid, and the quick-fix size if not. */
export interface EcsFargateSizeCheck {
  platform: 'ecs';
  os: FargateOs;
  requested: { vcpu: number | null; memoryMiB: number | null };
  /** The exact pair is on the grid for this OS. */
  valid: boolean;
  /**
   * The smallest valid size that shrinks neither value (fewest vCPU, then least
   * memory; on this grid that is also the cheapest). Equal to the request when it is
   * valid; null when no size is big enough.
   */
  nearest: FargateSize | null;
  /** Some valid size can hold the request. */
  fits: boolean;
  /** Platform version the size needs (8 and 16 vCPU need Linux 1.4.0). */
  minPlatformVersion: string | null;
  /** Why the pair is not valid as written. */
  reason?: string;
}

/** The size EKS Fargate provisions for a pod. */
export interface EksFargatePodSize {
  platform: 'eks';
  /** The pod's effective request, before overhead. */
  request: { vcpu: number; memoryMiB: number };
  /** The request plus the memory Fargate adds for kubelet, kube-proxy and containerd. */
  withOverhead: { vcpu: number; memoryMiB: number };
  /** The provisioned (and billed) size; null when the pod is larger than any size. */
  size: FargateSize | null;
  fits: boolean;
  /** No container set a request, so Fargate uses its smallest size. */
  defaulted: boolean;
  reason?: string;
}

/** A container's requests in vCPU and MiB; a missing value means "not set". */
export interface ContainerRequest {
  cpu?: number;
  memoryMiB?: number;
}

/** Hourly Fargate cost for one task or pod. */
export interface FargateCost {
  /** Null when the combination is not offered (e.g. Windows on arm64, arm64 on EKS). */
  hourlyUsd: number | null;
  vcpuUsd: number;
  memoryUsd: number;
  osLicenseUsd: number;
  ephemeralStorageUsd: number;
  /** Prices are list prices for this region. */
  region: string;
  pricesAsOf: string;
  reason?: string;
}

function normalizeOs(os: FargateSizeOptions['os']): FargateOs {
  return os !== undefined && os.toUpperCase() === 'WINDOWS' ? 'WINDOWS' : 'LINUX';
}

function usable(n: number | undefined | null): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0;
}

function formatAmount(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

/** The CapacityProvisioned spelling: '0.25vCPU 0.5GB', '2vCPU 9GB'. */
export function fargateLabel(vcpu: number, memoryMiB: number): string {
  return `${formatAmount(vcpu)}vCPU ${formatAmount(memoryMiB / 1024)}GB`;
}

function toSize(vcpu: number, memoryMiB: number): FargateSize {
  return { vcpu, cpu: Math.round(vcpu * 1024), memoryMiB, memoryGiB: memoryMiB / 1024, label: fargateLabel(vcpu, memoryMiB) };
}

/** Every valid ECS task size for an OS, smallest first. Windows starts at 1 vCPU and stops at 4. */
export function validFargateCombos(os: FargateOs | 'linux' | 'windows' = 'LINUX'): FargateSize[] {
  const wanted = normalizeOs(os);
  // Rules ask per pod; the grid is constant, so it is built once per OS (callers get a copy of the list).
  let sizes = COMBOS.get(wanted);
  if (!sizes) {
    sizes = ECS_FARGATE_SIZES.filter((row) => row.os.includes(wanted)).flatMap((row) => row.memoryMiB.map((mem) => toSize(row.vcpu, mem)));
    COMBOS.set(wanted, sizes);
  }
  return sizes.map((x) => ({ ...x }));
}

const COMBOS = new Map<FargateOs, FargateSize[]>();

/** The first grid size (fewest vCPU, then least memory) with at least the given amounts. */
function smallestAtLeast(rows: readonly { vcpu: number; memoryMiB: readonly number[] }[], vcpu: number, memoryMiB: number): FargateSize | null {
  for (const row of rows) {
    if (row.vcpu + EPSILON < vcpu) continue;
    const mem = row.memoryMiB.find((m) => m + EPSILON >= memoryMiB);
    if (mem !== undefined) return toSize(row.vcpu, mem);
  }
  return null;
}

/**
 * Checks a size against the Fargate grid.
 * - `platform: 'ecs'`: `vcpu`/`memoryMiB` are the task-level values. Says whether the
 *   pair is valid and gives the nearest valid pair that shrinks neither value.
 * - `platform: 'eks'`: the values are the pod's effective request (see
 *   {@link eksPodRequest} to compute it from containers); returns the size EKS provisions.
 */
export function fargateSizeFor(vcpu: number | undefined, memoryMiB: number | undefined, options: { platform: 'ecs'; os?: FargateSizeOptions['os'] }): EcsFargateSizeCheck;
export function fargateSizeFor(vcpu: number | undefined, memoryMiB: number | undefined, options: { platform: 'eks'; os?: FargateSizeOptions['os'] }): EksFargatePodSize;
export function fargateSizeFor(vcpu: number | undefined, memoryMiB: number | undefined, options: FargateSizeOptions): EcsFargateSizeCheck | EksFargatePodSize;
export function fargateSizeFor(vcpu: number | undefined, memoryMiB: number | undefined, options: FargateSizeOptions): EcsFargateSizeCheck | EksFargatePodSize {
  if (options.platform === 'eks') {
    const size = roundEksPod(usable(vcpu) ? vcpu : 0, usable(memoryMiB) ? memoryMiB : 0, !usable(vcpu) && !usable(memoryMiB));
    if (normalizeOs(options.os) === 'WINDOWS') {
      return { ...size, size: null, fits: false, reason: 'EKS Fargate runs Linux pods only.' };
    }
    return size;
  }
  return checkEcsSize(vcpu, memoryMiB, normalizeOs(options.os));
}

function checkEcsSize(vcpu: number | undefined, memoryMiB: number | undefined, os: FargateOs): EcsFargateSizeCheck {
  const rows = ECS_FARGATE_SIZES.filter((row) => row.os.includes(os));
  const cpuOk = usable(vcpu);
  const memOk = usable(memoryMiB);
  // A missing value is treated as 0 when looking for the quick fix, so the fix keeps
  // the value that is there and picks the smallest partner for it.
  const nearest = smallestAtLeast(rows, cpuOk ? vcpu : 0, memOk ? memoryMiB : 0);
  const row = nearest ? rows.find((r) => r.vcpu === nearest.vcpu) : undefined;
  const exact = cpuOk && memOk && rows.some((r) => Math.abs(r.vcpu - vcpu) < EPSILON && r.memoryMiB.some((m) => Math.abs(m - memoryMiB) < EPSILON));

  let reason: string | undefined;
  if (!cpuOk && !memOk) reason = 'Fargate needs task-level cpu and memory.';
  else if (!cpuOk) reason = 'Fargate needs a task-level cpu.';
  else if (!memOk) reason = 'Fargate needs a task-level memory.';
  else if (!nearest) reason = `No Fargate ${os === 'WINDOWS' ? 'Windows ' : ''}size has ${formatAmount(vcpu)} vCPU and ${formatAmount(memoryMiB)} MiB.`;
  else if (!exact) reason = `${formatAmount(vcpu)} vCPU with ${formatAmount(memoryMiB)} MiB is not a valid Fargate ${os === 'WINDOWS' ? 'Windows ' : ''}combination.`;

  return {
    platform: 'ecs',
    os,
    requested: { vcpu: cpuOk ? vcpu : null, memoryMiB: memOk ? memoryMiB : null },
    valid: exact,
    nearest,
    fits: nearest !== null,
    minPlatformVersion: row?.minLinuxPlatformVersion ?? null,
    ...(reason ? { reason } : {}),
  };
}

function roundEksPod(vcpu: number, memoryMiB: number, defaulted: boolean): EksFargatePodSize {
  const rules = EKS_FARGATE_RULES;
  const request = { vcpu, memoryMiB };
  const withOverhead = { vcpu, memoryMiB: memoryMiB + rules.podOverheadMiB };
  // With no requests at all the guide says the smallest size is used. Rounding
  // 0 vCPU / 256 MiB lands there too; the explicit branch keeps that promise even if
  // the overhead or grid ever changes.
  const size = defaulted
    ? toSize(rules.defaultIfNoRequests.vcpu, rules.defaultIfNoRequests.memoryMiB)
    : smallestAtLeast(EKS_FARGATE_SIZES, withOverhead.vcpu, withOverhead.memoryMiB);
  const largest = EKS_FARGATE_SIZES[EKS_FARGATE_SIZES.length - 1];
  return {
    platform: 'eks',
    request,
    withOverhead,
    size,
    fits: size !== null,
    defaulted,
    ...(size === null && largest
      ? { reason: `The pod needs ${formatAmount(vcpu)} vCPU and ${formatAmount(withOverhead.memoryMiB)} MiB with overhead; the largest Fargate size is ${fargateLabel(largest.vcpu, largest.memoryMiB[largest.memoryMiB.length - 1] ?? 0)}.` }
      : {}),
  };
}

/**
 * The size EKS Fargate provisions for a pod, following the EKS guide: per dimension,
 * the larger of the biggest init-container request and the sum of the regular
 * containers' requests; plus 256 MiB of memory overhead; rounded up to the smallest
 * grid size that holds both. Pass requests (Kubernetes uses a container's limit as
 * its request when only the limit is set, so callers should do the same).
 * Native sidecars (init containers with restartPolicy Always) are not modelled: the
 * guide's algorithm predates them.
 */
export function eksPodRequest(containers: readonly ContainerRequest[], initContainers: readonly ContainerRequest[] = []): EksFargatePodSize {
  const sum = (list: readonly ContainerRequest[], key: keyof ContainerRequest) =>
    list.reduce((acc, c) => acc + (usable(c[key]) ? (c[key] as number) : 0), 0);
  const max = (list: readonly ContainerRequest[], key: keyof ContainerRequest) =>
    list.reduce((acc, c) => Math.max(acc, usable(c[key]) ? (c[key] as number) : 0), 0);
  const all = [...containers, ...initContainers];
  const anyRequest = all.some((c) => usable(c.cpu) || usable(c.memoryMiB));
  const vcpu = Math.max(max(initContainers, 'cpu'), sum(containers, 'cpu'));
  const memoryMiB = Math.max(max(initContainers, 'memoryMiB'), sum(containers, 'memoryMiB'));
  return roundEksPod(vcpu, memoryMiB, !anyRequest);
}

/**
 * On-demand hourly price of one Fargate task or pod (us-east-1 list prices from
 * pricing.json). Windows adds the OS licence per vCPU-hour; ephemeral storage above
 * the included 20 GB is charged per GB-hour. The size is not checked against the
 * grid: pass a provisioned size.
 */
export function fargateHourlyCost(
  size: { vcpu: number; memoryGiB: number; ephemeralStorageGiB?: number },
  options: { arch: 'x86_64' | 'arm64'; os: 'linux' | 'windows'; platform?: 'ecs' | 'eks' },
): FargateCost {
  const zero: FargateCost = { hourlyUsd: null, vcpuUsd: 0, memoryUsd: 0, osLicenseUsd: 0, ephemeralStorageUsd: 0, region: priceRegion, pricesAsOf };
  if (!usable(size.vcpu) || !usable(size.memoryGiB)) return { ...zero, reason: 'vCPU and memory must be non-negative numbers.' };
  if (options.os === 'windows' && options.arch === 'arm64') return { ...zero, reason: 'Windows on Fargate runs on x86_64 only.' };
  if (options.platform === 'eks' && (options.os === 'windows' || options.arch === 'arm64')) {
    return { ...zero, reason: 'EKS Fargate runs Linux x86_64 pods only.' };
  }
  const rates = options.os === 'windows' ? FARGATE_PRICING.windowsX86
    : options.arch === 'arm64' ? FARGATE_PRICING.linuxArm : FARGATE_PRICING.linuxX86;
  const storage = FARGATE_PRICING.ephemeralStorage;
  const extraStorage = Math.max(0, (usable(size.ephemeralStorageGiB) ? size.ephemeralStorageGiB : 0) - storage.includedGbPerTaskOrPod);
  const vcpuUsd = roundUsd(size.vcpu * rates.perVcpuHour);
  const memoryUsd = roundUsd(size.memoryGiB * rates.perGbHour);
  const osLicenseUsd = roundUsd(size.vcpu * rates.osLicensePerVcpuHour);
  const ephemeralStorageUsd = roundUsd(extraStorage * storage.perGbHourAbove20);
  return {
    ...zero,
    hourlyUsd: roundUsd(vcpuUsd + memoryUsd + osLicenseUsd + ephemeralStorageUsd),
    vcpuUsd,
    memoryUsd,
    osLicenseUsd,
    ephemeralStorageUsd,
  };
}

/** Strips float noise (0.1 + 0.2) without losing sub-cent precision. */
function roundUsd(n: number): number {
  return Math.round(n * 1e10) / 1e10;
}

/** Monthly cost from an hourly one, assuming 730 hours a month (HOURS_PER_MONTH). */
export function monthlyFromHourly(hourlyUsd: number): number {
  return roundUsd(hourlyUsd * HOURS_PER_MONTH);
}

/** Ephemeral storage limits in GiB for a platform and OS. */
export interface FargateEphemeralStorage {
  defaultGiB: number;
  maxGiB: number;
  /** Whether the size can be raised above the default. */
  configurable: boolean;
  note: string;
}

/**
 * Ephemeral storage on Fargate. For ECS Windows the sources conflict (the 2023 guide
 * allowed up to 200 GiB, the current docs say it is not configurable); the current,
 * stricter reading is used, so a rule never promises space that is not there.
 */
export function fargateEphemeralStorage(platform: 'ecs' | 'eks', os: FargateOs | 'linux' | 'windows' = 'LINUX'): FargateEphemeralStorage {
  if (platform === 'eks') {
    const s = EPHEMERAL_STORAGE.eksFargate;
    return { defaultGiB: s.default, maxGiB: s.max, configurable: true, note: s.note };
  }
  if (normalizeOs(os) === 'WINDOWS') {
    const s = EPHEMERAL_STORAGE.ecsWindows;
    return { defaultGiB: s.default, maxGiB: s.default, configurable: false, note: s.note };
  }
  const s = EPHEMERAL_STORAGE.ecsLinuxPlatform1_4_0;
  return { defaultGiB: s.default, maxGiB: s.max, configurable: true, note: s.note };
}
