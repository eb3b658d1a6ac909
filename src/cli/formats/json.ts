import type { AnalysisResult } from '../../engine/types';

/** The engine result is already the JSON report; this only fixes key order for readers. */
export function formatJson(r: AnalysisResult): string {
  return [...formatJsonChunks(r)].join('');
}

/**
 * The same text as {@link formatJson}, in pieces (one per finding, workload, file), so a
 * large report is written out without ever being one string: for 10,000 files that
 * string would be hundreds of megabytes.
 */
export function* formatJsonChunks(r: AnalysisResult): Generator<string> {
  const { tool, target, files, findings, workloads, recommendation, summary } = r;
  const top = { tool, target, files, findings, workloads, recommendation, summary };
  const keys = Object.keys(top) as (keyof typeof top)[];
  yield '{\n';
  for (let k = 0; k < keys.length; k++) {
    const value = top[keys[k]];
    const tail = k + 1 < keys.length ? ',\n' : '\n';
    yield `  ${JSON.stringify(keys[k])}: `;
    if (Array.isArray(value) && value.length) {
      // JSON.stringify(x, null, 2) nested two levels deep: every line indented by four more.
      yield '[\n';
      for (let i = 0; i < value.length; i++) yield `    ${JSON.stringify(value[i], null, 2).replace(/\n/g, '\n    ')}${i + 1 < value.length ? ',\n' : '\n'}`;
      yield `  ]${tail}`;
    } else {
      yield `${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}${tail}`;
    }
  }
  yield '}\n';
}
