/**
 * Entry of a scan worker thread (dist/parallel-worker.js): analyses its share of the
 * files with the whole workspace's index and posts each file's part back, in batches,
 * so the main thread takes them in while this thread works on and no thread holds
 * more than a batch of parts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Engine } from '../engine/session';
import type { WorkerMessage, WorkerTask } from './parallel';

const BATCH = 200;

function run(task: WorkerTask): void {
  const port = parentPort!;
  try {
    const o = task.options;
    const engine = new Engine({ today: o.today, options: o.options, configText: o.configText, configPath: o.configPath }, { order: 'input', keepDocuments: 0 });
    const own: string[] = [];
    for (const f of task.files) {
      if (f.own) {
        engine.update(f.path, f.text);
        own.push(f.path);
      } else engine.updateIndexOnly(f.path, f.text);
    }
    for (let i = 0; i < own.length; i += BATCH) port.postMessage({ type: 'parts', parts: engine.parts(own.slice(i, i + BATCH)) } satisfies WorkerMessage);
  } catch (err) {
    port.postMessage({ type: 'error', message: (err as Error)?.stack ?? String(err) } satisfies WorkerMessage);
  }
}

if (parentPort) run(workerData as WorkerTask);
