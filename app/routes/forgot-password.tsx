import type { ActionFunctionArgs, MetaFunction, HeadersFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { ForgotPasswordSchema } from "~/schemas/auth";
import { badRequest, formObject, zodFieldErrors } from "~/lib/http.server";
import { retryAfterHeaders, tooManyRequests } from "~/lib/rate-limit.server";
import { requestPasswordReset } from "~/services/accounts.server";
import { Field, FormError, SubmitButton, useZodForm } from "~/components/forms";

export const meta: MetaFunction = () => [{ title: "Forgot password — Lantern" }];
export const headers: HeadersFunction = retryAfterHeaders;

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = ForgotPasswordSchema.safeParse(await formObject(request));
  if (!parsed.success) return badRequest({ fieldErrors: zodFieldErrors(parsed.error) });
  const r = await requestPasswordReset(context.db, parsed.data.email, context.clientIp);
  if (!r.ok) return tooManyRequests(r.detail?.retryAfter ?? 60);
  return json({ sent: true as const });
}

export default function ForgotPassword() {
  const done = useActionData<typeof action>();
  const { form, onSubmit, errorFor, formError, busy } = useZodForm<typeof ForgotPasswordSchema, typeof action>(ForgotPasswordSchema);
  return (
    <main className="page narrow">
      <h1>Forgot your password?</h1>
      {done && "sent" in done ? (
        <div className="alert success" role="status">
          If an account exists for that address, we have sent it a link to choose a new password. The link is valid for 30 minutes.
        </div>
      ) : (
        <>
          <p>Enter your email address and we will send you a link to choose a new password.</p>
          <FormError message={formError} />
          <Form method="post" noValidate onSubmit={onSubmit} className="stack">
            <Field label="Email" type="email" autoComplete="email" registration={form.register("email")} error={errorFor("email")} />
            <SubmitButton busy={busy}>Send me a link</SubmitButton>
          </Form>
        </>
      )}
      <p>
        <Link to="/login">Back to log in</Link>
      </p>
    </main>
  );
}
