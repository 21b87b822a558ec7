// The one shape a service answers with. A service says what happened ("not found", "conflict");
// the route decides what that means over HTTP (~/lib/http.server: statusOf, problemResponse).
export type ProblemKind = "invalid" | "not_found" | "forbidden" | "conflict" | "gone" | "too_large" | "unsupported_type" | "throttled";

export type Problem<D = undefined> = {
  kind: ProblemKind;
  /** A sentence a user can act on, in English; `messageKey` and `params` translate it where the page is translated. */
  message: string;
  /** The form field the problem is about, when there is one. */
  field?: string;
  messageKey?: string;
  params?: Record<string, string | number>;
  /** What the caller needs to recover (the current record after a conflict, say). */
  detail?: D;
};

export type Failure<D = undefined> = { ok: false } & Problem<D>;
export type Success<T> = { ok: true; value: T };
export type Result<T = undefined, D = undefined> = Success<T> | Failure<D>;

export function ok(): Success<undefined>;
export function ok<T>(value: T): Success<T>;
export function ok<T>(value?: T): Success<T | undefined> {
  return { ok: true, value };
}

export function fail<D = undefined>(kind: ProblemKind, message: string, more: Omit<Problem<D>, "kind" | "message"> = {}): Failure<D> {
  return { ok: false, kind, message, ...more };
}
