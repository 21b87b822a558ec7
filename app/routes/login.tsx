import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, HeadersFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useSearchParams } from "@remix-run/react";
import { LoginSchema } from "~/schemas/auth";
import { getOptionalUser } from "~/lib/auth.server";
import { badRequest, formObject, safeRedirectPath, zodFieldErrors } from "~/lib/http.server";
import { endSession, startSession } from "~/lib/session.server";
import { retryAfterHeaders, tooManyRequests } from "~/lib/rate-limit.server";
import { homePathFor, login } from "~/services/accounts.server";
import { SSO_REQUIRED_MESSAGE } from "~/services/sso-policy.server";
import { Field, FormError, SubmitButton, useZodForm } from "~/components/forms";

export const meta: MetaFunction = () => [{ title: "Log in — Lantern" }];
export const headers: HeadersFunction = retryAfterHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request, context);
  if (user) throw redirect(await homePathFor(context.db, user.userId));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = LoginSchema.safeParse(await formObject(request));
  if (!parsed.success) return badRequest({ fieldErrors: zodFieldErrors(parsed.error) });
  const result = await login(context.db, parsed.data, context.clientIp);
  if ("throttled" in result) return tooManyRequests(result.throttled, "Too many failed log-ins.");
  // One message for an unknown address and a wrong password: it must not tell which.
  if ("invalid" in result) return json({ formError: "Wrong email or password." }, { status: 401 });
  if ("ssoRequired" in result) return json({ formError: SSO_REQUIRED_MESSAGE }, { status: 403 });
  // Where to go is settled before the session exists: a hostile target falls back to the home page.
  const to = safeRedirectPath(parsed.data.redirectTo, await homePathFor(context.db, result.userId));
  await endSession(context.db, request); // whatever session the browser had before is ended, never reused
  const { cookie } = await startSession(context.db, result.userId, {
    ip: context.clientIp,
    userAgent: request.headers.get("user-agent"),
  });
  return redirect(to, { headers: { "Set-Cookie": cookie } });
}

export default function Login() {
  const [params] = useSearchParams();
  const { form, onSubmit, errorFor, formError, busy } = useZodForm<typeof LoginSchema, typeof action>(LoginSchema);
  return (
    <main className="page narrow">
      <h1>Log in</h1>
      <FormError message={formError} />
      <Form method="post" noValidate onSubmit={onSubmit} className="stack">
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <Field label="Email" type="email" autoComplete="email" registration={form.register("email")} error={errorFor("email")} />
        <Field
          label="Password"
          type="password"
          autoComplete="current-password"
          registration={form.register("password")}
          error={errorFor("password")}
        />
        <SubmitButton busy={busy}>Log in</SubmitButton>
      </Form>
      <p>
        <Link
          to={`/sso${params.get("redirectTo") ? `?redirectTo=${encodeURIComponent(params.get("redirectTo")!)}` : ""}`}
          className="button secondary"
        >
          Sign in with single sign-on
        </Link>
      </p>
      <p>
        <Link to="/forgot-password">Forgot your password?</Link> · <Link to="/signup">Create an organization</Link>
      </p>
    </main>
  );
}
