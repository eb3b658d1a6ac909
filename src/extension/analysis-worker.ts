/**
 * Entry of the analysis worker thread (bundled to dist/analysis-worker.js). The whole
 * workspace is analysed here, so even a large workspace never blocks the extension
 * host: the host only reads files and converts results.
 */
import { parentPort } from 'node:worker_threads';
import { AnalysisCore } from './analysis-core';
import type { WorkerRequest } from './analysis-core';

const port = parentPort;
if (port) {
  const core = new AnalysisCore();
  port.on('message', (req: WorkerRequest) => {
    const reply = core.handle(req);
    if (reply) port.postMessage(reply);
  });
}
