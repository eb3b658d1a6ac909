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
  return text.replace(/\{\{-?[\s\S]*?-?\}\}/g, (m) => m.replace(/[^\r\n]/g, ' '));
}

/**
 * After masking, a line that held only control flow (`{{- if .Values.x }}`) is blank,
 * but a value like `image: {{ .Values.image }}` becomes `image:    ` (null). Rules see
 * null there and must treat it as unknown rather than as a real null.
 */
export function hasTemplateActions(text: string): boolean {
  return text.includes('{{');
}
