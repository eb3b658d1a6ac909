import type { FargateEstimate, Finding, FitStatus, PlatformFit, PlatformId, Reason, TraceStep, Workload } from '../types';
import { PLATFORMS } from '../types';
import type { FileModel } from '../load';
import type { ResolvedOptions } from '../config';
import type { WorkloadView } from '../views';
import { nodeSpan } from '../source/node-span';
import { estimateFargate } from './estimate';

/** The pseudo-rule behind "this manifest is written for the other orchestrator". */
export const ORCHESTRATOR_CHANGE = 'orchestrator-change';

const RANK: Record<FitStatus, number> = { fits: 0, 'needs-changes': 1, blocked: 2 };

export function nativeOrchestrator(w: Pick<WorkloadView, 'format'>): 'eks' | 'ecs' {
  return w.format === 'kubernetes' ? 'eks' : 'ecs';
}

/**
 * Turns findings into a per-platform fit for every workload, then picks a platform.
 * The pick prefers, in order: the orchestrator the manifest is written for; Fargate
 * when nothing blocks it and any needed change is one a quick fix makes; EC2 otherwise.
 */
export function computeFits(views: WorkloadView[], findings: Finding[], files: Map<string, FileModel>, options: ResolvedOptions): Workload[] {
  const byWorkload = new Map<string, Finding[]>();
  for (const f of findings) if (f.workloadId) (byWorkload.get(f.workloadId) ?? byWorkload.set(f.workloadId, []).get(f.workloadId)!).push(f);
  return views.map((v) => {
    const fm = files.get(v.file)!;
    const [s, e] = nodeSpan(v.anchor, fm.text);
    return fitWorkload(workloadFacts(v, fm.lines.range(s, e)), byWorkload.get(v.id) ?? [], options);
  });
}

/** What the fit of a workload starts from: everything but the fit itself. */
export type WorkloadFacts = Omit<Workload, 'fit' | 'recommendation'>;

export function workloadFacts(v: WorkloadView, anchorRange: Workload['range']): WorkloadFacts {
  return { id: v.id, name: v.name, kind: v.kind, namespace: v.namespace, format: v.format, file: v.file, range: anchorRange, fargate: estimateFargate(v) };
}

/**
 * The per-platform fit and the pick for one workload, from plain facts and its own
 * findings (in report order). Pure data in and out, so a session can redo one
 * workload without its parse.
 */
export function fitWorkload(v: WorkloadFacts, own: readonly Finding[], options: ResolvedOptions): Workload {
  const anchorRange = v.range;
  const fit = {} as Record<PlatformId, PlatformFit>;
  for (const p of PLATFORMS) fit[p] = { status: 'fits', reasons: [] };
  // A finding that concerns several platforms is one reason shared by all of them (plain
  // data either way; a large workspace holds tens of thousands of these).
  for (const f of own) {
    if (f.effect === 'advice') continue;
    const status: FitStatus = f.effect === 'blocks' ? 'blocked' : 'needs-changes';
    const reason = reasonOf(f);
    for (const p of f.platforms) {
      const cur = fit[p];
      if (RANK[status] > RANK[cur.status]) cur.status = status;
      cur.reasons.push(reason);
    }
  }
  const native = nativeOrchestrator(v);
  const other = native === 'eks' ? 'ecs' : 'eks';
  const rewrite: Reason = {
    ruleId: ORCHESTRATOR_CHANGE,
    message: native === 'eks' ? `Written for Kubernetes: ECS would need it rewritten as a task definition and service.` : `Written for ECS${v.format === 'compose' ? ' (compose)' : ''}: EKS would need it rewritten as Kubernetes manifests.`,
    file: v.file,
    range: anchorRange,
  };
  for (const p of [`${other}-ec2`, `${other}-fargate`] as PlatformId[]) {
    if (fit[p].status === 'fits') fit[p].status = 'needs-changes';
    fit[p].reasons.unshift(rewrite);
  }
  const fargate = v.fargate;
  return {
    id: v.id,
    name: v.name,
    kind: v.kind,
    namespace: v.namespace,
    format: v.format,
    file: v.file,
    range: anchorRange,
    fit,
    recommendation: choose(v, native, fit, own, anchorRange, fargate, options),
    fargate,
  };
}

function reasonOf(f: Finding): Reason {
  return { ruleId: f.ruleId, message: f.message, file: f.file, range: f.range };
}

const LABEL: Record<PlatformId, string> = {
  'ecs-ec2': 'ECS on EC2',
  'ecs-fargate': 'ECS on Fargate',
  'eks-ec2': 'EKS on EC2 nodes',
  'eks-fargate': 'EKS on Fargate',
};

export function platformLabel(p: PlatformId): string {
  return LABEL[p];
}

function choose(
  v: Pick<WorkloadView, 'format' | 'kind' | 'file'>,
  native: 'eks' | 'ecs',
  fit: Record<PlatformId, PlatformFit>,
  own: readonly Finding[],
  anchor: Workload['range'],
  fargate: FargateEstimate | undefined,
  _options: ResolvedOptions,
): Workload['recommendation'] {
  const trace: TraceStep[] = [];
  const what = v.format === 'kubernetes' ? `Kubernetes ${v.kind}` : v.format === 'compose' ? 'compose service' : 'ECS task definition';
  trace.push({ message: `${what} → ${native.toUpperCase()}, the orchestrator it is written for`, file: v.file, range: anchor });
  const fgId = `${native}-fargate` as PlatformId;
  const ec2Id = `${native}-ec2` as PlatformId;
  const fg = fit[fgId];
  const cost = fargate ? ` at ${fargate.label}, about $${fargate.monthlyUsd.toFixed(2)}/month` : '';
  if (fg.status === 'fits') {
    trace.push({ message: `Nothing blocks Fargate${cost} → ${LABEL[fgId]}: AWS runs the nodes too` });
    return { platform: fgId, summary: `${LABEL[fgId]}: nothing blocks it${cost}.`, reasons: trace };
  }
  const ec2 = fit[ec2Id];
  const key = (r: Reason) => `${r.ruleId}\u0000${r.message}\u0000${r.range.start.line}`;
  const onEc2 = new Set(ec2.reasons.map(key));
  // Changes every platform of this orchestrator needs (a removed apiVersion) do not
  // argue for or against Fargate; only the Fargate-specific ones do.
  const shared = fg.reasons.filter((r) => onEc2.has(key(r)));
  const fargateOnly = fg.reasons.filter((r) => !onEc2.has(key(r)));
  const misfit = fargateOnly.filter((r) => SIZE_MISFIT_RULES.has(r.ruleId));
  if (fg.status !== 'blocked' && misfit.length === 0) {
    const fixable = (r: Reason) => own.some((f) => f.ruleId === r.ruleId && f.message === r.message && !!f.fix);
    for (const r of shared) trace.push({ message: `Needed on any ${native.toUpperCase()} platform: ${r.message}`, file: r.file, range: r.range, ruleId: r.ruleId });
    for (const r of fargateOnly) trace.push({ message: `${fixable(r) ? 'Fargate needs a change a quick fix makes' : 'Fargate needs a change'}: ${r.message}`, file: r.file, range: r.range, ruleId: r.ruleId });
    if (!fargateOnly.length) {
      trace.push({ message: `Nothing blocks Fargate${cost} → ${LABEL[fgId]}: AWS runs the nodes too` });
      return { platform: fgId, summary: `${LABEL[fgId]}: nothing blocks it${cost}${shared.length ? ` (after ${count(shared.length, 'change')} every ${native.toUpperCase()} platform needs)` : ''}.`, reasons: trace };
    }
    const quick = fargateOnly.filter(fixable).length;
    trace.push({ message: `Nothing blocks Fargate and the size fits, so the changes are worth it → ${LABEL[fgId]}${cost}` });
    const how = quick === fargateOnly.length ? count(quick, 'quick fix', 'quick fixes') : `${count(fargateOnly.length, 'change')}${quick ? ` (${quick} with a quick fix)` : ''}`;
    return { platform: fgId, summary: `${LABEL[fgId]} after ${how}${cost}.`, reasons: trace };
  }
  // Blocked, or too large: the Fargate-specific reasons explain the move to EC2.
  const against = misfit.length && fg.status !== 'blocked' ? misfit : fargateOnly.length ? fargateOnly : fg.reasons;
  for (const r of against.slice(0, 5)) {
    trace.push({ message: `${SIZE_MISFIT_RULES.has(r.ruleId) ? 'Too large for Fargate' : 'Fargate blocked'}: ${r.message}`, file: r.file, range: r.range, ruleId: r.ruleId });
  }
  const first = against[0]?.message ?? 'it does not fit Fargate';
  if (ec2.status !== 'fits') {
    for (const r of ec2.reasons.slice(0, 3)) trace.push({ message: `EC2 needs attention too: ${r.message}`, file: r.file, range: r.range, ruleId: r.ruleId });
  }
  trace.push({ message: `→ ${LABEL[ec2Id]}` });
  return { platform: ec2Id, summary: `${LABEL[ec2Id]}. ${first}`, reasons: trace };
}

/**
 * Findings that mean "this does not fit any Fargate size". They are changes, not
 * blockers (requests can be lowered), but until they are made the pick is EC2:
 * the issue's rule is "Fargate when nothing blocks it and the size fits".
 */
const SIZE_MISFIT_RULES = new Set(['eks-fargate-pod-too-large', 'ecs-fargate-task-size-too-large']);

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
