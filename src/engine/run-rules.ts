/**
 * Running rules and recording what they report as offsets ("raw findings"), not yet
 * positions. A document's raw findings are stored relative to the document's start, so
 * a cached run still holds after an edit above the document moves it: positions are
 * made from offsets through the file's LineIndex only when a result is put together.
 */
import type { Effect, Finding, Fix, PlatformId, Severity } from './types';
import type { LineIndex } from './source/line-index';
import type { ResolvedOptions } from './config';
import type { ClusterView, ParsedDocument, WorkloadView } from './views';
import type { WorkspaceIndex } from './workspace-index';
import type { FixDescriptor, ReportDescriptor, Rule, RuleContext } from './rules/define-rule';
import { formatMessage } from './rules/define-rule';
import { nodeSpan } from './source/node-span';
import { deletesUsedAnchor } from './fix/anchors';

/** Pseudo-rule ids the engine itself reports. They have docs pages like rules do. */
export const PARSE_ERROR = 'parse-error';
export const INTERNAL_ERROR = 'internal-error';
export const CONFIG_ERROR = 'config-error';

/**
 * An offset span in a file. `r` marks it as relative to the start of the document
 * whose run reported it: anything in that file at or after the document's start moves
 * with the document, anything before it (or in another file) does not.
 */
interface RawSpan {
  s: number;
  e: number;
  r: boolean;
}

export interface RawEdit extends RawSpan {
  newText: string;
}

export interface RawFix {
  title: string;
  edits: RawEdit[];
}

export interface RawRelated extends RawSpan {
  file: string;
  message: string;
}

export interface RawFinding extends RawSpan {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  platforms: PlatformId[];
  effect: Effect;
  workloadId?: string;
  fix?: RawFix;
  suggestions?: RawFix[];
  related?: RawRelated[];
}

/** Where a run's spans are relative to: the document's file and start. */
export interface Frame {
  file: string;
  base: number;
}

export interface RunScope {
  options: ResolvedOptions;
  /** The file of the document; '' for index rules. */
  file: string;
  frame?: Frame;
  document?: ParsedDocument;
  workloads: () => WorkloadView[];
  clusters: () => ClusterView[];
  index: WorkspaceIndex;
  /** Text of a file (the document's file when omitted). */
  text: (file?: string) => string;
  /**
   * Whether a finding may land in this file: `drop` for a file outside the analysis
   * (as ever, silently), `no` for another analysed file when the rule must stay in its
   * document's file.
   */
  accepts: (file: string) => 'yes' | 'drop' | 'no';
  /** Where an index rule that throws reports it. */
  crashFile?: string;
}

/**
 * Runs one rule and appends what it reports to `out`. Never throws: a rule that does
 * costs one internal-error finding on its document, and the other rules still run.
 */
export function runRule(rule: Rule, scope: RunScope, out: RawFinding[]): void {
  const meta = rule.meta;
  const configured = scope.options.rules[meta.id];
  const severity = (configured as Severity | undefined) ?? meta.defaultSeverity;
  const hasSetting = meta.id in (scope.options.rules ?? {});
  const frame = scope.frame;
  const span = (file: string, s: number, e: number): RawSpan =>
    frame && file === frame.file && s >= frame.base ? { s: s - frame.base, e: e - frame.base, r: true } : { s, e, r: false };
  const toFix = (f: FixDescriptor, file: string): RawFix => ({ title: f.title, edits: f.edits.map((x) => ({ ...span(file, x.start, x.end), newText: x.newText })) });
  let pods: ReturnType<RuleContext<string>['pods']> | undefined;
  const ctx: RuleContext<string> = {
    options: scope.options,
    file: scope.file,
    text: (file?: string) => scope.text(file),
    document: scope.document,
    workloads: scope.workloads,
    pods: () => (pods ??= scope.workloads().filter((w): w is WorkloadView & { pod: NonNullable<WorkloadView['pod']> } => !!w.pod)),
    clusters: scope.clusters,
    index: scope.index,
    report(d: ReportDescriptor<string>) {
      const file = d.file ?? d.workload?.file ?? scope.file;
      const ok = scope.accepts(file);
      if (ok === 'drop') return;
      if (ok === 'no') throw new Error(`it reported in ${file}, outside the document it checks`);
      const text = scope.text(file);
      const [start, end] = nodeSpan(d.node, text);
      const f: RawFinding = {
        ruleId: meta.id,
        severity: d.severity && !hasSetting ? d.severity : severity,
        message: formatMessage(meta.messages[d.messageId] ?? d.messageId, d.data),
        file,
        ...span(file, start, end),
        platforms: d.platforms ?? meta.platforms,
        effect: d.effect ?? meta.effect,
      };
      if (d.workload) f.workloadId = d.workload.id;
      // A fix is offered only when it changes something and keeps the file loadable:
      // never one that deletes an anchor an alias still refers to.
      const usable = (x: FixDescriptor) => x.edits.length > 0 && !deletesUsedAnchor(text, x.edits);
      if (d.fix && usable(d.fix)) f.fix = toFix(d.fix, file);
      const suggest = d.suggest?.filter(usable);
      if (suggest?.length) f.suggestions = suggest.map((s) => toFix(s, file));
      if (d.related?.length) {
        f.related = d.related.map((r) => {
          // Without a node the place is the file's start, wherever the document moves.
          const at = r.node ? span(r.file, ...nodeSpan(r.node, scope.text(r.file))) : { s: 0, e: 0, r: false };
          return { file: r.file, ...at, message: r.message };
        });
      }
      out.push(f);
    },
  };
  try {
    rule.check(ctx);
  } catch (err) {
    // Failure isolation: one broken rule on one document costs one finding, not the scan.
    const message = `Rule ${meta.id} failed on this document: ${errorText(err)}. Other rules still ran; please report this.`;
    const root = scope.document?.root;
    if (root && frame) {
      // Underline the document's first line: up to the first line break (LF, CR).
      const text = scope.text();
      let lineEnd = root.start;
      while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
      out.push(engineRaw(INTERNAL_ERROR, 'error', message, scope.file, span(scope.file, root.start, Math.max(root.start, Math.min(root.end, lineEnd)))));
    } else if (scope.crashFile !== undefined) {
      out.push(engineRaw(INTERNAL_ERROR, 'error', message, scope.crashFile, { s: 0, e: 0, r: false }));
    }
  }
}

/** What a rule threw, as text; never throws itself (a null-prototype object or a throwing getter would). */
function errorText(err: unknown): string {
  try {
    return String((err as Error)?.message ?? err);
  } catch {
    return 'an exception that cannot be printed';
  }
}

export function engineRaw(ruleId: string, severity: Severity, message: string, file: string, at: RawSpan): RawFinding {
  return { ruleId, severity, message, file, s: at.s, e: at.e, r: at.r, platforms: [], effect: 'advice' };
}

/** Positions for a raw finding: relative spans are placed at `base` in `lines`. */
export function toFinding(f: RawFinding, base: number, lines: LineIndex, linesOf: (file: string) => LineIndex | undefined): Finding {
  const at = (x: RawSpan) => (x.r ? base + x.s : x.s);
  const end = (x: RawSpan) => Math.max(at(x), x.r ? base + x.e : x.e);
  const out: Finding = {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    file: f.file,
    range: lines.range(at(f), end(f)),
    platforms: f.platforms,
    effect: f.effect,
  };
  if (f.workloadId !== undefined) out.workloadId = f.workloadId;
  const fix = (x: RawFix): Fix => ({ title: x.title, edits: x.edits.map((e) => ({ range: lines.range(at(e), e.r ? base + e.e : e.e), newText: e.newText })) });
  if (f.fix) out.fix = fix(f.fix);
  if (f.suggestions) out.suggestions = f.suggestions.map(fix);
  if (f.related) {
    out.related = f.related.flatMap((r) => {
      const rl = r.file === f.file ? lines : linesOf(r.file);
      if (!rl) return [];
      return [{ file: r.file, range: rl.range(at(r), r.r ? base + r.e : r.e), message: r.message }];
    });
  }
  return out;
}
