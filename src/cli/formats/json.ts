import type { AnalysisResult } from '../../engine/types';

/** The engine result is already the JSON report; this only fixes key order for readers. */
export function formatJson(r: AnalysisResult): string {
  const { tool, target, files, findings, workloads, recommendation, summary } = r;
  return JSON.stringify({ tool, target, files, findings, workloads, recommendation, summary }, null, 2) + '\n';
}
