/**
 * Helm templates are not YAML until rendered, and Offload never runs `helm`. We mask
 * every `{{ ... }}` action with spaces of the same length (newlines kept), so offsets
 * stay exact, and parse what remains. Whatever still fails to parse is skipped
 * silently: a template must never produce a YAML syntax error.
 */
export function looksLikeTemplate(path: string, text: string): boolean {
  return /(^|\/)templates\//.test(path) || text.includes('{{');
}

export function maskTemplateActions(text: string): string {
  // A scan with indexOf, not /\{\{[\s\S]*?\}\}/g: with many `{{` and no `}}` that
  // regular expression rescans the rest of the text from every `{{` (2 MB: minutes).
  // As before, an action that never closes is left as it is.
  let out = '';
  let pos = 0;
  for (;;) {
    const open = text.indexOf('{{', pos);
    if (open < 0) break;
    const close = text.indexOf('}}', open + 2);
    if (close < 0) break;
    out += text.slice(pos, open) + text.slice(open, close + 2).replace(/[^\r\n]/g, ' ');
    pos = close + 2;
  }
  return pos === 0 ? text : out + text.slice(pos);
}

/**
 * After masking, a line that held only control flow (`{{- if .Values.x }}`) is blank,
 * but a value like `image: {{ .Values.image }}` becomes `image:    ` (null). Rules see
 * null there and must treat it as unknown rather than as a real null.
 */
export function hasTemplateActions(text: string): boolean {
  return text.includes('{{');
}
