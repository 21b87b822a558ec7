// Which app server this process is, for claims on shared work (import steps, risk jobs, periodic
// jobs): the host, the process id and a random part, so a restarted server with a recycled process
// id never mistakes a dead server's claim for its own. Worker threads inherit it through process.env.
import { randomBytes } from "node:crypto";
import os from "node:os";

const KEY = "LANTERN_SERVER_ID";

export function serverId(): string {
  return (process.env[KEY] ??= `${os.hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`);
}
