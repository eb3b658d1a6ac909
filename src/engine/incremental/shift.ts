/**
 * Moving converted findings and workload facts by whole lines. A document's chunk
 * starts at a line start, so every position inside it is its line relative to that
 * start plus a character that only the chunk's own text decides: when the chunk's
 * text is unchanged and only the lines above it changed, its findings are the old ones
 * with the line numbers shifted, and with no shift at all they are the old objects.
 */
import type { Finding, Fix, Position, Range } from '../types';
import type { WorkloadFacts } from '../recommend/fit';
import type { RawFinding } from '../run-rules';

function shiftPosition(p: Position, d: number): Position {
  return { line: p.line + d, character: p.character };
}

export function shiftRange(r: Range, d: number): Range {
  return { start: shiftPosition(r.start, d), end: shiftPosition(r.end, d) };
}

function shiftFix(x: Fix, d: number): Fix {
  return { ...x, edits: x.edits.map((e) => ({ ...e, range: shiftRange(e.range, d) })) };
}

/** A copy of `x` moved down by `d` lines (up when negative); same keys in the same order. */
export function shiftFinding(x: Finding, d: number): Finding {
  const out: Finding = { ...x, range: shiftRange(x.range, d) };
  if (x.fix) out.fix = shiftFix(x.fix, d);
  if (x.suggestions) out.suggestions = x.suggestions.map((s) => shiftFix(s, d));
  if (x.related) out.related = x.related.map((r) => ({ ...r, range: shiftRange(r.range, d) }));
  return out;
}

export function shiftFacts(x: WorkloadFacts, d: number): WorkloadFacts {
  return { ...x, range: shiftRange(x.range, d) };
}

/**
 * Whether a document's raw findings can be shifted with it: every span is relative to
 * the document's start and lies inside it (`len` characters), so no position depends
 * on text outside the chunk. A span in another file, or before the document, cannot.
 */
export function shiftable(findings: readonly RawFinding[], file: string, len: number): boolean {
  const inside = (x: { s: number; e: number; r: boolean }) => x.r && x.s >= 0 && x.e >= 0 && x.s <= len && x.e <= len;
  for (const x of findings) {
    if (x.file !== file || !inside(x)) return false;
    if (x.fix && !x.fix.edits.every(inside)) return false;
    if (x.suggestions && !x.suggestions.every((s) => s.edits.every(inside))) return false;
    if (x.related && !x.related.every((r) => r.file === file && inside(r))) return false;
  }
  return true;
}
