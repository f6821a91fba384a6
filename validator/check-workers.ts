// Checking work items in worker threads (`-n/--workers`): each worker owns a check context
// (its schema registries, validators from the shared on-disk cache) and takes the next item
// when it finishes one, so a large file does not hold the others back. Results come back as
// plain data and are kept in item order, so the report equals a single-thread run's.
import { Worker } from 'node:worker_threads';
import type { CheckSettings, ItemResult } from './check-item.ts';
import type { WorkItem } from './work-plan.ts';

/** Messages between the pool and a worker. */
export type ToWorker = { readonly type: 'check'; readonly index: number; readonly item: WorkItem };
export type FromWorker =
  | { readonly type: 'result'; readonly index: number; readonly result: ItemResult }
  | { readonly type: 'failed'; readonly index: number; readonly message: string };

/**
 * The worker's entry. Compiled, the worker module itself; run from TypeScript sources (tsx),
 * a small module that registers tsx's loader in the new thread first (a worker does not
 * inherit the loader, and Node 20 ignores `--import` in a worker's execArgv).
 */
function workerEntry(): URL {
  const worker = new URL(`./check-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);
  if (!import.meta.url.endsWith('.ts')) return worker;
  const code = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(worker.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

export function checkInWorkers(items: readonly WorkItem[], settings: CheckSettings, size: number): Promise<ItemResult[]> {
  const entry = workerEntry();
  const results = new Array<ItemResult>(items.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const stopAll = () => Promise.all(workers.map((w) => w.terminate()));
    const feed = (worker: Worker) => {
      if (next >= items.length) {
        void worker.terminate();
        return;
      }
      const index = next++;
      worker.postMessage({ type: 'check', index, item: items[index] as WorkItem } satisfies ToWorker);
    };
    for (let i = 0; i < Math.min(size, items.length); i++) {
      const worker = new Worker(entry, { workerData: settings });
      workers.push(worker);
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'failed') {
          void stopAll();
          reject(new Error(message.message));
          return;
        }
        results[message.index] = message.result;
        done += 1;
        if (done === items.length) {
          void stopAll();
          resolve(results);
          return;
        }
        feed(worker);
      });
      worker.on('error', (error) => {
        void stopAll();
        reject(error);
      });
      feed(worker);
    }
  });
}
