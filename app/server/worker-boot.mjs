// The body of a warm worker thread (warm-worker.ts). Worker threads do not inherit tsx's loader:
// register it, load the TypeScript entry once, then run each job the parent sends with the entry's
// `runJob`, one at a time, answering with its outcome and the heap the thread holds after it.
import { register } from "tsx/esm/api";
import { getHeapStatistics } from "node:v8";
import { parentPort, workerData } from "node:worker_threads";

register();
const entry = await import(workerData.entry);

parentPort.on("message", async (job) => {
  let reply;
  try {
    reply = { ok: true, outcome: (await entry.runJob(job)) ?? {} };
  } catch (e) {
    reply = { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort.postMessage({ ...reply, heapBytes: getHeapStatistics().total_heap_size });
});
