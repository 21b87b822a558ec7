// Webhooks: an admin subscribes an https address to events; the signing secret is shown once, here,
// right after. Each subscription's page has its delivery log and the other actions.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireOrg } from "~/lib/auth.server";
import { formObject, problemResponse, zodFieldErrors } from "~/lib/http.server";
import { WebhookCreateSchema } from "~/schemas/webhook";
import { createWebhook, listWebhooks } from "~/services/webhooks.server";
import { EventChoices, SecretOnce, VerifySnippet } from "~/components/webhooks";
import { FormError } from "~/components/forms";

export const meta: MetaFunction = () => [{ title: "Webhooks — Lantern" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { org } = await requireOrg(request, context, params.org, "integrations.manage");
  return json({ slug: org.slug, subscriptions: await listWebhooks(context.db, org.id) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = await requireOrg(request, context, params.org, "integrations.manage");
  const parsed = WebhookCreateSchema.safeParse(await formObject(request));
  if (!parsed.success) return json({ fieldErrors: zodFieldErrors(parsed.error) }, { status: 400 });
  const r = await createWebhook(context.db, id, parsed.data, context.clientIp);
  if (!r.ok) return problemResponse(r);
  // The secret stays in this answer (never in a cookie or a toast): it is shown this once.
  return json({ created: r.value.id, secret: r.value.secret });
}

export default function WebhooksPage() {
  const { slug, subscriptions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = result && "fieldErrors" in result ? (result.fieldErrors as Record<string, string>) : {};
  const formError = result && "formError" in result && typeof result.formError === "string" ? result.formError : undefined;
  const created =
    result && "secret" in result && typeof result.secret === "string" ? { id: Number(result.created), secret: result.secret } : null;
  return (
    <main className="page">
      <h1>Webhooks</h1>
      <p>
        A webhook tells another system (your ERP, a procurement or ticketing tool) the moment something happens in Lantern: Lantern sends
        the event to an https address of that system, signed so that it can check the sender. Grievance events carry ids, the channel, the
        category and the time only, never anything about the worker who reported or what they wrote.
      </p>
      {created ? (
        <>
          <div className="alert success" role="status">
            Webhook added. Copy its signing secret now: it is shown only this once.{" "}
            <Link to={`/o/${slug}/settings/webhooks/${created.id}`}>Open the webhook</Link> to send a test event.
          </div>
          <SecretOnce secret={created.secret} />
        </>
      ) : null}
      <section className="card" aria-labelledby="subs-h">
        <h2 id="subs-h">Subscriptions</h2>
        {subscriptions.length === 0 ? (
          <p className="muted">No webhooks yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Address</th>
                  <th scope="col">Events</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {subscriptions.map((s) => (
                  <tr key={s.id}>
                    <td className="webhook-url">
                      <Link to={`/o/${slug}/settings/webhooks/${s.id}`}>{s.url}</Link>
                      {s.description ? <div className="small muted">{s.description}</div> : null}
                    </td>
                    <td>{s.events.join(", ")}</td>
                    <td>{s.status === "active" ? "Active" : "Paused"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="new-h">
        <h2 id="new-h">Add a webhook</h2>
        <FormError message={formError} />
        <Form method="post" className="stack" noValidate key={created ? `after-${created.id}` : "new"}>
          <input type="hidden" name="intent" value="create" />
          <div className="field">
            <label htmlFor="webhook-url">Address (https)</label>
            <input
              id="webhook-url"
              name="url"
              type="url"
              inputMode="url"
              placeholder="https://erp.example.com/lantern-events"
              aria-invalid={errors.url ? true : undefined}
              aria-describedby={errors.url ? "webhook-url-error" : "webhook-url-hint"}
            />
            <p className="small muted" id="webhook-url-hint">
              Only public internet addresses: Lantern refuses addresses inside your network or its own.
            </p>
            {errors.url ? (
              <p className="field-error" id="webhook-url-error" role="alert">
                {errors.url}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="webhook-description">Description (optional)</label>
            <input id="webhook-description" name="description" type="text" maxLength={200} />
          </div>
          <EventChoices chosen={[]} error={errors.events} idPrefix="new" />
          <button type="submit" className="button" disabled={busy}>
            Add webhook
          </button>
        </Form>
      </section>
      <VerifySnippet />
    </main>
  );
}
