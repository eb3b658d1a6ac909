/**
 * The engine's public data model. Everything here is plain JSON-serialisable data:
 * the same objects feed the CLI's JSON/SARIF output, the VS Code adapters and the
 * webview, so no class instances and no functions may appear in a result.
 */

/** 0-based line and UTF-16 code-unit character, as VS Code and LSP count them. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A minimal text replacement. Fixes never re-serialise a document. */
export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITY_ORDER: readonly Severity[] = ['hint', 'info', 'warning', 'error'];

export type PlatformId = 'ecs-ec2' | 'ecs-fargate' | 'eks-ec2' | 'eks-fargate';
export const PLATFORMS: readonly PlatformId[] = ['ecs-ec2', 'ecs-fargate', 'eks-ec2', 'eks-fargate'];

/** What a finding does to the platforms it names. */
export type Effect = 'blocks' | 'needs-change' | 'advice';

export type FormatId = 'kubernetes' | 'ecs-task-definition' | 'compose' | 'eksctl' | 'dockerfile';

export interface RelatedLocation {
  file: string;
  range: Range;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Workspace-relative path with forward slashes (or the path the host passed in). */
  file: string;
  range: Range;
  platforms: PlatformId[];
  effect: Effect;
  /** The workload this finding is about, when it is about one. */
  workloadId?: string;
  /** The one safe change. */
  fix?: Fix;
  /** Changes where the user must choose. */
  suggestions?: Fix[];
  related?: RelatedLocation[];
}

export type FitStatus = 'fits' | 'needs-changes' | 'blocked';

export interface Reason {
  ruleId: string;
  message: string;
  file: string;
  range: Range;
}

export interface PlatformFit {
  status: FitStatus;
  reasons: Reason[];
}

/** One step of the explanation trace behind a recommendation. */
export interface TraceStep {
  message: string;
  file?: string;
  range?: Range;
  ruleId?: string;
}

export interface Recommendation {
  platform: PlatformId;
  summary: string;
  reasons: TraceStep[];
}

export interface FargateEstimate {
  vcpu: number;
  memoryGiB: number;
  hourlyUsd: number;
  monthlyUsd: number;
  /** e.g. "0.25vCPU 0.5GB", the CapacityProvisioned annotation's spelling. */
  label: string;
}

export interface Workload {
  /** Stable within one analysis: `${file}#${docIndex}/${kind}/${name}`. */
  id: string;
  name: string;
  kind: string;
  namespace?: string;
  format: FormatId;
  file: string;
  range: Range;
  fit: Record<PlatformId, PlatformFit>;
  recommendation: Recommendation;
  fargate?: FargateEstimate;
}

export interface FileSummary {
  file: string;
  format: FormatId | 'unknown' | 'helm-template' | 'skipped';
  documents: number;
  /** Why a file was skipped or only partly analysed. */
  note?: string;
}

export interface Target {
  eksVersion: string;
  /** Where the target version came from, for the UI and the JSON report. */
  eksVersionSource: 'option' | 'config' | 'eksctl' | 'latest';
  regions: string[];
  /** ISO date (YYYY-MM-DD). */
  today: string;
}

export interface WorkspaceRecommendation {
  summary: string;
  lines: string[];
  fargateMonthlyUsd: number;
  pricesAsOf: string;
}

export interface AnalysisSummary {
  files: number;
  workloads: number;
  findings: Record<Severity, number>;
  byPlatform: Record<PlatformId, number>;
}

export interface AnalysisResult {
  tool: { name: 'offload'; version: string; dataAsOf: string };
  target: Target;
  files: FileSummary[];
  findings: Finding[];
  workloads: Workload[];
  recommendation: WorkspaceRecommendation;
  summary: AnalysisSummary;
}

/** One input file. The engine never reads the disk: hosts pass text in. */
export interface InputFile {
  /** Workspace-relative path, forward slashes. Used for detection hints and reports only. */
  path: string;
  text: string;
}
