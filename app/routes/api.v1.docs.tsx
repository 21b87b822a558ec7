// /api/v1/docs: the API reference, rendered on the server from the OpenAPI document (no script,
// no outside assets), with the conventions every call follows.
import type { MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { openApiDocument } from "~/schemas/api-openapi";
import { PROBLEM_TYPES } from "~/lib/api-problem.server";
import { ApiOperation, type OperationView } from "~/components/api-reference";

export const meta: MetaFunction = () => [{ title: "API reference — Lantern" }];

type Doc = ReturnType<typeof openApiDocument>;

function operations(doc: Doc): OperationView[] {
  const out: OperationView[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of ["get", "post", "put", "patch", "delete"] as const) {
      const op = (item as Record<string, unknown>)[method] as Record<string, unknown> | undefined;
      if (!op) continue;
      const params = (
        (op.parameters ?? []) as Array<{ name: string; in: string; required?: boolean; description?: string; schema?: unknown }>
      ).map((p) => ({
        name: p.name,
        in: p.in,
        required: Boolean(p.required),
        description: p.description ?? "",
        schema: JSON.stringify(p.schema ?? {}),
      }));
      const reqBody = (op.requestBody as { content?: Record<string, { schema?: unknown }> } | undefined)?.content?.["application/json"]
        ?.schema;
      const responses = Object.entries((op.responses ?? {}) as Record<string, { description?: string }>).map(([status, r]) => ({
        status,
        description: r.description ?? "",
      }));
      out.push({
        method: method.toUpperCase(),
        path,
        summary: String(op.summary ?? ""),
        params,
        body: reqBody ? JSON.stringify(reqBody, null, 2) : null,
        responses,
      });
    }
  }
  return out;
}

export function loader() {
  const doc = openApiDocument();
  const problems = Object.entries(PROBLEM_TYPES).map(([status, [slug, title]]) => ({ status, slug, title }));
  return json({
    title: doc.info.title,
    version: doc.info.version,
    description: doc.info.description ?? "",
    ops: operations(doc),
    problems,
  });
}

export default function ApiDocs() {
  const { title, version, description, ops, problems } = useLoaderData<typeof loader>();
  return (
    <main className="page api-docs">
      <h1>
        {title} <span className="muted">v{version}</span>
      </h1>
      <p>{description}</p>
      <section className="card" aria-labelledby="conventions-h">
        <h2 id="conventions-h">How every call works</h2>
        <ul>
          <li>
            Send the key an admin created under <strong>Settings → API keys</strong> as <code>Authorization: Bearer lnt_…</code>.
          </li>
          <li>
            Send and receive JSON (<code>Content-Type: application/json</code>). Errors are problem details (
            <code>application/problem+json</code>) with <code>type</code>, <code>title</code>, <code>status</code>, <code>detail</code> and,
            for invalid fields, <code>errors</code>.
          </li>
          <li>
            Send an <code>Idempotency-Key</code> header with a POST to make a retry safe: the same key and body within 24 hours gets the
            first answer again; the same key with another body is refused (422).
          </li>
          <li>
            To change a supplier, send the <code>ETag</code> you read in <code>If-Match</code>: a stale one is refused (412), a missing one
            too (428).
          </li>
          <li>
            Each key may make a number of calls a minute; every answer says how many are left in the <code>RateLimit</code> and{" "}
            <code>RateLimit-Policy</code> headers, and a 429 says when to try again in <code>Retry-After</code>.
          </li>
          <li>
            The machine-readable document is at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).
          </li>
        </ul>
      </section>
      <h2>Operations</h2>
      {ops.map((op) => (
        <ApiOperation key={`${op.method} ${op.path}`} op={op} />
      ))}
      <section className="card" aria-labelledby="problems-h">
        <h2 id="problems-h">Problem types</h2>
        <dl>
          {problems.map((p) => (
            <div key={p.slug} id={`problem-${p.slug}`}>
              <dt>
                <code>{p.status}</code> {p.title}
              </dt>
              <dd className="muted small">type: /api/v1/docs#problem-{p.slug}</dd>
            </div>
          ))}
        </dl>
      </section>
    </main>
  );
}
