import type { TextEdit } from '../types';
import { LineIndex } from '../source/line-index';

/**
 * Applies edits to a text, as ESLint's fixer does: sorted by position, and an edit
 * that overlaps one already taken is skipped (reported back so callers can loop).
 * Text outside the taken edits' ranges is never touched.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: TextEdit[]; skipped: TextEdit[] } {
  const index = new LineIndex(text);
  const withOffsets = edits
    .map((e) => ({ e, start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const applied: TextEdit[] = [];
  const skipped: TextEdit[] = [];
  let out = '';
  let pos = 0;
  for (const x of withOffsets) {
    if (x.start < pos || x.end < x.start) {
      skipped.push(x.e);
      continue;
    }
    out += text.slice(pos, x.start) + x.e.newText;
    pos = x.end;
    applied.push(x.e);
  }
  out += text.slice(pos);
  return { text: out, applied, skipped };
}
