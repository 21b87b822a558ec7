// Errors of the REST API as RFC 9457 problem details (application/problem+json): a type (a link into
// the API reference), a title, the status, a detail a person can act on, and `errors` per field when
// the body or the query did not validate. The API never answers with HTML or a bare 500.
import type { ZodError } from "zod";
import type { Problem } from "~/domain/result";
import { STATUS_OF } from "./http.server";

export const PROBLEM_TYPES = {
  400: ["invalid-request", "The request is not valid"],
  401: ["unauthorized", "A valid API key is required"],
  403: ["forbidden", "This key may not do that"],
  404: ["not-found", "Not found"],
  405: ["method-not-allowed", "Method not allowed"],
  409: ["conflict", "Conflict"],
  410: ["gone", "Gone"],
  412: ["precondition-failed", "The resource has changed"],
  413: ["too-large", "The request is too large"],
  415: ["unsupported-media-type", "Send JSON"],
  422: ["unprocessable", "The request cannot be processed"],
  428: ["precondition-required", "If-Match is required"],
  429: ["rate-limited", "Too many requests"],
  500: ["server-error", "Something went wrong on our side"],
} as const satisfies Record<number, readonly [string, string]>;
export type ProblemStatus = keyof typeof PROBLEM_TYPES;

export interface FieldError {
  /** JSON Pointer (RFC 6901) into the request body or query, e.g. "#/rows/3/country". */
  pointer: string;
  detail: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

export function problemBody(status: ProblemStatus, detail: string, extra: Record<string, unknown> = {}): ProblemBody {
  const [slug, title] = PROBLEM_TYPES[status];
  return { type: `/api/v1/docs#problem-${slug}`, title, status, detail, ...extra };
}

export function problem(status: ProblemStatus, detail: string, extra: Record<string, unknown> = {}, headers: HeadersInit = {}): Response {
  const h = new Headers(headers);
  h.set("Content-Type", "application/problem+json");
  h.set("Cache-Control", "no-store");
  return new Response(JSON.stringify(problemBody(status, detail, extra)), { status, headers: h });
}

export function isProblemStatus(status: number): status is ProblemStatus {
  return status in PROBLEM_TYPES;
}

function pointerOf(path: ReadonlyArray<string | number>): string {
  return `#/${path.map((p) => String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`;
}

/** A zod failure as field errors (unknown fields are reported one by one). */
export function zodErrors(error: ZodError, base: ReadonlyArray<string | number> = []): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const k of issue.keys) out.push({ pointer: pointerOf([...base, ...issue.path, k]), detail: `Unknown field “${k}”` });
    } else out.push({ pointer: pointerOf([...base, ...issue.path]), detail: issue.message });
  }
  return out;
}

export function validationProblem(error: ZodError, what = "The request body"): Response {
  return problem(400, `${what} has errors; see errors.`, { errors: zodErrors(error) });
}

/** A service's Result failure as a problem (the same status mapping as the forms use). */
export function serviceProblem(p: Problem<unknown>, extra: Record<string, unknown> = {}): Response {
  const status = STATUS_OF[p.kind];
  const errors = p.field ? [{ pointer: pointerOf([p.field]), detail: p.message }] : undefined;
  return problem(isProblemStatus(status) ? status : 400, p.message, { ...(errors ? { errors } : {}), ...extra });
}

/** A JSON answer of the API. */
export function apiJson(data: unknown, init: { status?: number; headers?: HeadersInit } = {}): Response {
  const h = new Headers(init.headers);
  h.set("Content-Type", "application/json");
  h.set("Cache-Control", "no-store");
  return new Response(JSON.stringify(data), { status: init.status ?? 200, headers: h });
}
