// Readiness for the load balancer (/healthz): ready only when the database answers and has run every
// migration this code knows, and not while the server is shutting down (so no new request is routed
// to it). Liveness is the process answering at all.
import type { Db } from "~db/client";
import { pendingMigrations } from "~db/migrate";
import { pingDatabase } from "~/models/health.server";

export type Readiness = { ready: true } | { ready: false; reason: string };

export interface HealthCheck {
  check(): Promise<Readiness>;
  /** From now on the server says it is not ready (SIGTERM). */
  drain(): void;
}

export function createHealthCheck(handle: Db): HealthCheck {
  let migrated = false;
  let draining = false;
  return {
    drain() {
      draining = true;
    },
    async check() {
      if (draining) return { ready: false, reason: "shutting down" };
      try {
        await pingDatabase(handle.db);
        // Migrations never un-run: once current, only the database's answer needs checking.
        if (!migrated) {
          const pending = await pendingMigrations(handle);
          if (pending.length > 0) return { ready: false, reason: `${pending.length} database migration(s) not run yet` };
          migrated = true;
        }
        return { ready: true };
      } catch {
        return { ready: false, reason: "the database does not answer" };
      }
    },
  };
}
