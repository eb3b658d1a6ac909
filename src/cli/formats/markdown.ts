import type { AnalysisResult, PlatformId } from '../../engine/types';
import { PLATFORMS } from '../../engine/types';

const ICON = { fits: '✅ fits', 'needs-changes': '🟡 needs changes', blocked: '⛔ blocked' } as const;
const HEAD: Record<PlatformId, string> = { 'ecs-ec2': 'ECS on EC2', 'ecs-fargate': 'ECS on Fargate', 'eks-ec2': 'EKS on EC2', 'eks-fargate': 'EKS on Fargate' };

/** Escapes text from manifests so it cannot break the table or inject markup. */
export function md(s: string): string {
  return s.replace(/[\\`*_{}[\]<>()#+!|]/g, (ch) => `\\${ch}`).replace(/\r\n?|\n/g, ' ');
}

export function formatMarkdown(r: AnalysisResult): string {
  return formatMarkdownLines(r).join('\n');
}

/** The lines of {@link formatMarkdown}, without their line breaks: a large report is written a few at a time. */
export function formatMarkdownLines(r: AnalysisResult): string[] {
  const out: string[] = [];
  out.push('# Offload report', '');
  out.push(`Target: EKS ${r.target.eksVersion} (${r.target.eksVersionSource}) · regions ${r.target.regions.map(md).join(', ')} · as of ${r.target.today} · data as of ${r.tool.dataAsOf}`, '');
  out.push('## Recommendation', '');
  for (const l of r.recommendation.lines) out.push(`- ${md(l)}`);
  out.push('');
  if (r.workloads.length) {
    out.push('## Workloads', '');
    out.push(`| Workload | File | ${PLATFORMS.map((p) => HEAD[p]).join(' | ')} | Recommendation |`);
    out.push(`|---|---|${PLATFORMS.map(() => '---').join('|')}|---|`);
    for (const w of r.workloads) {
      out.push(`| ${md(`${w.kind}/${w.name}`)} | ${md(w.file)}:${w.range.start.line + 1} | ${PLATFORMS.map((p) => ICON[w.fit[p].status]).join(' | ')} | ${md(w.recommendation.summary)} |`);
    }
    out.push('');
  }
  out.push('## Findings', '');
  if (!r.findings.length) out.push('No findings.');
  for (const f of r.findings) out.push(`- **${f.severity}** \`${f.ruleId}\` ${md(f.file)}:${f.range.start.line + 1}:${f.range.start.character + 1} — ${md(f.message)}`);
  out.push('');
  return out;
}
