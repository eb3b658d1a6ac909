import type { OffsetEdit } from '../rules/define-rule';

/** `&name` where a YAML anchor can start: after a space, a line start or a flow/block indicator. */
const ANCHOR = /(?:^|[\s[{,:-])&([^\s,[\]{}]+)/g;

/**
 * True when applying `edits` to `text` would delete an anchor (`&name`) that an alias
 * (`*name`) left in the text still refers to: the file would no longer load (yaml,
 * kubectl and docker compose all reject an unknown alias). Compose files in particular
 * share settings this way (`cap_add: &caps [...]`, then `cap_add: *caps`). Errs toward
 * "yes" (an `&` in a plain scalar counts), which only withholds a fix.
 */
export function deletesUsedAnchor(text: string, edits: readonly OffsetEdit[]): boolean {
  if (!text.includes('&') || !text.includes('*')) return false;
  const removed: string[] = [];
  for (const e of edits) {
    if (e.end <= e.start) continue;
    const gone = text.slice(e.start, e.end);
    ANCHOR.lastIndex = 0;
    for (let m = ANCHOR.exec(gone); m; m = ANCHOR.exec(gone)) removed.push(m[1]);
  }
  if (!removed.length) return false;
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  // The text that stays: everything outside the edited ranges, plus what the edits write.
  let kept = '';
  let at = 0;
  for (const e of sorted) {
    kept += text.slice(at, Math.max(at, e.start)) + e.newText;
    at = Math.max(at, e.end);
  }
  kept += text.slice(at);
  return removed.some((name) => kept.includes(`*${name}`) && !kept.includes(`&${name}`));
}
