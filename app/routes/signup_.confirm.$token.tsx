import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError } from "~/components/forms";
import { problemResponse } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { startSession } from "~/lib/session.server";
import { confirmSignup, describePendingSignup } from "~/services/accounts.server";

export const meta: MetaFunction = () => [{ title: "Confirm your account — Lantern" }];
export const headers: HeadersFunction = () => ({ "Referrer-Policy": "no-referrer" });

// GET only shows the page (mail scanners open links); the account is created by the POST.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const pending = await describePendingSignup(context.db, params.token ?? "");
  if (!pending) throw json(null, { status: 410 });
  return json(pending);
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const created = await confirmSignup(context.db, params.token ?? "", context.clientIp);
  if (!created.ok) return problemResponse(created);
  const { userId, slug } = created.value;
  const { cookie } = await startSession(context.db, userId, { ip: context.clientIp, userAgent: request.headers.get("user-agent") });
  return redirectWithToast(`/o/${slug}`, "Welcome to Lantern: your account is ready.", { headers: { "Set-Cookie": cookie } });
}

export default function ConfirmSignup() {
  const p = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <main className="page narrow">
      <h1>Finish creating your account</h1>
      <FormError message={failed?.formError} />
      {p.joinOrg ? (
        <p>
          You are joining <strong>{p.joinOrg}</strong> on Lantern as <strong>{p.email}</strong>.
        </p>
      ) : (
        <p>
          You are creating <strong>{p.orgName}</strong> on Lantern as <strong>{p.email}</strong>, and you will be its admin.
        </p>
      )}
      <Form method="post">
        <button type="submit" className="button">
          Create my account
        </button>
      </Form>
    </main>
  );
}

export function ErrorBoundary() {
  return (
    <main className="page narrow">
      <h1>This link can no longer be used</h1>
      <p>Confirmation links work once and for 24 hours. Sign up again to get a new one.</p>
      <Link to="/signup" className="button">
        Sign up again
      </Link>
    </main>
  );
}
