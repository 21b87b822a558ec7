import { json } from "@remix-run/node";
import type { ZodError } from "zod";
import { safeRedirect } from "~/domain/redirect";
import type { Problem, ProblemKind } from "~/domain/result";

/** Field errors in the shape the forms read: { fieldErrors: { email: "…" }, formError?: "…" }. */
export type ActionErrors = { fieldErrors?: Record<string, string>; formError?: string };

export function zodFieldErrors(error: ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

export function badRequest(errors: ActionErrors, status = 400) {
  return json(errors, { status });
}

export function notFound(message = "Not found"): Response {
  return new Response(message, { status: 404, statusText: "Not Found" });
}

export function forbidden(message = "You do not have permission to do that"): Response {
  return new Response(message, { status: 403, statusText: "Forbidden" });
}

/** A path on this site to go to after login; anything else (//evil, /\t/evil, https://…) becomes `fallback`. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  return safeRedirect(to, fallback);
}

/** Parse a form body into a plain object (repeated keys become arrays). */
export async function formObject(request: Request): Promise<Record<string, string | string[]>> {
  let fd: FormData;
  try {
    fd = await request.formData();
  } catch {
    throw json({ formError: "The form could not be read. Reload the page and try again." }, { status: 400 });
  }
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of fd.entries()) {
    if (typeof v !== "string") continue;
    const prev = out[k];
    if (prev === undefined) out[k] = v;
    else out[k] = Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/** What each kind of service problem means over HTTP: the only place that decides a status code for one. */
export const STATUS_OF: Record<ProblemKind, number> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  unsupported_type: 415,
  throttled: 429,
};

/** A service problem as the forms read it: a field error when it names a field, else a form error. */
export function problemResponse(p: Problem<unknown>, extra: Record<string, unknown> = {}, init: ResponseInit = {}) {
  const body: ActionErrors & Record<string, unknown> = p.field
    ? { fieldErrors: { [p.field]: p.message }, ...extra }
    : { formError: p.message, ...extra };
  return json(body, { ...init, status: STATUS_OF[p.kind] });
}
