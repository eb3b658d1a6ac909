import type { LineIndex } from './source/line-index';

/**
 * Suppressions name a rule id and give a reason; they never match message text.
 *   # offload-ignore eks-fargate-daemonset: log agent runs on the EC2 node group
 * on the line before the finding (also `//` in JSONC), or on a Kubernetes object:
 *   metadata.annotations["offload.dev/ignore"]: "eks-fargate-host-port: needed for the node exporter"
 * Several entries may be separated by `;`. `*` stands for every rule.
 */
export const IGNORE_ANNOTATION = 'offload.dev/ignore';
const COMMENT_RE = /^\s*(?:#|\/\/)\s*offload-ignore\s+([\w*,\s-]+?)\s*(?::\s*(.*))?$/;

export interface Suppression {
  ruleIds: string[];
  reason: string;
}

/** The comment suppression that governs `line`, if the line before it is one. */
export function commentSuppressionFor(lines: LineIndex, line: number): Suppression | undefined {
  for (let l = line - 1; l >= 0; l--) {
    const text = lines.lineText(l);
    const m = COMMENT_RE.exec(text);
    if (m) return { ruleIds: splitIds(m[1]), reason: (m[2] ?? '').trim() };
    // Stacked suppressions for different rules are allowed; stop at the first other line.
    if (!/^\s*(#|\/\/)\s*offload-ignore\b/.test(text)) return undefined;
  }
  return undefined;
}

/** All comment suppressions stacked directly above `line`. */
export function commentSuppressionsFor(lines: LineIndex, line: number): Suppression[] {
  const out: Suppression[] = [];
  for (let l = line - 1; l >= 0; l--) {
    const m = COMMENT_RE.exec(lines.lineText(l));
    if (!m) break;
    out.push({ ruleIds: splitIds(m[1]), reason: (m[2] ?? '').trim() });
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
