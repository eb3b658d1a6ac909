/**
 * Compact copies of what a result is made of. A large workspace's result is tens of
 * thousands of findings and workloads, held whole (the CLI prints it, a session keeps
 * it), so their layout is most of the engine's memory:
 *
 * - strings built from the source are slices of the file's text, or concatenations
 *   of such slices, and keep the whole text alive; they are copied flat, and equal
 *   ones are shared (messages and trace lines repeat across workloads);
 * - equal ranges within one file, equal platform lists and equal Fargate estimates
 *   are one object each;
 * - objects are rebuilt as literals with their keys in the original order (so JSON
 *   and deep equality see no difference) and arrays at their exact length.
 *
 * Results are read-only data, so sharing is invisible to every reader.
 */
import type { FargateEstimate, Finding, Fix, PlatformFit, PlatformId, Position, Range, Reason, Recommendation, RelatedLocation, TraceStep, Workload } from '../types';
import type { WorkloadFacts } from '../recommend/fit';
import type { OrchestratorTally, WorkloadTally } from '../recommend/workspace';

/** V8 copies substrings shorter than this; longer ones may be slices of a larger string. */
const SLICE_MIN = 13;
/** Past this many distinct strings the table starts over (a session runs for hours). */
const MAX_STRINGS = 200_000;

/** The fit of a platform nothing is said against: one object for every workload. */
const FITS: PlatformFit = Object.freeze({ status: 'fits', reasons: Object.freeze([]) as unknown as Reason[] });

export class Compactor {
  private strings = new Map<string, string>();
  private readonly estimates = new Map<string, FargateEstimate>();
  private readonly platformLists = new Map<string, PlatformId[]>();
  /** Per file: ranges by value, and objects already copied (shared reasons stay shared). */
  private ranges = new Map<string, Range>();
  private copied = new Map<object, unknown>();

  /** Starts a file: ranges and copies are shared within a file only. */
  beginFile(): void {
    if (this.ranges.size) this.ranges = new Map();
    if (this.copied.size) this.copied = new Map();
  }

  /** Drops the table of strings (the strings stay shared where they are). */
  forgetStrings(): void {
    if (this.strings.size) this.strings = new Map();
    this.beginFile();
  }

  str(s: string): string;
  str(s: string | undefined): string | undefined;
  str(s: string | undefined): string | undefined {
    if (s === undefined || s.length < SLICE_MIN) return s;
    let x = this.strings.get(s);
    if (x === undefined) {
      // A concatenation forces a flat copy; the slice after it refers to that copy only.
      x = ` ${s}`.slice(1);
      if (this.strings.size >= MAX_STRINGS) this.strings = new Map();
      this.strings.set(x, x);
    }
    return x;
  }

  range(r: Range): Range {
    const { start: a, end: b } = r;
    const key = `${a.line},${a.character},${b.line},${b.character}`;
    let x = this.ranges.get(key);
    if (!x) {
      const start: Position = { line: a.line, character: a.character };
      const end: Position = a.line === b.line && a.character === b.character ? start : { line: b.line, character: b.character };
      x = { start, end };
      this.ranges.set(key, x);
    }
    return x;
  }

  private platforms(l: PlatformId[]): PlatformId[] {
    const key = l.join(',');
    let x = this.platformLists.get(key);
    if (!x) this.platformLists.set(key, (x = l.slice()));
    return x;
  }

  estimate(e: FargateEstimate | undefined): FargateEstimate | undefined {
    if (!e) return e;
    const key = `${e.vcpu},${e.memoryGiB},${e.hourlyUsd},${e.monthlyUsd},${e.label}`;
    let x = this.estimates.get(key);
    if (!x) this.estimates.set(key, (x = { vcpu: e.vcpu, memoryGiB: e.memoryGiB, hourlyUsd: e.hourlyUsd, monthlyUsd: e.monthlyUsd, label: e.label }));
    return x;
  }

  private fix(f: Fix): Fix {
    return { title: this.str(f.title), edits: f.edits.map((e) => ({ range: this.range(e.range), newText: this.str(e.newText) })) };
  }

  finding(f: Finding): Finding {
    const out: Finding = {
      ruleId: f.ruleId,
      severity: f.severity,
      message: this.str(f.message),
      file: this.str(f.file),
      range: this.range(f.range),
      platforms: this.platforms(f.platforms),
      effect: f.effect,
    };
    if ('workloadId' in f) out.workloadId = this.str(f.workloadId);
    if ('fix' in f) out.fix = f.fix && this.fix(f.fix);
    if ('suggestions' in f) out.suggestions = f.suggestions && f.suggestions.map((s) => this.fix(s));
    if ('related' in f) out.related = f.related && f.related.map((r): RelatedLocation => ({ file: this.str(r.file), range: this.range(r.range), message: this.str(r.message) }));
    return out;
  }

  facts(x: WorkloadFacts): WorkloadFacts {
    return { id: this.str(x.id), name: this.str(x.name), kind: this.str(x.kind), namespace: this.str(x.namespace), format: x.format, file: this.str(x.file), range: this.range(x.range), fargate: this.estimate(x.fargate) };
  }

  workload(w: Workload): Workload {
    const fit = {} as Record<PlatformId, PlatformFit>;
    for (const p in w.fit) {
      const f = w.fit[p as PlatformId];
      fit[p as PlatformId] = f.status === 'fits' && !f.reasons.length ? FITS : { status: f.status, reasons: f.reasons.map((r) => this.reason(r)) };
    }
    const r = w.recommendation;
    // A Fargate pick's summary is the same words for every workload of a size; an EC2
    // pick's quotes a finding's message (already compact), which its concatenation shares.
    const rec: Recommendation = { platform: r.platform, summary: r.platform.endsWith('fargate') ? this.str(r.summary) : r.summary, reasons: r.reasons.map((t) => this.step(t)) };
    return {
      id: this.str(w.id),
      name: this.str(w.name),
      kind: this.str(w.kind),
      namespace: this.str(w.namespace),
      format: w.format,
      file: this.str(w.file),
      range: this.range(w.range),
      fit,
      recommendation: rec,
      fargate: this.estimate(w.fargate),
    };
  }

  private reason(r: Reason): Reason {
    let x = this.copied.get(r) as Reason | undefined;
    if (!x) this.copied.set(r, (x = { ruleId: r.ruleId, message: this.str(r.message), file: r.file, range: this.range(r.range) }));
    return x;
  }

  private step(t: TraceStep): TraceStep {
    // A step about a finding quotes its (compact) message and stays as made; the others
    // are the same few sentences for every workload.
    const out: TraceStep = { message: 'ruleId' in t ? t.message : this.str(t.message) };
    // Keys in their original order, and only those present.
    for (const k in t) {
      if (k === 'message') continue;
      const v = (t as unknown as Record<string, unknown>)[k];
      (out as unknown as Record<string, unknown>)[k] = k === 'range' && v ? this.range(v as Range) : typeof v === 'string' ? this.str(v) : v;
    }
    return out;
  }

  /** A file's tally, kept for the life of the file: arrays at their length, names flat. */
  tally(t: WorkloadTally): WorkloadTally {
    const o = (x: OrchestratorTally): OrchestratorTally => ({
      count: x.count,
      fargate: x.fargate,
      fargateMicros: x.fargateMicros,
      namespaces: x.namespaces.length ? x.namespaces.map((n) => this.str(n)) : NONE,
      ec2: x.ec2,
      ec2Names: x.ec2Names.length ? x.ec2Names.map((n) => this.str(n)) : NONE,
    });
    return { workloads: t.workloads, eks: o(t.eks), ecs: o(t.ecs) };
  }
}

/** The empty list of a tally: tallies are read, never pushed to, once made. */
const NONE: string[] = Object.freeze([]) as unknown as string[];
