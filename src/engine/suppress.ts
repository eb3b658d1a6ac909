import type { LineIndex } from './source/line-index';

/**
 * Suppressions name a rule id and give a reason; they never match message text.
 *   # offload-ignore eks-fargate-daemonset: log agent runs on the EC2 node group
 * on the line before the finding (also `//` in JSONC), or on a Kubernetes object:
 *   metadata.annotations["offload.dev/ignore"]: "eks-fargate-host-port: needed for the node exporter"
 * Several entries may be separated by `;`. `*` stands for every rule.
 */
export const IGNORE_ANNOTATION = 'offload.dev/ignore';

/**
 * Reads `# offload-ignore <ids>[: <reason>]` (or `//`). Parsed by hand: the regular
 * expression this replaces, /offload-ignore\s+([\w*,\s-]+?)\s*(?::\s*(.*))?$/, took
 * cubic time on a long run of spaces (4,000 spaces: 90 s), in every file it read.
 */
export function parseSuppressionComment(line: string): Suppression | undefined {
  let i = 0;
  while (i < line.length && isSpace(line.charCodeAt(i))) i++;
  if (line.startsWith('#', i)) i += 1;
  else if (line.startsWith('//', i)) i += 2;
  else return undefined;
  while (i < line.length && isSpace(line.charCodeAt(i))) i++;
  if (!line.startsWith(KEYWORD, i)) return undefined;
  i += KEYWORD.length;
  if (i >= line.length || !isSpace(line.charCodeAt(i))) return undefined;
  const colon = line.indexOf(':', i);
  const ids = colon < 0 ? line.slice(i) : line.slice(i, colon);
  // As before: at least one space after the keyword, then at least one more id character.
  if (ids.length < 2 || !IDS.test(ids)) return undefined;
  return { ruleIds: splitIds(ids), reason: colon < 0 ? '' : line.slice(colon + 1).trim() };
}

const KEYWORD = 'offload-ignore';
/** Rule ids, `*`, commas and spaces only: one character class, so matching is linear. */
const IDS = /^[\w*,\s-]*$/;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0x1680 || c === 0x202f || c === 0x205f || c === 0x2028 || c === 0x2029;
}

export interface Suppression {
  ruleIds: string[];
  reason: string;
}

/** The comment suppression that governs `line`, if the line before it is one. */
export function commentSuppressionFor(lines: LineIndex, line: number): Suppression | undefined {
  for (let l = line - 1; l >= 0; l--) {
    const text = lines.lineText(l);
    const m = parseSuppressionComment(text);
    if (m) return m;
    // Stacked suppressions for different rules are allowed; stop at the first other line.
    if (!/^\s*(#|\/\/)\s*offload-ignore\b/.test(text)) return undefined;
  }
  return undefined;
}

/** All comment suppressions stacked directly above `line`. */
export function commentSuppressionsFor(lines: LineIndex, line: number): Suppression[] {
  const out: Suppression[] = [];
  for (let l = line - 1; l >= 0; l--) {
    const m = parseSuppressionComment(lines.lineText(l));
    if (!m) break;
    out.push(m);
  }
  return out;
}

export function parseAnnotation(value: string): Suppression[] {
  return value
    .split(';')
    .map((part) => {
      const i = part.indexOf(':');
      const ids = i >= 0 ? part.slice(0, i) : part;
      return { ruleIds: splitIds(ids), reason: i >= 0 ? part.slice(i + 1).trim() : '' };
    })
    .filter((s) => s.ruleIds.length > 0);
}

function splitIds(s: string): string[] {
  return s.split(/[\s,]+/).filter(Boolean);
}

export function suppresses(s: Suppression, ruleId: string): boolean {
  return s.ruleIds.includes(ruleId) || s.ruleIds.includes('*');
}

/** Text of a suppression comment, for the "Ignore <rule> here" quick fix. */
export function suppressionComment(ruleId: string, indent: string, json: boolean): string {
  return `${indent}${json ? '//' : '#'} offload-ignore ${ruleId}: <reason>`;
}
