// Signing in without the login form: a session started by the app's own startSession (the same row
// and token a login makes), its token handed to a browser or a request context as the cookie.
import { findUserByEmail } from "~/models/user.server";
import { SESSION_COOKIE, startSession } from "~/lib/session.server";
import { appDb } from "./app-db";

export { SESSION_COOKIE };

export async function userIdByEmail(email: string): Promise<number> {
  const user = await findUserByEmail(appDb(), email);
  if (!user) throw new Error(`No user ${email} in the e2e database`);
  return user.id;
}

/** Starts a session for the user with this email; returns its token, i.e. the value of the session cookie. */
export async function createSession(email: string): Promise<string> {
  const { cookie } = await startSession(appDb(), await userIdByEmail(email), { ip: null, userAgent: null });
  const token = cookie.slice(SESSION_COOKIE.length + 1).split(";")[0];
  if (!token) throw new Error(`startSession gave no token: ${cookie}`);
  return token;
}
