import type { AnalysisResult, Finding, PlatformId } from '../../engine/types';
import { PLATFORMS } from '../../engine/types';

const FIT_MARK = { fits: '✓', 'needs-changes': '~', blocked: '✗' } as const;
const SHORT: Record<PlatformId, string> = { 'ecs-ec2': 'ECS/EC2', 'ecs-fargate': 'ECS/Fargate', 'eks-ec2': 'EKS/EC2', 'eks-fargate': 'EKS/Fargate' };

/** `file:line:col severity rule-id message`, 1-based, grouped by file; then workloads. */
export function formatText(r: AnalysisResult, color = false): string {
  return formatTextLines(r, color).join('\n') + '\n';
}

/** The lines of {@link formatText}, without their line breaks: a large report is written a few at a time. */
export function formatTextLines(r: AnalysisResult, color = false): string[] {
  const c = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const sev = { error: c('31', 'error'), warning: c('33', 'warning'), info: c('36', 'info'), hint: c('2', 'hint') };
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of r.findings) (byFile.get(f.file) ?? byFile.set(f.file, []).get(f.file)!).push(f);
  for (const [file, fs] of byFile) {
    out.push(c('1', file));
    for (const f of fs) out.push(`  ${file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${sev[f.severity]} ${f.ruleId} ${f.message}`);
    out.push('');
  }
  if (r.workloads.length) {
    out.push(c('1', 'Workloads'));
    const nameW = Math.min(48, Math.max(...r.workloads.map((w) => `${w.kind}/${w.name}`.length)));
    // Wide enough for the longest cell, "~ needs-changes", which used to be cut to "needs-cha".
    const cellW = 15;
    out.push(`  ${'workload'.padEnd(nameW)}  ${PLATFORMS.map((p) => SHORT[p].padEnd(cellW)).join(' ')}  recommendation`);
    for (const w of r.workloads) {
      const fits = PLATFORMS.map((p) => `${FIT_MARK[w.fit[p].status]} ${w.fit[p].status}`.padEnd(cellW)).join(' ');
      out.push(`  ${`${w.kind}/${w.name}`.padEnd(nameW).slice(0, nameW)}  ${fits}  ${w.recommendation.summary}`);
    }
    out.push('');
  }
  out.push(c('1', 'Recommendation'));
  for (const l of r.recommendation.lines) out.push(`  ${l}`);
  const n = r.summary.findings;
  out.push('');
  out.push(
    `${r.summary.files} file(s), ${r.summary.workloads} workload(s): ${n.error} error(s), ${n.warning} warning(s), ${n.info} info. ` +
      `Target EKS ${r.target.eksVersion} (${r.target.eksVersionSource}), ${r.target.regions.join(', ')}, as of ${r.target.today}; data as of ${r.tool.dataAsOf}.`,
  );
  if (!r.workloads.length && !r.findings.length) out.push('No manifests found. Offload reads Kubernetes YAML, ECS task definitions (JSON), docker-compose files and eksctl ClusterConfigs.');
  return out;
}
