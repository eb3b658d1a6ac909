import type { AnalysisResult } from '../../engine/types';

/** The engine result is already the JSON report; this only fixes key order for readers. */
export function formatJson(r: AnalysisResult): string {
  return [...formatJsonChunks(r)].join('');
}

/** Items per JSON.stringify call when a long array is written in pieces. */
const ITEMS_PER_PIECE = 64;

/**
 * The items of an array as `JSON.stringify(x, null, 2)` writes them when the array is
 * nested so that its items start `indent` spaces in: each item on its own lines,
 * separated by `,\n`, without the brackets and without a final newline. Made a batch
 * of items at a time (one stringify per batch, nested in arrays to the right depth),
 * so a long array is never one string and never re-indented by hand.
 */
export function* jsonArrayItems(items: readonly unknown[], indent: number): Generator<string> {
  const depth = indent / 2;
  for (let i = 0; i < items.length; i += ITEMS_PER_PIECE) {
    let v: unknown = items.slice(i, i + ITEMS_PER_PIECE);
    for (let d = 1; d < depth; d++) v = [v];
    const s = JSON.stringify(v, null, 2);
    let start = 0;
    for (let d = 0; d < depth; d++) start = s.indexOf('\n', start) + 1;
    let end = s.length;
    for (let d = 0; d < depth; d++) end = s.lastIndexOf('\n', end - 1);
    yield i ? `,\n${s.slice(start, end)}` : s.slice(start, end);
  }
}

/**
 * The same text as {@link formatJson}, in pieces (a batch of findings or workloads at
 * a time), so a large report is written out without ever being one string: for
 * 10,000 files that string would be hundreds of megabytes.
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
      yield '[\n';
      yield* jsonArrayItems(value, 4);
      yield `\n  ]${tail}`;
    } else {
      yield `${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}${tail}`;
    }
  }
  yield '}\n';
}
