import type { AnalysisResult, Finding, InputFile, Range, Severity } from './types';
import type { FileModel } from './load';
import type { ChunkCache } from './load';
import { loadFile } from './load';
import { str } from './source/source-node';
import { nodeSpan } from './source/node-span';
import type { ClusterView, WorkloadView } from './views';
import { kubernetesObjects, kubernetesWorkload } from './formats/kubernetes';
import { ecsWorkload, taskDefinitionNode } from './formats/ecs-task-definition';
import { composeWorkloads } from './formats/compose';
import { eksctlCluster } from './formats/eksctl';
import type { KubernetesObjectRef, WorkspaceIndex } from './workspace-index';
import { buildIndex } from './workspace-index';
import type { ResolvedOptions, UserOptions } from './config';
import { parseConfig, resolveOptions } from './config';
import type { Rule, RuleContext, ReportDescriptor, FixDescriptor } from './rules/define-rule';
import { formatMessage } from './rules/define-rule';
import { rules as allRules } from './rules';
import { IGNORE_ANNOTATION, commentSuppressionsFor, parseAnnotation, suppresses } from './suppress';
import { computeFits } from './recommend/fit';
import { recommendWorkspace } from './recommend/workspace';
import { matchesAnyGlob } from './glob';
import { DATA_AS_OF } from './knowledge';
import { ENGINE_VERSION } from './version';

export interface AnalyzeOptions {
  /** CLI flags or VS Code settings: the top layer. */
  options?: UserOptions;
  /** The text of `.offload.yaml`, when the workspace has one. */
  configText?: string;
  /** Path of the config file, for findings about it. */
  configPath?: string;
  /** ISO date of "today"; hosts pass the real date, tests pin it. */
  today: string;
  /** Restrict to these rules (RuleTester). */
  rules?: readonly Rule[];
  /** Shared parse cache, for hosts that analyse repeatedly. */
  cache?: ChunkCache;
}

/** Pseudo-rule ids the engine itself reports. They have docs pages like rules do. */
export const PARSE_ERROR = 'parse-error';
export const INTERNAL_ERROR = 'internal-error';
export const CONFIG_ERROR = 'config-error';

/**
 * Analyses a set of files as one workspace. Pure: text in, plain data out.
 * Never throws for anything a user's files can contain.
 */
export function analyze(files: readonly InputFile[], opts: AnalyzeOptions): AnalysisResult {
  const config = opts.configText !== undefined ? parseConfig(opts.configText) : undefined;
  const layerIgnore = [...(config?.options.ignore ?? []), ...(opts.options?.ignore ?? [])];
  const maxBytes = opts.options?.maxFileSizeBytes ?? config?.options.maxFileSizeBytes ?? 2 * 1024 * 1024;
  const models: FileModel[] = [];
  for (const f of files) {
    if (layerIgnore.length && matchesAnyGlob(f.path, layerIgnore)) continue;
    models.push(loadFile(f.path, f.text, maxBytes, opts.cache));
  }
  const byPath = new Map(models.map((m) => [m.path, m]));

  // Views and the cross-file index.
  const workloads: WorkloadView[] = [];
  const clusters: ClusterView[] = [];
  const objects: KubernetesObjectRef[] = [];
  const docWorkloads = new Map<object, WorkloadView[]>();
  const docClusters = new Map<object, ClusterView[]>();
  for (const m of models) {
    for (const doc of m.documents) {
      const ws: WorkloadView[] = [];
      const cs: ClusterView[] = [];
      if (doc.format === 'kubernetes') {
        kubernetesObjects(doc.root).forEach((obj, i, all) => {
          // Unnamed objects (generateName) are indexed too: annotation suppressions need them.
          const name = str(obj.at('metadata', 'name')) ?? str(obj.at('metadata', 'generateName')) ?? '';
          if (str(obj.get('kind'))) objects.push({ kind: str(obj.get('kind'))!, name, namespace: str(obj.at('metadata', 'namespace')), apiVersion: str(obj.get('apiVersion'))!, node: obj, doc });
          const w = kubernetesWorkload(doc, obj, all.length > 1 || obj !== doc.root ? i : undefined);
          if (w) ws.push(w);
        });
      } else if (doc.format === 'ecs-task-definition') {
        const task = taskDefinitionNode(doc.root);
        if (task) ws.push(ecsWorkload(doc, task));
      } else if (doc.format === 'compose') {
        ws.push(...composeWorkloads(doc, doc.root));
      } else if (doc.format === 'eksctl') {
        cs.push(eksctlCluster(doc, doc.root));
      }
      docWorkloads.set(doc, ws);
      docClusters.set(doc, cs);
      workloads.push(...ws);
      clusters.push(...cs);
    }
  }
  const index = buildIndex(workloads, clusters, objects);

  const firstCluster = clusters[0];
  const options = resolveOptions(
    { option: opts.options, config: config?.options, eksctl: firstCluster ? { version: writtenVersion(firstCluster, byPath), region: str(firstCluster.region) } : undefined },
    opts.today,
  );

  const findings: Finding[] = [];
  const ruleSet = opts.rules ?? allRules;

  // Parse errors and config problems first: they explain missing findings.
  for (const m of models) {
    for (const e of m.parseErrors) findings.push(engineFinding(PARSE_ERROR, 'error', e.message, m, e.start, e.end));
  }
  if (config && opts.configPath) {
    const cm = loadFile(opts.configPath, opts.configText ?? '', Infinity);
    for (const p of config.problems) findings.push(engineFinding(CONFIG_ERROR, 'warning', p.message, cm, p.start, p.end));
  }

  const runner = new RuleRunner(options, index, byPath, findings);
  for (const m of models) {
    for (const doc of m.documents) {
      for (const rule of ruleSet) {
        if (rule.meta.scope !== 'document' || !rule.meta.formats.includes(doc.format)) continue;
        if (options.rules[rule.meta.id] === 'off') continue;
        runner.run(rule, m, { document: doc, workloads: docWorkloads.get(doc) ?? [], clusters: docClusters.get(doc) ?? [] });
      }
    }
  }
  for (const rule of ruleSet) {
    if (rule.meta.scope !== 'workspace' || options.rules[rule.meta.id] === 'off') continue;
    if (!models.some((m) => m.documents.some((d) => rule.meta.formats.includes(d.format)))) continue;
    runner.run(rule, undefined, { workloads, clusters });
  }

  const kept = applySuppressions(findings, byPath, objects);
  kept.sort(compareFindings);
  const fitted = computeFits(workloads, kept, byPath, options);
  const recommendation = recommendWorkspace(fitted, options);
  return {
    tool: { name: 'offload', version: ENGINE_VERSION, dataAsOf: DATA_AS_OF },
    target: { eksVersion: options.eksVersion, eksVersionSource: options.eksVersionSource, regions: options.regions, today: options.today },
    files: models.map((m) => m.summary),
    findings: kept,
    workloads: fitted,
    recommendation,
    summary: {
      files: models.length,
      workloads: fitted.length,
      findings: countBySeverity(kept),
      byPlatform: {
        'ecs-ec2': fitted.filter((w) => w.recommendation.platform === 'ecs-ec2').length,
        'ecs-fargate': fitted.filter((w) => w.recommendation.platform === 'ecs-fargate').length,
        'eks-ec2': fitted.filter((w) => w.recommendation.platform === 'eks-ec2').length,
        'eks-fargate': fitted.filter((w) => w.recommendation.platform === 'eks-fargate').length,
      },
    },
  };
}

interface Scope {
  document?: FileModel['documents'][number];
  workloads: WorkloadView[];
  clusters: ClusterView[];
}

class RuleRunner {
  constructor(
    private readonly options: ResolvedOptions,
    private readonly index: WorkspaceIndex,
    private readonly files: Map<string, FileModel>,
    private readonly out: Finding[],
  ) {}

  run(rule: Rule, model: FileModel | undefined, scope: Scope): void {
    const meta = rule.meta;
    const severity = (this.options.rules[meta.id] as Severity | undefined) ?? meta.defaultSeverity;
    const files = this.files;
    const out = this.out;
    const ctx: RuleContext<string> = {
      options: this.options,
      file: model?.path ?? '',
      text: (file?: string) => files.get(file ?? model?.path ?? '')?.text ?? '',
      document: scope.document,
      workloads: () => scope.workloads,
      pods: () => scope.workloads.filter((w): w is WorkloadView & { pod: NonNullable<WorkloadView['pod']> } => !!w.pod),
      clusters: () => scope.clusters,
      index: this.index,
      report(d: ReportDescriptor<string>) {
        const file = d.file ?? d.workload?.file ?? model?.path ?? '';
        const fm = files.get(file);
        if (!fm) return;
        const [start, end] = nodeSpan(d.node, fm.text);
        const finding: Finding = {
          ruleId: meta.id,
          severity: d.severity && !(meta.id in (ctx.options.rules ?? {})) ? d.severity : severity,
          message: formatMessage(meta.messages[d.messageId] ?? d.messageId, d.data),
          file,
          range: fm.lines.range(start, end),
          platforms: d.platforms ?? meta.platforms,
          effect: d.effect ?? meta.effect,
        };
        if (d.workload) finding.workloadId = d.workload.id;
        if (d.fix) finding.fix = toFix(d.fix, fm);
        if (d.suggest?.length) finding.suggestions = d.suggest.map((s) => toFix(s, fm));
        if (d.related?.length) {
          finding.related = d.related.flatMap((r) => {
            const rm = files.get(r.file);
            if (!rm) return [];
            const [s, e] = r.node ? nodeSpan(r.node, rm.text) : [0, 0];
            return [{ file: r.file, range: rm.lines.range(s, e), message: r.message }];
          });
        }
        out.push(finding);
      },
    };
    try {
      rule.check(ctx);
    } catch (err) {
      // Failure isolation: one broken rule on one document costs one finding, not the scan.
      const fm = model ?? files.values().next().value;
      if (fm) {
        const anchor = scope.document?.root;
        const [s, e] = anchor ? [anchor.start, Math.min(anchor.end, fm.lines.lineEnd(fm.lines.positionAt(anchor.start).line))] : [0, 0];
        out.push(engineFinding(INTERNAL_ERROR, 'error', `Rule ${meta.id} failed on this document: ${(err as Error)?.message ?? String(err)}. Other rules still ran; please report this.`, fm, s, e));
      }
    }
  }
}

function toFix(f: FixDescriptor, fm: FileModel) {
  return { title: f.title, edits: f.edits.map((e) => ({ range: fm.lines.range(e.start, e.end), newText: e.newText })) };
}

function engineFinding(ruleId: string, severity: Severity, message: string, m: FileModel, start: number, end: number): Finding {
  return { ruleId, severity, message, file: m.path, range: m.lines.range(start, Math.max(start, end)), platforms: [], effect: 'advice' };
}

function applySuppressions(findings: Finding[], files: Map<string, FileModel>, objects: KubernetesObjectRef[]): Finding[] {
  // Annotation suppressions cover the whole object they sit on.
  const annotated: { file: string; start: number; end: number; rules: ReturnType<typeof parseAnnotation> }[] = [];
  for (const o of objects) {
    const v = str(o.node.at('metadata', 'annotations', IGNORE_ANNOTATION));
    if (v) annotated.push({ file: o.doc.file, start: o.node.start, end: o.node.end, rules: parseAnnotation(v) });
  }
  return findings.filter((f) => {
    if (f.ruleId === PARSE_ERROR || f.ruleId === INTERNAL_ERROR) return true;
    const fm = files.get(f.file);
    if (fm && commentSuppressionsFor(fm.lines, f.range.start.line).some((s) => suppresses(s, f.ruleId))) return false;
    if (fm && annotated.length) {
      const off = fm.lines.offsetAt(f.range.start);
      if (annotated.some((a) => a.file === f.file && off >= a.start && off <= a.end && a.rules.some((s) => suppresses(s, f.ruleId)))) return false;
    }
    return true;
  });
}

function compareFindings(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : cmpRange(a.range, b.range) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

function cmpRange(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

function countBySeverity(f: Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const x of f) c[x.severity]++;
  return c;
}

/**
 * The eksctl version as written: an unquoted `1.30` is the YAML float 1.3, so the
 * source text, not the parsed value, says which version the author meant.
 */
function writtenVersion(c: ClusterView, files: Map<string, FileModel>): string | undefined {
  const n = c.version;
  if (!n || n.kind !== 'scalar') return undefined;
  const raw = files.get(c.file)?.text.slice(n.start, n.end).replace(/^['"]|['"]$/g, '').trim();
  return raw || str(n);
}
