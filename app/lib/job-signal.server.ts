// In-process wake-up for the job runners: a step queued by a request on this server is picked up at
// once instead of at the runner's next poll. Steps queued on another server are still found by
// polling the database (that is what makes any server able to run any step).
import { EventEmitter } from "node:events";

export type JobKind = "import";

// One emitter per process, not per module instance: the routes run from the Remix build (its own
// copy of this module) while the runners are loaded from the sources by the server.
const KEY = Symbol.for("lantern.job-signals");
const holder = globalThis as typeof globalThis & { [KEY]?: EventEmitter };
const signals = (holder[KEY] ??= new EventEmitter());

/** Call after a job row was committed to the database in a queued state. */
export function signalJobQueued(kind: JobKind): void {
  signals.emit(kind);
}

/** Calls `listener` whenever a job of this kind is queued in this process; returns the unsubscribe. */
export function onJobQueued(kind: JobKind, listener: () => void): () => void {
  signals.on(kind, listener);
  return () => {
    signals.off(kind, listener);
  };
}
