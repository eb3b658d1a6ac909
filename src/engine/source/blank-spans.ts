/**
 * The text with every character in the given spans (sorted, not overlapping) replaced by
 * a space, line breaks kept: offsets and line numbers stay valid after a masking pass.
 */
export function blankSpans(text: string, spans: readonly (readonly [number, number])[]): string {
  if (!spans.length) return text;
  let out = '';
  let pos = 0;
  for (const [a, b] of spans) {
    out += text.slice(pos, a) + text.slice(a, b).replace(/[^\r\n]/g, ' ');
    pos = b;
  }
  return out + text.slice(pos);
}
