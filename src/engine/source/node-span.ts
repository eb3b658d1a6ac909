import type { SourceNode } from './source-node';

/**
 * The span to underline for a node. Scalars end at the value's end (never at
 * trailing comments or the line break, where the yaml package's node end runs);
 * a block map or sequence is underlined at its key; a keyless block (a sequence
 * item) on its first line only.
 */
export function nodeSpan(node: SourceNode, text: string): [number, number] {
  if (node.kind === 'scalar') {
    // A block scalar's range (`|` ... ) runs through its last line break.
    let end = Math.max(node.start, node.end);
    while (end > node.start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
    // `key:` with nothing after it is an empty null scalar: underline the key instead.
    if (end === node.start && node.keyStart !== undefined && node.keyEnd !== undefined) return [node.keyStart, node.keyEnd];
    return [node.start, end];
  }
  if (node.keyStart !== undefined && node.keyEnd !== undefined) return [node.keyStart, node.keyEnd];
  const br = /[\r\n]/g;
  br.lastIndex = node.start;
  const lineEnd = br.exec(text)?.index ?? text.length;
  return [node.start, Math.max(node.start, Math.min(node.end, lineEnd))];
}

/**
 * A parser's error span may end after a line break (so the same error would end on the
 * next line with LF and on the same line with CRLF), hold only a line break, or fall
 * inside a surrogate pair. Underline the characters themselves.
 */
export function errorSpan(text: string, start: number, end: number): { start: number; end: number } {
  let s = Math.max(0, Math.min(start, text.length));
  let e = Math.max(s, Math.min(end, text.length));
  while (e > s && (text.charCodeAt(e - 1) === 10 || text.charCodeAt(e - 1) === 13)) e--;
  // Nothing left but a line break: underline the character before it. yaml points at
  // the CR of a CRLF where it points at the last character with LF, so this also makes
  // the two agree.
  const isBreak = (o: number) => o >= text.length || text.charCodeAt(o) === 10 || text.charCodeAt(o) === 13;
  if (e === s && s > 0 && isBreak(s) && !isBreak(s - 1)) {
    s--;
    e = s + 1;
  }
  const inPair = (o: number) => o > 0 && o < text.length && isHigh(text.charCodeAt(o - 1)) && isLow(text.charCodeAt(o));
  if (inPair(s)) s--;
  if (inPair(e)) e++;
  return { start: s, end: e };
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
