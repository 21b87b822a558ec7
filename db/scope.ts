// Who the database should believe a query runs for. On PostgreSQL, row-level security (migration
// 2026-12-09T0100_row_level_security) shows a query only the rows of the organisation set here, as a
// second wall behind the org_id filter every model already applies: a query that forgets its filter
// still sees one tenant. createDb (client.ts) hands the scope of the calling async context to each
// connection it lends out. SQLite has no row-level security: there all of this is bookkeeping only.
//
// A request gets its scope in steps: the server runs it in runInRequestScope (nothing set: the
// policies show no tenant row), requireUser sets the user (its memberships and organisations become
// visible) and requireOrg the organisation once the membership is checked; the portal sets the
// organisation of the supplier's assessment. Paths that must cross tenants, or run before a tenant
// is known, go through asSystem with a reason (the list is in docs/architecture.md).
import { AsyncLocalStorage } from "node:async_hooks";
import { log } from "~/lib/logger.server";

export interface DbScope {
  orgId: number | null;
  userId: number | null;
  /** Why this code may see every tenant (asSystem's reason), or null. */
  system: string | null;
}

// One store per process, not per module instance: the routes run from the Remix build (its own copy of
// this module) while the server and its database client are loaded from the sources. With one
// AsyncLocalStorage each, a scope the guards set in the build's copy never reached the client's.
const KEY = Symbol.for("lantern.db-scope");
const holder = globalThis as typeof globalThis & { [KEY]?: AsyncLocalStorage<DbScope> };
const storage = (holder[KEY] ??= new AsyncLocalStorage<DbScope>());

/** The scope of the calling async context, or undefined outside any (createDb then applies its defaultScope). */
export function currentScope(): Readonly<DbScope> | undefined {
  return storage.getStore();
}

/** Runs one request with a fresh, empty scope; the guards fill it in as they check who is asking. */
export function runInRequestScope<T>(fn: () => T): T {
  return storage.run({ orgId: null, userId: null, system: null }, fn);
}

/** The signed-in user of this request (its memberships and organisations become visible). No-op outside a scope. */
export function setScopeUser(userId: number): void {
  const s = storage.getStore();
  if (s) s.userId = userId;
}

/**
 * The organisation this request acts for, once checked. No-op outside a scope. A connection takes the
 * scope when it is lent out: set it before a transaction begins, not inside one.
 */
export function setScopeOrg(orgId: number): void {
  const s = storage.getStore();
  if (s) s.orgId = orgId;
}

/** Runs fn for one organisation (jobs working for one tenant, tests). */
export function runAsOrg<T>(orgId: number, fn: () => T): T {
  return storage.run({ orgId, userId: null, system: null }, fn);
}

/**
 * Runs fn past the tenant policies: the named crossing path for work that spans tenants or comes
 * before a tenant is known (login, links, periodic jobs, seeds). The reason is logged for every call
 * and set on the connection (lantern.system), so it also shows in pg_stat_activity.
 */
export function asSystem<T>(reason: string, fn: () => T): T {
  log.debug("database scope: system", { reason });
  return storage.run({ orgId: null, userId: null, system: reason }, fn);
}

/** `fn` as a named crossing path: every call runs asSystem(reason, …). */
export function systemPath<A extends unknown[], R>(reason: string, fn: (...args: A) => R): (...args: A) => R {
  return (...args) => asSystem(reason, () => fn(...args));
}
