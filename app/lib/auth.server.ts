// Guards: every protected loader/action starts with one of these. They throw a redirect (no session),
// a 404 (unknown organization, or not a member: the two look the same to the caller) or a 403
// (a member whose role does not allow the action), and return the identity they checked.
import { redirect } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import { can, type Action, type Role } from "~/domain/permissions";
import { findMembership } from "~/models/org.server";
import { findSsoPolicy } from "~/models/sso.server";
import { sessionMeetsPolicy } from "~/domain/sso/sso";
import { getSessionUser, type SessionUser } from "./session.server";
import { forbidden, notFound } from "./http.server";
import { setScopeOrg, setScopeUser } from "~db/scope";

// One page load runs the root, layout and page loaders with the same load context: the session and
// membership lookups are done once per request, not once per loader.
const perRequest = new WeakMap<object, Map<string, Promise<unknown>>>();
function once<T>(context: AppLoadContext, key: string, fn: () => Promise<T>): Promise<T> {
  let m = perRequest.get(context);
  if (!m) perRequest.set(context, (m = new Map()));
  let p = m.get(key) as Promise<T> | undefined;
  if (!p) m.set(key, (p = fn()));
  return p;
}

/** The signed-in user, whom this request then acts for (their memberships and organisations become visible: db/scope.ts). */
async function sessionUser(request: Request, context: AppLoadContext): Promise<SessionUser | null> {
  // Keyed by the cookie too, so a context reused for another request (tests do) never leaks a user.
  const user = await once(context, `user:${request.headers.get("Cookie") ?? ""}`, () => getSessionUser(context.db, request));
  if (user) setScopeUser(user.userId);
  return user;
}

export async function getOptionalUser(request: Request, context: AppLoadContext): Promise<SessionUser | null> {
  return sessionUser(request, context);
}

export async function requireUser(request: Request, context: AppLoadContext): Promise<SessionUser> {
  const user = await sessionUser(request, context);
  if (!user) {
    const url = new URL(request.url);
    const back = request.method === "GET" ? url.pathname + url.search : url.pathname;
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

export interface OrgIdentity {
  user: SessionUser;
  org: { id: number; slug: string; name: string };
  role: Role;
}

/**
 * The tenant comes from the URL slug, checked against the signed-in user's memberships — never from
 * a form field. Another tenant's page answers 404, exactly like a page that does not exist.
 */
export async function requireOrg(
  request: Request,
  context: AppLoadContext,
  slug: string | undefined,
  action: Action = "org.view",
): Promise<OrgIdentity> {
  const user = await requireUser(request, context);
  if (!slug) throw notFound();
  // Slugs are short ASCII (slugify); anything else, e.g. a NUL byte PostgreSQL refuses, names no organization.
  if (!/^[a-z0-9-]{1,100}$/i.test(slug)) throw notFound("No such organization");
  const m = await once(context, `org:${user.userId}:${slug}`, () => findMembership(context.db, user.userId, slug));
  if (!m) throw notFound("No such organization");
  // A member: from here on this request's queries see this organisation's rows (and only these).
  setScopeOrg(m.orgId);
  // An organisation that requires single sign-on opens only to sessions made through it (and to its break-glass admin).
  const policy = await once(context, `sso:${m.orgId}`, () => findSsoPolicy(context.db, m.orgId));
  const origin = { userId: user.userId, authMethod: user.authMethod ?? "password", ssoOrgId: user.ssoOrgId ?? null };
  if (!sessionMeetsPolicy(policy, m.orgId, origin)) {
    throw forbidden(`${m.orgName} requires single sign-on. Log out, then choose "Sign in with single sign-on" on the log-in page.`);
  }
  if (!can(m.role, action)) throw forbidden();
  return { user, org: { id: m.orgId, slug: m.slug, name: m.orgName }, role: m.role };
}
