/**
 * Entry of a scan worker thread (dist/parallel-worker.js): reads and analyses its
 * share of the files with the whole workspace's index and posts each file's part
 * back, in batches, so the main thread takes them in while this thread works on and
 * no thread holds more than a batch of parts.
 */
import * as path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { BATCH, readText, shareEngine } from './parallel';
import type { WorkerMessage, WorkerTask } from './parallel';

function run(task: WorkerTask): void {
  const port = parentPort!;
  try {
    const engine = shareEngine(task.options);
    const own: string[] = [];
    const read = (i: number): string | undefined => {
      try {
        return readText(path.resolve(task.cwd, task.paths[i]));
      } catch {
        // Gone since the main thread read it: the main thread analyses it from its own text.
        return undefined;
      }
    };
    // In workspace order: the index files before the share, the share, the index files after it.
    let k = 0;
    const index = (upTo: number) => {
      for (; k < task.index.length && task.index[k] < upTo; k++) {
        const text = read(task.index[k]);
        if (text !== undefined) engine.updateIndexOnly(task.paths[task.index[k]], text);
      }
    };
    index(task.from);
    for (let i = task.from; i < task.to; i++) {
      const text = read(i);
      if (text === undefined) continue;
      engine.update(task.paths[i], text);
      own.push(task.paths[i]);
    }
    index(Infinity);
    for (let i = 0; i < own.length; i += BATCH) port.postMessage({ type: 'parts', parts: engine.parts(own.slice(i, i + BATCH)) } satisfies WorkerMessage);
  } catch (err) {
    port.postMessage({ type: 'error', message: (err as Error)?.stack ?? String(err) } satisfies WorkerMessage);
  }
}

if (parentPort) run(workerData as WorkerTask);
