/**
 * The messages between the extension and the Platform Guide webview (media/guide.js).
 * Both directions are a closed union. Messages from the webview are untrusted input:
 * `parseFromWebview` checks every field before the extension acts on one.
 * Pure: no vscode import, so the validation is unit-tested.
 */
import type { AnalysisResult, Range } from '../../engine';

export type GuideTab = 'report' | 'regions' | 'versions' | 'fargate';
export const GUIDE_TABS: readonly GuideTab[] = ['report', 'regions', 'versions', 'fargate'];

/** What the webview keeps across reloads (vscode.setState and the panel serializer). */
export interface GuideViewState {
  tab: GuideTab;
  regionFilter: string;
  onlyTargeted: boolean;
  /** The workload the report was last focused on. */
  workloadId?: string;
}

export const DEFAULT_GUIDE_STATE: GuideViewState = { tab: 'report', regionFilter: '', onlyTargeted: false };

export interface GuideEksVersion {
  version: string;
  upstreamRelease: string | null;
  eksRelease: string | null;
  endOfStandardSupport: string | null;
  extendedSupportStart: string | null;
  endOfExtendedSupport: string | null;
  status: string;
  hourlyPriceUsd: number | null;
}

export interface GuideRegion {
  code: string;
  name: string;
  group: string;
  partition: string;
  optInRequired: boolean | null;
  ecs: boolean | null;
  eks: boolean | null;
  fargateEcs: boolean | null;
  fargateEcsWindows: boolean | null;
  fargateEks: boolean | null;
}

export interface GuideFargateSize {
  vcpu: number;
  cpu: number;
  memoryMiB: number;
  memoryGiB: number;
  label: string;
  linuxX86HourlyUsd: number | null;
  linuxArmHourlyUsd: number | null;
  windowsHourlyUsd: number | null;
  /** Also a size EKS Fargate provisions. */
  eks: boolean;
  windows: boolean;
}

/** The dated tables the guide shows besides the analysis. */
export interface GuideKnowledge {
  today: string;
  asOf: { eksVersions: string; regions: string; fargateSizes: string; pricing: string; kubernetesApis: string };
  pricing: { standardPerClusterHour: number; extendedPerClusterHour: number; extendedPricingFrom: string; region: string; hoursPerMonth: number };
  eksVersions: GuideEksVersion[];
  regions: GuideRegion[];
  fargateSizes: GuideFargateSize[];
}

export interface GuidePayload {
  /** Null until the first analysis has finished. */
  result: AnalysisResult | null;
  knowledge: GuideKnowledge;
  /** True while a scan or analysis is running. */
  busy: boolean;
}

// --- extension → webview ----------------------------------------------------

export type ToWebview =
  | { type: 'data'; payload: GuidePayload }
  | { type: 'focus'; tab: GuideTab; workloadId?: string }
  | { type: 'restore'; state: GuideViewState };

// --- webview → extension ----------------------------------------------------

export type GuideCommand = 'offload.setTargetVersion' | 'offload.setRegions' | 'offload.scan' | 'offload.exportReport';
export const GUIDE_COMMANDS: readonly GuideCommand[] = ['offload.setTargetVersion', 'offload.setRegions', 'offload.scan', 'offload.exportReport'];

export interface RenderedCounts {
  workloads: number;
  findings: number;
  regions: number;
  versions: number;
  sizes: number;
}

export type FromWebview =
  | { type: 'ready' }
  | { type: 'state'; state: GuideViewState; rendered: RenderedCounts }
  | { type: 'reveal'; file: string; range: Range }
  | { type: 'command'; command: GuideCommand };

const MAX_TEXT = 4096;

function isObj(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isCount(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < 1e9;
}

function isText(x: unknown, max = MAX_TEXT): x is string {
  return typeof x === 'string' && x.length <= max;
}

function position(x: unknown): Range['start'] | undefined {
  if (!isObj(x) || !isCount(x.line) || !isCount(x.character)) return undefined;
  return { line: x.line, character: x.character };
}

/** The state part of a message or of a serialized panel; undefined when malformed. */
export function parseGuideState(x: unknown): GuideViewState | undefined {
  if (!isObj(x)) return undefined;
  if (!GUIDE_TABS.includes(x.tab as GuideTab)) return undefined;
  const state: GuideViewState = {
    tab: x.tab as GuideTab,
    regionFilter: isText(x.regionFilter, 200) ? x.regionFilter : '',
    onlyTargeted: x.onlyTargeted === true,
  };
  if (isText(x.workloadId)) state.workloadId = x.workloadId;
  return state;
}

/** Validates a message from the webview. Anything unexpected gives undefined and is ignored. */
export function parseFromWebview(msg: unknown): FromWebview | undefined {
  if (!isObj(msg) || typeof msg.type !== 'string') return undefined;
  switch (msg.type) {
    case 'ready':
      return { type: 'ready' };
    case 'state': {
      const state = parseGuideState(msg.state);
      const r = msg.rendered;
      if (!state || !isObj(r)) return undefined;
      if (![r.workloads, r.findings, r.regions, r.versions, r.sizes].every(isCount)) return undefined;
      return {
        type: 'state',
        state,
        rendered: { workloads: r.workloads as number, findings: r.findings as number, regions: r.regions as number, versions: r.versions as number, sizes: r.sizes as number },
      };
    }
    case 'reveal': {
      if (!isText(msg.file) || !msg.file || !isObj(msg.range)) return undefined;
      const start = position(msg.range.start);
      const end = position(msg.range.end);
      if (!start || !end) return undefined;
      return { type: 'reveal', file: msg.file, range: { start, end } };
    }
    case 'command':
      return GUIDE_COMMANDS.includes(msg.command as GuideCommand) ? { type: 'command', command: msg.command as GuideCommand } : undefined;
    default:
      return undefined;
  }
}
