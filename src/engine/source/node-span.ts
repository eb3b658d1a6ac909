import type { SourceNode } from './source-node';

/**
 * The span to underline for a node. Scalars end at the value's end (never at
 * trailing comments or the line break, where the yaml package's node end runs);
 * a block map or sequence is underlined at its key; a keyless block (a sequence
 * item) on its first line only.
 */
export function nodeSpan(node: SourceNode, text: string): [number, number] {
  if (node.kind === 'scalar') return [node.start, Math.max(node.start, node.end)];
  if (node.keyStart !== undefined && node.keyEnd !== undefined) return [node.keyStart, node.keyEnd];
  const nl = text.indexOf('\n', node.start);
  const lineEnd = nl < 0 ? text.length : text[nl - 1] === '\r' ? nl - 1 : nl;
  return [node.start, Math.max(node.start, Math.min(node.end, lineEnd))];
}
