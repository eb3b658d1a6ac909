/**
 * Result assembly from per-file segments: findings order, merging, and copying a
 * large result with a few segments replaced.
 */
import type { Finding, Range } from '../types';

/** Element-wise identity. */
export function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export const cmpStr = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function compareFindings(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : cmpRange(a.range, b.range) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

function cmpRange(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

/** Merges two sorted lists; on ties `a` comes first, as a stable sort of `a` then `b` would have it. */
export function mergeSorted(a: Finding[], b: Finding[]): Finding[] {
  if (!b.length) return a;
  if (!a.length) return b;
  const out: Finding[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(compareFindings(b[j], a[i]) < 0 ? b[j++] : a[i++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

/**
 * A new array: `all` (the concatenation of `parts`, segment i at `start[i]`) with the
 * changed segments replaced. Copied in slices (a memory copy each): this runs on every
 * result of a session over a large workspace.
 */
export function spliceSegments<T>(all: readonly T[], parts: readonly (readonly T[])[], start: Float64Array, changes: Map<number, readonly T[]>): T[] {
  if (!changes.size) return all as T[];
  let sameLengths = true;
  for (const [i, l] of changes) if (l.length !== parts[i].length) sameLengths = false;
  if (sameLengths) {
    const out = all.slice();
    for (const [i, l] of changes) for (let k = 0, at = start[i]; k < l.length; k++) out[at + k] = l[k];
    return out;
  }
  const order = [...changes.keys()].sort((x, y) => x - y);
  const pieces: (readonly T[])[] = [];
  let from = 0;
  for (const i of order) {
    pieces.push(all.slice(from, start[i]), changes.get(i)!);
    from = start[i] + parts[i].length;
  }
  pieces.push(all.slice(from));
  return ([] as T[]).concat(...pieces);
}

/** Segment start offsets (with the end as the last entry), recomputed from segment `from` on when given the old ones. */
export function starts(parts: readonly (readonly unknown[])[], old?: Float64Array, from = 0): Float64Array {
  const s = old ?? new Float64Array(parts.length + 1);
  let at = from > 0 ? s[from] : 0;
  for (let i = from; i < parts.length; i++) {
    s[i] = at;
    at += parts[i].length;
  }
  s[parts.length] = at;
  return s;
}
