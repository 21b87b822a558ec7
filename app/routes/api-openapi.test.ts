// The OpenAPI document and the routes agree: every route file under app/routes/api.v1.* answers
// exactly the methods the document lists for its path (a method it answers without a key is one it
// has: 401, not 405), both ways; and the document is valid OpenAPI 3.1 by a maintained validator.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import SwaggerParser from "@apidevtools/swagger-parser";
import { openApiDocument } from "~/schemas/api-openapi";
import { API_METHODS } from "~/lib/api.server";
import type { AppLoadContext } from "@remix-run/node";

// Not operations of the API: the catch-all 404, the document itself and its reference page.
const NOT_OPERATIONS = new Set(["api.v1.$.tsx", "api.v1.docs.tsx", "api.v1.openapi[.json].tsx"]);
const routesDir = path.join(__dirname);

/** "api.v1.suppliers.$id._index.tsx" → "/api/v1/suppliers/{id}". */
export function pathOfRouteFile(file: string): string {
  const segments = file
    .replace(/\.tsx$/, "")
    .split(".")
    .filter((s) => s !== "_index")
    .map((s) => (s.startsWith("$") ? `{${s.slice(1)}}` : s));
  return `/${segments.join("/")}`;
}

type Handler = (args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => Promise<Response>;

async function methodsOfRoute(file: string): Promise<string[]> {
  const mod = (await import(/* @vite-ignore */ path.join(routesDir, file))) as { loader?: Handler; action?: Handler };
  const context = { db: null, engine: "sqlite", nonce: "", clientIp: "127.0.0.1" } as unknown as AppLoadContext;
  const found: string[] = [];
  for (const method of API_METHODS) {
    const fn = method === "GET" ? mod.loader : mod.action;
    if (!fn) continue;
    const request = new Request("http://localhost/api/v1/x", { method });
    const r = await fn({ request, params: { id: "1" }, context });
    if (r.status !== 405) found.push(method.toLowerCase());
  }
  return found.sort();
}

function documentOperations(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [p, item] of Object.entries(openApiDocument().paths ?? {})) {
    out.set(
      p,
      Object.keys(item as object)
        .filter((k) => ["get", "post", "put", "patch", "delete"].includes(k))
        .sort(),
    );
  }
  return out;
}

describe("the OpenAPI document", () => {
  it("lists exactly the paths and methods the API route files answer, both ways", async () => {
    const files = readdirSync(routesDir).filter((f) => f.startsWith("api.v1.") && f.endsWith(".tsx") && !NOT_OPERATIONS.has(f));
    expect(files.length).toBeGreaterThan(5);
    const fromRoutes = new Map<string, string[]>();
    for (const f of files) fromRoutes.set(pathOfRouteFile(f), await methodsOfRoute(f));
    const fromDoc = documentOperations();
    expect(Object.fromEntries(fromDoc)).toEqual(Object.fromEntries(fromRoutes));
  });

  it("names route files as the paths the router serves", () => {
    expect(pathOfRouteFile("api.v1.suppliers.$id._index.tsx")).toBe("/api/v1/suppliers/{id}");
    expect(pathOfRouteFile("api.v1.grievances.counts.tsx")).toBe("/api/v1/grievances/counts");
  });

  it("is valid OpenAPI 3.1 (swagger-parser)", async () => {
    const doc = structuredClone(openApiDocument());
    const api = await SwaggerParser.validate(doc as never);
    expect((api as { openapi: string }).openapi).toBe("3.1.0");
  });
});
