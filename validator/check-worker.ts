// A worker thread of check-workers.ts: checks the items it is sent with its own context.
import { parentPort, workerData } from 'node:worker_threads';
import { CheckContext, type CheckSettings, checkItem } from './check-item.ts';
import type { FromWorker, ToWorker } from './check-workers.ts';

const port = parentPort;
if (!port) throw new Error('check-worker.ts runs only as a worker thread');
const context = new CheckContext(workerData as CheckSettings);
port.on('message', (message: ToWorker) => {
  checkItem(message.item, context).then(
    (result) => port.postMessage({ type: 'result', index: message.index, result } satisfies FromWorker),
    (error: unknown) =>
      port.postMessage({
        type: 'failed',
        index: message.index,
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies FromWorker),
  );
});
