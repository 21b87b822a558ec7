// The load-shedding middleware on a tiny Express server (port 0) whose /work handler waits until the
// test releases it, so the number of running and waiting requests is under the test's control.
import { EventEmitter } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import express, { type Request, type Response } from "express";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createShedder, type ShedOptions, type Shedder } from "./shed";
import { log } from "~/lib/logger.server";

interface TestServer {
  url: string;
  shedder: Shedder;
  /** One release function per /work request that is running. */
  running: Array<() => void>;
  close(): Promise<void>;
}

const servers: TestServer[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(opts: Partial<ShedOptions> = {}): Promise<TestServer> {
  const shedder = createShedder({ maxInflight: 2, maxQueue: 1, queueTimeoutMs: 5000, maxLagMs: 0, ...opts });
  const running: Array<() => void> = [];
  const app = express();
  app.use(shedder.middleware);
  app.get("/work", (_req, res) => {
    running.push(() => res.type("text/plain").send("done"));
  });
  app.get("/fast", (_req, res) => void res.type("text/plain").send("fast"));
  const server = http.createServer(app);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  const s: TestServer = {
    url: `http://127.0.0.1:${port}`,
    shedder,
    running,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
  servers.push(s);
  return s;
}

async function until(cond: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 3000;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A GET that the test can abort (the client "leaves"); resolves with the status, or 0 when aborted. */
function leavableGet(url: string): { done: Promise<number>; leave(): void } {
  const req = http.get(url);
  const done = new Promise<number>((resolve) => {
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", () => resolve(0));
  });
  return { done, leave: () => req.destroy() };
}

/** Requests as bare emitters (no sockets), for tests that drive the clock and the loop turns. */
function fakeClient(shedder: Shedder, onAdmit: (res: Response) => void = () => undefined) {
  const responses: EventEmitter[] = [];
  const refused: EventEmitter[] = [];
  const arrive = () => {
    const res = new EventEmitter();
    const fake = Object.assign(res, {
      headersSent: false,
      status: () => fake,
      setHeader: () => fake,
      type: () => fake,
      send: () => void refused.push(res),
    });
    responses.push(res);
    shedder.middleware({ headers: {}, originalUrl: "/x" } as Request, fake as unknown as Response, () =>
      onAdmit(fake as unknown as Response),
    );
  };
  const turn = () => new Promise((r) => setImmediate(r));
  return { arrive, responses, refused, turn };
}

describe("load shedding", () => {
  it("admits up to the limit, queues the next ones and refuses at once with 503 + Retry-After when the queue is full", async () => {
    const s = await start({ maxInflight: 2, maxQueue: 1, queueTimeoutMs: 5000 });
    const first = [fetch(`${s.url}/work`), fetch(`${s.url}/work`)];
    await until(() => s.running.length === 2, "two running requests");
    const queued = fetch(`${s.url}/work`);
    await until(() => s.shedder.stats().queued === 1, "one queued request");
    expect(s.running).toHaveLength(2); // the third waits, it does not run

    const started = Date.now();
    const refused = await fetch(`${s.url}/work`);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(refused.headers.get("cache-control")).toBe("no-store");
    expect(await refused.text()).toMatch(/busy/i);

    s.running[0]!(); // a slot frees: the queued request runs
    await until(() => s.running.length === 3, "the queued request to run");
    s.running[1]!();
    s.running[2]!();
    for (const r of [...first, queued]) expect((await r).status).toBe(200);
    const stats = s.shedder.stats();
    expect(stats).toMatchObject({ inflight: 0, queued: 0, admitted: 3, queuedTotal: 1 });
    expect(stats.shed).toEqual({ full: 1, timeout: 0, lag: 0 });
  });

  it("never starts a request inside the middleware call, and starts at most startsPerTurn per loop turn", async () => {
    const shedder = createShedder({ maxInflight: 10, maxQueue: 10, queueTimeoutMs: 5000, maxLagMs: 0, startsPerTurn: 2 });
    const started: number[] = [];
    const responses = Array.from({ length: 5 }, () => new EventEmitter());
    responses.forEach((res, i) => shedder.middleware({} as Request, res as unknown as Response, () => void started.push(i)));
    expect(started).toEqual([]); // a synchronous handler must not run before the loop reads other sockets
    expect(shedder.stats().queued).toBe(5);
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1]);
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2, 3]);
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(shedder.stats()).toMatchObject({ inflight: 5, queued: 0 });
    for (const res of responses) res.emit("finish");
    expect(shedder.stats().inflight).toBe(0);
  });

  it("refuses at once when a new request would wait (queue × recent completion interval) over a quarter of the queue timeout", async () => {
    let clock = 0;
    const shedder = createShedder({ maxInflight: 1, maxQueue: 100, queueTimeoutMs: 2000, maxLagMs: 0, startsPerTurn: 1, now: () => clock });
    const { arrive, responses, refused, turn } = fakeClient(shedder);
    for (let i = 0; i < 3; i++) arrive();
    await turn(); // request 0 runs, 1 and 2 wait
    for (const i of [0, 1]) {
      clock += 40; // each takes 40 ms while others wait
      responses[i]!.emit("finish");
      await turn();
    }
    expect(shedder.stats()).toMatchObject({ inflight: 1, queued: 0, serviceIntervalMs: 40 });
    // Places 1..12 would wait 40..480 ms (<= 500, a quarter of the timeout); the 13th would wait 520 ms.
    for (let i = 0; i < 13; i++) arrive();
    expect(shedder.stats().queued).toBe(12);
    expect(refused).toHaveLength(1);
    expect(shedder.stats().shed.full).toBe(1);
    for (const res of responses) res.emit("close"); // clears the queue timers
    expect(shedder.stats()).toMatchObject({ inflight: 0, queued: 0 });

    // A slow page (400 ms a request): a short queue is never refused on the estimate.
    responses.length = 0;
    refused.length = 0;
    for (let i = 0; i < 3; i++) arrive();
    await turn();
    for (const i of [0, 1]) {
      clock += 400;
      responses[i]!.emit("finish");
      await turn();
    }
    expect(shedder.stats().serviceIntervalMs).toBeGreaterThan(100);
    for (let i = 0; i < 7; i++) arrive();
    expect(shedder.stats().queued).toBe(7);
    expect(refused).toHaveLength(0);
    for (const res of responses) res.emit("close");
  });

  it("forgets the completion interval once slots are free again: a burst on an idle server is not refused on an old estimate", async () => {
    let clock = 0;
    const shedder = createShedder({ maxInflight: 2, maxQueue: 100, queueTimeoutMs: 2000, maxLagMs: 0, now: () => clock });
    const { arrive, responses, refused, turn } = fakeClient(shedder);
    for (let i = 0; i < 4; i++) arrive();
    await turn(); // 0 runs
    await turn(); // 1 runs; 2 and 3 wait
    for (const i of [0, 1]) {
      clock += 1500; // a very slow moment while requests wait
      responses[i]!.emit("finish");
      await turn();
    }
    expect(shedder.stats().serviceIntervalMs).toBe(1500);
    for (const i of [2, 3]) responses[i]!.emit("finish"); // the load is gone
    expect(shedder.stats()).toMatchObject({ inflight: 0, queued: 0, serviceIntervalMs: 0 });
    // Ten requests in one poll (a page and its data requests): 8 wait for a slot, none is refused.
    for (let i = 0; i < 10; i++) arrive();
    expect(refused).toHaveLength(0);
    expect(shedder.stats().queued).toBe(10);
    for (const res of responses) res.emit("close");
  });

  it("keeps the slot of a tracked handler whose client went away until the handler is done", async () => {
    const shedder = createShedder({ maxInflight: 1, maxQueue: 5, queueTimeoutMs: 2000, maxLagMs: 0 });
    let finishWork = () => {};
    const work = new Promise<void>((r) => (finishWork = r));
    const { arrive, responses, turn } = fakeClient(shedder, (res) => shedder.track(res, work));
    arrive();
    await turn();
    expect(shedder.stats().inflight).toBe(1);
    responses[0]!.emit("close"); // the client left; the handler still runs
    expect(shedder.stats().inflight).toBe(1);
    finishWork();
    await work;
    await turn();
    expect(shedder.stats().inflight).toBe(0);
  });

  it("answers a queued request 503 when it has waited queueTimeoutMs", async () => {
    const s = await start({ maxInflight: 1, maxQueue: 5, queueTimeoutMs: 150 });
    const first = fetch(`${s.url}/work`);
    await until(() => s.running.length === 1, "one running request");
    const started = Date.now();
    const waited = await fetch(`${s.url}/work`);
    const ms = Date.now() - started;
    expect(waited.status).toBe(503);
    expect(waited.headers.get("retry-after")).toBe("1");
    expect(ms).toBeGreaterThanOrEqual(140);
    expect(ms).toBeLessThan(2000);
    expect(s.shedder.stats().shed.timeout).toBe(1);
    expect(s.shedder.stats().queued).toBe(0);
    s.running[0]!();
    expect((await first).status).toBe(200);
    expect(s.running).toHaveLength(1); // the timed-out request never ran
  });

  it("releases the slot of a running request whose client went away", async () => {
    const s = await start({ maxInflight: 1, maxQueue: 0 });
    const gone = leavableGet(`${s.url}/work`);
    await until(() => s.shedder.stats().inflight === 1, "one running request");
    expect((await fetch(`${s.url}/fast`)).status).toBe(503); // full, no queue
    gone.leave();
    expect(await gone.done).toBe(0);
    await until(() => s.shedder.stats().inflight === 0, "the slot to be released");
    expect((await fetch(`${s.url}/fast`)).status).toBe(200);
  });

  it("drops a queued request whose client went away, so it neither runs nor holds a queue place", async () => {
    const s = await start({ maxInflight: 1, maxQueue: 1 });
    const first = fetch(`${s.url}/work`);
    await until(() => s.running.length === 1, "one running request");
    const gone = leavableGet(`${s.url}/work`);
    await until(() => s.shedder.stats().queued === 1, "one queued request");
    gone.leave();
    await until(() => s.shedder.stats().queued === 0, "the queue place to be freed");
    expect(s.shedder.stats().abandoned).toBe(1);
    const next = fetch(`${s.url}/work`); // gets the queue place instead of a 503
    await until(() => s.shedder.stats().queued === 1, "the next request to queue");
    s.running[0]!();
    await until(() => s.running.length === 2, "the next request to run");
    s.running[1]!();
    expect((await first).status).toBe(200);
    expect((await next).status).toBe(200);
    expect(s.shedder.stats().shed.full).toBe(0);
  });

  it("recovers: once the load is gone, requests are admitted again", async () => {
    const s = await start({ maxInflight: 2, maxQueue: 2 });
    const burst = Array.from({ length: 8 }, () => fetch(`${s.url}/work`));
    await until(() => s.running.length === 2 && s.shedder.stats().queued === 2, "a full queue");
    // The four beyond running + queued are refused without waiting for anything to finish.
    await until(() => s.shedder.stats().shed.full === 4, "four refusals");
    // Release the two running ones, then the two that were queued.
    s.running[0]!();
    s.running[1]!();
    await until(() => s.running.length === 4, "the queued requests to run");
    s.running[2]!();
    s.running[3]!();
    const statuses = (await Promise.all(burst)).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 503, 503, 503, 503]);
    expect(s.shedder.stats()).toMatchObject({ inflight: 0, queued: 0 });
    const after = await Promise.all([fetch(`${s.url}/fast`), fetch(`${s.url}/fast`)]);
    expect(after.map((r) => r.status)).toEqual([200, 200]);
  });

  it("refuses new requests while the event loop lags with half the slots busy, and admits them again when it does not", async () => {
    let lag = 500;
    const s = await start({ maxInflight: 4, maxQueue: 10, maxLagMs: 300, lagMs: () => lag });
    // With fewer than half the slots busy the lag comes from elsewhere: no refusal.
    const one = fetch(`${s.url}/work`);
    await until(() => s.running.length === 1, "one running request");
    expect((await fetch(`${s.url}/fast`)).status).toBe(200);
    const two = fetch(`${s.url}/work`);
    await until(() => s.running.length === 2, "two running requests");
    const refused = await fetch(`${s.url}/fast`);
    expect(refused.status).toBe(503);
    expect(s.shedder.stats().shed.lag).toBe(1);
    expect(s.shedder.stats().lagMs).toBe(500);
    lag = 20;
    expect((await fetch(`${s.url}/fast`)).status).toBe(200);
    for (const release of s.running) release();
    await Promise.all([one, two]);
  });

  it("answers in the form the client reads: JSON marked as a thrown response for Remix data requests, HTML for browsers", async () => {
    const s = await start({ maxInflight: 1, maxQueue: 0 });
    const first = fetch(`${s.url}/work`);
    await until(() => s.running.length === 1, "one running request");
    const data = await fetch(`${s.url}/fast?_data=routes%2Flogin`);
    expect(data.status).toBe(503);
    expect(data.headers.get("x-remix-catch")).toBe("yes");
    expect(data.headers.get("content-type")).toMatch(/^application\/json/);
    expect(((await data.json()) as { message: string }).message).toMatch(/busy/i);
    const page = await fetch(`${s.url}/fast`, { headers: { accept: "text/html,application/xhtml+xml" } });
    expect(page.status).toBe(503);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await page.text()).toContain("<h1>Lantern is busy</h1>");
    s.running[0]!();
    await first;
  });

  it("never sheds when maxInflight is 0 (turned off)", async () => {
    const s = await start({ maxInflight: 0, maxQueue: 0, maxLagMs: 300, lagMs: () => 10_000 });
    const all = Array.from({ length: 5 }, () => fetch(`${s.url}/work`));
    await until(() => s.running.length === 5, "five running requests");
    for (const release of s.running) release();
    expect((await Promise.all(all)).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
  });

  it("logs refusals at most once a second, with how many were refused since the last line", async () => {
    const warn = vi.spyOn(log, "warn").mockImplementation(() => undefined);
    let clock = 10_000;
    const s = await start({ maxInflight: 1, maxQueue: 0, now: () => clock });
    const first = fetch(`${s.url}/work`);
    await until(() => s.running.length === 1, "one running request");
    for (let i = 0; i < 3; i++) expect((await fetch(`${s.url}/fast`)).status).toBe(503);
    expect(warn).toHaveBeenCalledTimes(1);
    clock += 1000;
    expect((await fetch(`${s.url}/fast`)).status).toBe(503);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[1]![1]).toMatchObject({ reason: "full", refused: 3 });
    s.running[0]!();
    await first;
  });
});
