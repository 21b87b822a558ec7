import { afterEach, describe, expect, it } from "vitest";
import { WarmWorker } from "./warm-worker";

const ENTRY = new URL("./warm-worker.fixture.ts", import.meta.url);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("WarmWorker", () => {
  let w: WarmWorker | undefined;
  afterEach(async () => {
    await w?.stop();
  });

  it("runs jobs one after another on the same thread", async () => {
    w = new WarmWorker(ENTRY);
    const a = await w.run({ kind: "echo" });
    const b = await w.run({ kind: "echo" });
    expect(a).toMatchObject({ ok: true });
    expect(b.threadId).toBe(a.threadId);
  });

  it("reports a job that throws and keeps the thread", async () => {
    w = new WarmWorker(ENTRY);
    const a = await w.run({ kind: "echo" });
    expect(await w.run({ kind: "throw" })).toMatchObject({ ok: false, error: "the job failed" });
    expect((await w.run({ kind: "echo" })).threadId).toBe(a.threadId);
  });

  it("fails the job whose thread dies, and runs the next one on a new thread", async () => {
    w = new WarmWorker(ENTRY);
    const a = await w.run({ kind: "echo" });
    await expect(w.run({ kind: "exit" })).rejects.toThrow(/exited with code 3/);
    const b = await w.run({ kind: "echo" });
    expect(b).toMatchObject({ ok: true });
    expect(b.threadId).not.toBe(a.threadId);
  });

  it("replaces the thread after a job that left a heap above the limit, and after an idle period", async () => {
    w = new WarmWorker(ENTRY, { recycleAboveHeapMb: 0 });
    const a = await w.run({ kind: "echo" });
    expect((await w.run({ kind: "echo" })).threadId).not.toBe(a.threadId);
    await w.stop();

    w = new WarmWorker(ENTRY, { idleMs: 20 });
    const c = await w.run({ kind: "echo" });
    await sleep(200);
    expect((await w.run({ kind: "echo" })).threadId).not.toBe(c.threadId);
  });
});
