// The server loads db/scope.ts from the sources (with the database client) and the Remix build bundles
// its own copy (with the guards): both copies must read and write one scope, or the guards' scope
// never reaches the connection and every request on PostgreSQL sees no tenant row.
import { expect, it } from "vitest";
import * as source from "./scope";

it("shares one scope between two copies of the module, as the server and the Remix build have", async () => {
  // A query string makes the module loader evaluate the file again: a second, separate copy.
  const second = "./scope.ts?as-in-the-build";
  const copy = (await import(/* @vite-ignore */ second)) as typeof source;
  expect(copy).not.toBe(source);
  await source.runInRequestScope(async () => {
    copy.setScopeUser(7);
    copy.setScopeOrg(3);
    expect(source.currentScope()).toEqual({ orgId: 3, userId: 7, system: null });
  });
  copy.asSystem("test: a crossing path in the build", () => {
    expect(source.currentScope()?.system).toBe("test: a crossing path in the build");
  });
  expect(source.currentScope()).toBeUndefined();
});
