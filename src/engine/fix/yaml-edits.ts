import type { SourceNode } from '../source/source-node';
import type { OffsetEdit } from '../rules/define-rule';

/**
 * Minimal edit builders. They work on offsets and the surrounding text only, so
 * comments, quoting style, indentation and key order are kept. Nothing here
 * re-serialises a document.
 */

/** Replace a scalar's text (quotes included when present). */
export function replaceValue(node: SourceNode, newText: string): OffsetEdit {
  return { start: node.start, end: node.end, newText };
}

/**
 * Line helpers. A line ends at LF, CRLF or a lone CR, as it does for YAML, for
 * editors and for the LineIndex: a helper that only knew `\n` would take a whole
 * lone-CR file for one line (and a "remove this line" fix would delete the rest).
 */

/** Column (in characters) of the line that `offset` is on, up to `offset`. */
export function columnOf(text: string, offset: number): number {
  return offset - startOfLine(text, offset);
}

/**
 * The line break to write at `offset`: the one that ends its line (or, on a last line
 * without one, the line before), so an insert matches its neighbours. Local on
 * purpose: a fix then depends only on the text around it, never on another document
 * of the file (the incremental session re-uses a document's fixes while others change).
 */
export function lineBreakAt(text: string, offset: number): string {
  let i = lineEndAt(text, offset);
  if (i >= text.length) {
    const start = startOfLine(text, Math.min(offset, text.length));
    if (start === 0) return '\n';
    i = text.charCodeAt(start - 1) === 10 && text.charCodeAt(start - 2) === 13 ? start - 2 : start - 1;
  }
  if (text.charCodeAt(i) === 13) return text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r';
  // An offset between the CR and the LF of a pair still means CRLF.
  return i > 0 && text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
}

/** Offset just after the end of the line that contains `offset` (after its line break). */
export function endOfLine(text: string, offset: number): number {
  const i = lineEndAt(text, offset);
  if (i >= text.length) return text.length;
  return text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
}

/** Offset of the line break that ends the line holding `offset` (text.length on the last line). */
export function lineEndAt(text: string, offset: number): number {
  for (let i = Math.max(0, offset); i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/** The start of the line holding `offset`. */
export function startOfLine(text: string, offset: number): number {
  for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i + 1;
  }
  return 0;
}

/**
 * Adds `key: value` lines (already indented relative to the map, with `\n` breaks)
 * as the last entries of a block map. The indentation is taken from the map's first
 * key, so the insert matches the file whatever its indent width.
 */
export function insertIntoBlockMap(text: string, map: SourceNode, lines: string[]): OffsetEdit | undefined {
  const first = map.entries()[0];
  if (!first || first.keyStart === undefined) return undefined;
  // Flow maps ({a: 1}) would need a different edit; callers offer a suggestion instead.
  if (text[map.start] === '{') return undefined;
  const indent = ' '.repeat(columnOf(text, first.keyStart));
  const last = map.entries()[map.entries().length - 1];
  // Insert after the last entry's last line, before any trailing comment lines of the parent.
  const at = endOfLine(text, Math.max(last.end - 1, last.start));
  const eol = lineBreakAt(text, Math.max(last.end - 1, last.start));
  const prefix = at === text.length && !/[\r\n]$/.test(text) ? eol : '';
  return { start: at, end: at, newText: prefix + lines.map((l) => indent + l.replace(/\n/g, eol + indent) + eol).join('') };
}

/**
 * Deletes a map entry: in block style its whole line(s), key, value and line break;
 * in flow style (`{image: x, links: [db]}`) just `key: value` and one separating
 * comma, since its line holds the rest of the map.
 */
export function removeEntryLines(text: string, entry: SourceNode): OffsetEdit {
  const keyAt = entry.keyStart ?? entry.start;
  const valueEnd = Math.max(entry.end, entry.start);
  const parent = entry.parent;
  if (parent && text[parent.start] === '{') return removeFlowEntry(text, keyAt, valueEnd);
  const start = startOfLine(text, keyAt);
  const end = endOfLine(text, Math.max(valueEnd - 1, entry.start));
  // `- key: v` opening a sequence item: the dash stays for the item's next entry, if it has one.
  if (/^[ \t]*- +$/.test(text.slice(start, keyAt))) {
    const next = nextEntryStart(text, end, keyAt - start);
    if (next !== undefined) return { start: keyAt, end: next, newText: '' };
  }
  return { start, end, newText: '' };
}

/** Where the next line's content starts if it is indented to `column` (a sibling entry), for `- a: 1\n  b: 2`. */
function nextEntryStart(text: string, from: number, column: number): number | undefined {
  const indent = /[ \t]*/y;
  indent.lastIndex = from;
  const width = indent.exec(text)![0].length;
  return width === column && from + column < text.length ? from + column : undefined;
}

/** Removes `key: value` from a flow map with one neighbouring comma and its spaces. */
function removeFlowEntry(text: string, start: number, end: number): OffsetEdit {
  const after = /^\s*,[ \t]*/.exec(text.slice(end));
  if (after) return { start, end: end + after[0].length, newText: '' };
  const before = /,\s*$/.exec(text.slice(0, start));
  if (before) return { start: before.index, end, newText: '' };
  return { start, end, newText: '' };
}

/**
 * Adds lines (relative indentation, `\n` breaks) just above a block-map entry,
 * indented like that entry's key: `selector:` above `template:`, `pathType:` above
 * `backend:`. Undefined when the entry's key does not start its line (`- key:`, flow
 * style), where a line insert would land in the wrong place.
 */
export function insertBeforeEntry(text: string, entry: SourceNode, lines: string[]): OffsetEdit | undefined {
  if (entry.keyStart === undefined) return undefined;
  const at = startOfLine(text, entry.keyStart);
  const before = text.slice(at, entry.keyStart);
  if (!/^[ ]*$/.test(before)) return undefined;
  const eol = lineBreakAt(text, entry.keyStart);
  return { start: at, end: at, newText: lines.map((l) => before + l.replace(/\n/g, eol + before) + eol).join('') };
}

/**
 * Renames a map key in place, keeping its quotes (`"serviceAccount"` in JSON stays
 * quoted). Undefined when the key's source text is not the plain key name.
 */
export function renameKey(text: string, entry: SourceNode, newKey: string): OffsetEdit | undefined {
  if (entry.keyStart === undefined || entry.keyEnd === undefined || entry.key === undefined) return undefined;
  const raw = text.slice(entry.keyStart, entry.keyEnd);
  const q = raw[0] === '"' || raw[0] === "'" ? raw[0] : '';
  if (raw !== q + entry.key + q) return undefined;
  return { start: entry.keyStart, end: entry.keyEnd, newText: q + newKey + q };
}
