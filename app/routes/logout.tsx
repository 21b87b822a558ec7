import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { clearSessionCookie, endSession } from "~/lib/session.server";

// Logging out is a POST (no GET changes data); the session row is deleted on the server.
export async function action({ request, context }: ActionFunctionArgs) {
  await endSession(context.db, request);
  return redirect("/login", { headers: { "Set-Cookie": clearSessionCookie() } });
}

export async function loader() {
  return redirect("/");
}
