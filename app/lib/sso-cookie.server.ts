// The cookie that ties a single sign-on in flight to the browser that started it (login CSRF defence).
import { env } from "./env.server";

const NAME = "lantern_sso_state";
const MAX_AGE = 10 * 60;

function attributes(maxAge: number): string {
  // Lax: the identity provider sends the browser back with a top-level GET, which carries Lax cookies.
  const parts = ["Path=/sso", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAge}`];
  if (env().cookieSecure) parts.push("Secure");
  return parts.join("; ");
}

export function ssoStateCookie(state: string): string {
  return `${NAME}=${state}; ${attributes(MAX_AGE)}`;
}

export function clearSsoStateCookie(): string {
  return `${NAME}=; ${attributes(0)}`;
}

export function readSsoState(request: Request): string | null {
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === NAME) {
      const v = rest.join("=");
      return /^[A-Za-z0-9_-]{16,200}$/.test(v) ? v : null;
    }
  }
  return null;
}
