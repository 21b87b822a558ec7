import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, HeadersFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { SignupSchema } from "~/schemas/auth";
import { getOptionalUser } from "~/lib/auth.server";
import { badRequest, formObject, zodFieldErrors } from "~/lib/http.server";
import { retryAfterHeaders, tooManyRequests } from "~/lib/rate-limit.server";
import { requestSignup } from "~/services/accounts.server";
import { Field, FormError, SubmitButton, useZodForm } from "~/components/forms";

export const meta: MetaFunction = () => [{ title: "Create an organization — Lantern" }];
export const headers: HeadersFunction = retryAfterHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getOptionalUser(request, context)) throw redirect("/account");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = SignupSchema.safeParse(await formObject(request));
  if (!parsed.success) return badRequest({ fieldErrors: zodFieldErrors(parsed.error) });
  const r = await requestSignup(context.db, parsed.data, context.clientIp);
  if (!r.ok) return tooManyRequests(r.detail?.retryAfter ?? 60);
  // The same answer whether or not the address already has an account.
  return json({ email: parsed.data.email });
}

export default function Signup() {
  const sent = useActionData<typeof action>();
  const { form, onSubmit, errorFor, formError, busy } = useZodForm<typeof SignupSchema, typeof action>(SignupSchema);
  if (sent && "email" in sent) {
    return (
      <main className="page narrow">
        <h1>Check your inbox</h1>
        <p role="status">
          We sent a link to <strong>{sent.email}</strong>. Open it to finish creating your account. The link is valid for 24 hours.
        </p>
      </main>
    );
  }
  return (
    <main className="page narrow">
      <h1>Create your organization</h1>
      <p className="lead">You will be its admin and can invite your team afterwards.</p>
      <FormError message={formError} />
      <Form method="post" noValidate onSubmit={onSubmit} className="stack">
        <Field label="Your name" autoComplete="name" registration={form.register("name")} error={errorFor("name")} />
        <Field label="Work email" type="email" autoComplete="email" registration={form.register("email")} error={errorFor("email")} />
        <Field
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters. A passphrase is easiest to remember."
          registration={form.register("password")}
          error={errorFor("password")}
        />
        <Field label="Organization name" autoComplete="organization" registration={form.register("orgName")} error={errorFor("orgName")} />
        <SubmitButton busy={busy}>Create account</SubmitButton>
      </Form>
      <p>
        Already have an account? <Link to="/login">Log in</Link>
      </p>
    </main>
  );
}
