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

/** Column (in characters) of the line that `offset` is on, up to `offset`. */
export function columnOf(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return offset - lineStart;
}

function lineBreak(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Offset just after the end of the line that contains `offset` (after its line break). */
export function endOfLine(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/** The start of the line holding `offset`. */
export function startOfLine(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
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
  const eol = lineBreak(text);
  const last = map.entries()[map.entries().length - 1];
  // Insert after the last entry's last line, before any trailing comment lines of the parent.
  const at = endOfLine(text, Math.max(last.end - 1, last.start));
  const prefix = at === text.length && !text.endsWith('\n') ? eol : '';
  return { start: at, end: at, newText: prefix + lines.map((l) => indent + l.replace(/\n/g, eol + indent) + eol).join('') };
}

/** Deletes the whole line(s) of a map entry: key, value, and the line break. */
export function removeEntryLines(text: string, entry: SourceNode): OffsetEdit {
  const start = startOfLine(text, entry.keyStart ?? entry.start);
  const end = endOfLine(text, Math.max(entry.end - 1, entry.start));
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
  const eol = lineBreak(text);
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
