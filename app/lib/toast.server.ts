// The message shown once after a successful form post ("Supplier saved"): the action redirects with
// the toast in a short-lived cookie, the root loader reads it, clears it and the page shows it.
// The cookie is validated like any input (a toast is text React escapes; nothing else is read from
// it) and, on HTTPS, uses the __Host- prefix so a sibling subdomain cannot plant one.
import { redirect } from "@remix-run/node";
import { ToastSchema, type Toast } from "~/schemas/toast";
import { env } from "./env.server";

function cookieName(): string {
  return env().cookieSecure ? "__Host-lantern_toast" : "lantern_toast";
}

function attributes(maxAge: number): string {
  return [`Path=/`, `HttpOnly`, `SameSite=Lax`, `Max-Age=${maxAge}`, ...(env().cookieSecure ? ["Secure"] : [])].join("; ");
}

/** The Set-Cookie header that carries a toast to the next page. */
export function toastCookie(toast: Toast | string): string {
  const t: Toast = typeof toast === "string" ? { kind: "success", message: toast } : toast;
  return `${cookieName()}=${Buffer.from(JSON.stringify(t)).toString("base64url")}; ${attributes(60)}`;
}

/** Redirect after a successful post, with a toast for the page it lands on (and any other headers). */
export function redirectWithToast(url: string, toast: Toast | string, init: { headers?: HeadersInit } = {}): Response {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", toastCookie(toast));
  return redirect(url, { headers });
}

/** The toast waiting for this request, and the header that clears it (null when there is none). */
export function readToast(request: Request): { toast: Toast | null; clear: string | null } {
  const header = request.headers.get("Cookie") ?? "";
  const name = cookieName();
  const raw = header
    .split(";")
    .map((p) => p.trim())
    .find((p) => p.startsWith(`${name}=`))
    ?.slice(name.length + 1);
  if (raw === undefined) return { toast: null, clear: null };
  const clear = `${name}=; ${attributes(0)}`;
  try {
    const parsed = ToastSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return { toast: parsed.success ? parsed.data : null, clear };
  } catch {
    return { toast: null, clear };
  }
}
