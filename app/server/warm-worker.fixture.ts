// A job module for warm-worker.test.ts: answers with the thread it ran on, fails, or ends its thread.
import { threadId } from "node:worker_threads";

export async function runJob(job: { kind: "echo" | "throw" | "exit" }): Promise<Record<string, unknown>> {
  if (job.kind === "throw") throw new Error("the job failed");
  if (job.kind === "exit") process.exit(3);
  return { ok: true, threadId };
}
