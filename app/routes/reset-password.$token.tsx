import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import { ResetPasswordSchema } from "~/schemas/auth";
import { badRequest, formObject, problemResponse, zodFieldErrors } from "~/lib/http.server";
import { clearSessionCookie } from "~/lib/session.server";
import { redirectWithToast } from "~/lib/toast.server";
import { isResetTokenUsable, resetPassword } from "~/services/accounts.server";
import { Field, FormError, SubmitButton, useZodForm } from "~/components/forms";

export const meta: MetaFunction = () => [{ title: "Choose a new password — Lantern" }];
export const headers: HeadersFunction = () => ({ "Referrer-Policy": "no-referrer" });

export async function loader({ params, context }: LoaderFunctionArgs) {
  if (!(await isResetTokenUsable(context.db, params.token ?? ""))) throw json(null, { status: 410 });
  return null;
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const parsed = ResetPasswordSchema.safeParse(await formObject(request));
  if (!parsed.success) return badRequest({ fieldErrors: zodFieldErrors(parsed.error) });
  const done = await resetPassword(context.db, params.token ?? "", parsed.data.password, context.clientIp);
  if (!done.ok) return problemResponse(done);
  return redirectWithToast("/login", "Your password was changed. Log in with the new one.", {
    headers: { "Set-Cookie": clearSessionCookie() },
  });
}

export default function ResetPassword() {
  const { form, onSubmit, errorFor, formError, busy } = useZodForm<typeof ResetPasswordSchema, typeof action>(ResetPasswordSchema);
  return (
    <main className="page narrow">
      <h1>Choose a new password</h1>
      <p>Setting a new password logs you out everywhere.</p>
      <FormError message={formError} />
      <Form method="post" noValidate onSubmit={onSubmit} className="stack">
        <Field
          label="New password"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters."
          registration={form.register("password")}
          error={errorFor("password")}
        />
        <Field
          label="Repeat the new password"
          type="password"
          autoComplete="new-password"
          registration={form.register("confirm")}
          error={errorFor("confirm")}
        />
        <SubmitButton busy={busy}>Set password</SubmitButton>
      </Form>
    </main>
  );
}

export function ErrorBoundary() {
  return (
    <main className="page narrow">
      <h1>This link can no longer be used</h1>
      <p>Password reset links work once and for 30 minutes.</p>
      <Link to="/forgot-password" className="button">
        Send me a new link
      </Link>
    </main>
  );
}
