// "Sign in with single sign-on": the work email's verified domain names the organisation, whose
// identity provider the browser is then sent to.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useSearchParams } from "@remix-run/react";
import { SsoStartSchema } from "~/schemas/sso";
import { getOptionalUser } from "~/lib/auth.server";
import { badRequest, formObject, problemResponse, safeRedirectPath, zodFieldErrors } from "~/lib/http.server";
import { ssoStateCookie } from "~/lib/sso-cookie.server";
import { homePathFor } from "~/services/accounts.server";
import { startSso } from "~/services/sso-login.server";
import { Field, FormError, SubmitButton, useZodForm } from "~/components/forms";

export const meta: MetaFunction = () => [{ title: "Sign in with single sign-on — Lantern" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request, context);
  if (user) throw redirect(await homePathFor(context.db, user.userId));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = SsoStartSchema.safeParse(await formObject(request));
  if (!parsed.success) return badRequest({ fieldErrors: zodFieldErrors(parsed.error) });
  const back = parsed.data.redirectTo ? safeRedirectPath(parsed.data.redirectTo, "") || null : null;
  const r = await startSso(context.db, parsed.data.email, back);
  if (!r.ok) return problemResponse(r);
  return redirect(r.value.url, { headers: { "Set-Cookie": ssoStateCookie(r.value.state) } });
}

export default function SsoStart() {
  const [params] = useSearchParams();
  const { form, onSubmit, errorFor, formError, busy } = useZodForm<typeof SsoStartSchema, typeof action>(SsoStartSchema);
  return (
    <main className="page narrow">
      <h1>Sign in with single sign-on</h1>
      <p>Enter your work email. We send you to your organisation&apos;s sign-in page (for example Microsoft, Okta or Google).</p>
      <FormError message={formError} />
      <Form method="post" noValidate onSubmit={onSubmit} className="stack">
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <Field label="Work email" type="email" autoComplete="email" registration={form.register("email")} error={errorFor("email")} />
        <SubmitButton busy={busy}>Continue</SubmitButton>
      </Form>
      <p>
        <Link to="/login">Log in with a password instead</Link>
      </p>
    </main>
  );
}
