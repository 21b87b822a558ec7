import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, HeadersFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ChangePasswordSchema } from "~/schemas/auth";
import { requireUser } from "~/lib/auth.server";
import { badRequest, formObject, problemResponse, zodFieldErrors } from "~/lib/http.server";
import { startSession } from "~/lib/session.server";
import { redirectWithToast } from "~/lib/toast.server";
import { retryAfterHeaders, tooManyRequests } from "~/lib/rate-limit.server";
import { changePassword } from "~/services/accounts.server";
import { listUserOrgs } from "~/models/org.server";
import { ROLE_LABELS } from "~/domain/permissions";
import { Field, FormError, SubmitButton, useZodForm } from "~/components/forms";

export const meta: MetaFunction = () => [{ title: "Your account — Lantern" }];
export const headers: HeadersFunction = retryAfterHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const orgs = await listUserOrgs(context.db, user.userId);
  return json({ user: { name: user.name, email: user.email }, orgs });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const parsed = ChangePasswordSchema.safeParse(await formObject(request));
  if (!parsed.success) return badRequest({ fieldErrors: zodFieldErrors(parsed.error) });
  const r = await changePassword(context.db, user.userId, parsed.data, context.clientIp);
  if (!r.ok && r.kind === "throttled") return tooManyRequests(r.detail?.retryAfter ?? 60);
  if (!r.ok) return problemResponse(r);
  // Every session (this one included) ended with the change; this browser gets a fresh one.
  const { cookie } = await startSession(context.db, user.userId, { ip: context.clientIp, userAgent: request.headers.get("user-agent") });
  return redirectWithToast("/account", "Password changed. Your other sessions were logged out.", { headers: { "Set-Cookie": cookie } });
}

export default function Account() {
  const { user, orgs } = useLoaderData<typeof loader>();
  const { form, onSubmit, errorFor, formError, busy } = useZodForm<typeof ChangePasswordSchema, typeof action>(ChangePasswordSchema);
  return (
    <main className="page narrow">
      <h1>Your account</h1>
      <p>
        {user.name} · {user.email}
      </p>
      <section aria-labelledby="orgs-h">
        <h2 id="orgs-h">Your organizations</h2>
        {orgs.length ? (
          <ul className="plain-list">
            {orgs.map((o) => (
              <li key={o.slug}>
                <Link to={`/o/${o.slug}`}>{o.orgName}</Link> <span className="muted">— {ROLE_LABELS[o.role]}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>You are not a member of any organization yet. Ask an admin to invite you.</p>
        )}
      </section>
      <section aria-labelledby="pw-h">
        <h2 id="pw-h">Change password</h2>
        <FormError message={formError} />
        <Form method="post" noValidate onSubmit={onSubmit} className="stack">
          <Field
            label="Current password"
            type="password"
            autoComplete="current-password"
            registration={form.register("currentPassword")}
            error={errorFor("currentPassword")}
          />
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
          <SubmitButton busy={busy}>Change password</SubmitButton>
        </Form>
      </section>
    </main>
  );
}
