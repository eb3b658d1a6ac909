import type { Effect, FormatId, PlatformId, Severity } from '../types';
import type { SourceNode } from '../source/source-node';
import type { ClusterView, ParsedDocument, WorkloadView } from '../views';
import type { ResolvedOptions } from '../config';
import type { WorkspaceIndex } from '../workspace-index';

/** A text replacement in offsets of the file being checked. The engine turns it into a Range. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export interface FixDescriptor {
  title: string;
  edits: OffsetEdit[];
}

export interface RelatedDescriptor {
  file: string;
  node?: SourceNode;
  /** Used when the related place is in another file; positions come from that file's index. */
  message: string;
}

export interface RuleMeta<M extends string> {
  /** kebab-case; equals the file name and the docs page name. */
  id: string;
  title: string;
  /** One line for SARIF/help: what the rule checks. */
  description: string;
  remediation: string;
  formats: FormatId[];
  /** The platforms this finding blocks or changes. */
  platforms: PlatformId[];
  effect: Effect;
  defaultSeverity: Severity;
  /** Documents the facts come from (names, with sections). */
  sources: string[];
  messages: Record<M, string>;
  /**
   * - `document`: sees one parsed document and nothing else (`ctx.index` throws). Its
   *   findings are cached by the document's text, so it must read only that document's
   *   text and nodes.
   * - `workspace`: sees one document at a time too (`ctx.workloads()`, `ctx.pods()`),
   *   plus the cross-file index: `ctx.clusters()` is every eksctl cluster and `ctx.index`
   *   looks up objects in other files. What it reads from the index is recorded, and the
   *   document is re-checked only when that part of the index changes. It reports in its
   *   document's file only.
   * - `index`: runs once per analysis over the index alone (`ctx.index.pods`,
   *   `ctx.clusters()`), for checks that aggregate over every workload; it sees no
   *   document (`ctx.workloads()` throws) and may report in any file.
   */
  scope: 'document' | 'workspace' | 'index';
}

export interface ReportDescriptor<M extends string> {
  /** Where: a scalar is underlined to its value's end; a map or sequence at its key. */
  node: SourceNode;
  messageId: M;
  data?: Record<string, string | number>;
  workload?: WorkloadView;
  fix?: FixDescriptor;
  suggest?: FixDescriptor[];
  related?: RelatedDescriptor[];
  /** Narrow the platforms for this one finding (e.g. only `eks-fargate`). */
  platforms?: PlatformId[];
  /** Override the effect for this one finding (e.g. end-of-life is worse than extended). */
  effect?: Effect;
  severity?: Severity;
  /** The file the node is in, when a workspace rule reports outside `ctx.file`. */
  file?: string;
}

export interface RuleContext<M extends string> {
  readonly options: ResolvedOptions;
  /** The file of the document being checked (document rules). */
  readonly file: string;
  /** The whole file text, for fixes that need indentation or neighbouring lines. */
  text(file?: string): string;
  /** The document being checked (document and workspace scope); undefined for index rules. */
  readonly document?: ParsedDocument;
  /** Workloads in this document (document and workspace scope). Index rules read `index.pods` instead. */
  workloads(): WorkloadView[];
  /** Kubernetes workloads of this document that have a pod spec. */
  pods(): (WorkloadView & { pod: NonNullable<WorkloadView['pod']> })[];
  /** eksctl ClusterConfigs (document scope: in this document; workspace and index scope: all). */
  clusters(): ClusterView[];
  /** Cross-file facts, for workspace and index rules; document rules that touch it get an error. */
  readonly index: WorkspaceIndex;
  report(d: ReportDescriptor<M>): void;
}

export interface Rule<M extends string = string> {
  meta: RuleMeta<M>;
  check(ctx: RuleContext<M>): void;
}

/**
 * Typed rule constructor, in the manner of typescript-eslint's createRule: the
 * message ids are a type, so `ctx.report({ messageId: 'typo' })` does not compile.
 */
export function defineRule<M extends string>(rule: { meta: RuleMeta<M>; check(ctx: RuleContext<M>): void }): Rule<M> {
  return rule;
}

/** Fills `{{name}}` placeholders; unknown placeholders are left visible rather than blanked. */
export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k: string) => (data && k in data ? String(data[k]) : m));
}
