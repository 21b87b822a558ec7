// One webhook: its events, status and delivery log; send a test event, pause or resume, rotate the
// signing secret (the new one shown once), delete.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireOrg } from "~/lib/auth.server";
import { formObject, notFound, problemResponse, zodFieldErrors } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { WebhookActionSchema, WebhookIdSchema } from "~/schemas/webhook";
import { actOnWebhook, webhookDetail } from "~/services/webhooks.server";
import { DeliveryLog, EventChoices, SecretOnce, VerifySnippet } from "~/components/webhooks";
import { FormError } from "~/components/forms";
import { formatDateTime } from "~/components/format";

export const meta: MetaFunction = () => [{ title: "Webhook — Lantern" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { org } = await requireOrg(request, context, params.org, "integrations.manage");
  const subId = WebhookIdSchema.safeParse(params.id);
  if (!subId.success) throw notFound("No such webhook");
  const r = await webhookDetail(context.db, org.id, subId.data);
  if (!r.ok) throw notFound("No such webhook");
  return json({ slug: org.slug, ...r.value });
}

const DONE = {
  events: "Events saved.",
  pause: "Webhook paused: events are kept and sent when you resume it.",
  resume: "Webhook resumed.",
  test: "Test event queued: it appears in the delivery log in a few seconds.",
  delete: "Webhook deleted.",
} as const;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = await requireOrg(request, context, params.org, "integrations.manage");
  const subId = WebhookIdSchema.safeParse(params.id);
  if (!subId.success) throw notFound("No such webhook");
  const parsed = WebhookActionSchema.safeParse(await formObject(request));
  if (!parsed.success) return json({ fieldErrors: zodFieldErrors(parsed.error) }, { status: 400 });
  const r = await actOnWebhook(context.db, id, subId.data, parsed.data, context.clientIp);
  if (!r.ok) return problemResponse(r);
  const base = `/o/${id.org.slug}/settings/webhooks`;
  if (r.value.done === "rotate") return json({ secret: r.value.secret });
  return redirectWithToast(r.value.done === "delete" ? base : `${base}/${subId.data}`, DONE[r.value.done]);
}

export default function WebhookPage() {
  const { slug, subscription: s, log } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = result && "fieldErrors" in result ? (result.fieldErrors as Record<string, string>) : {};
  const formError = result && "formError" in result && typeof result.formError === "string" ? result.formError : undefined;
  const rotated = result && "secret" in result && typeof result.secret === "string" ? result.secret : null;
  const intent = (name: string, label: string, cls = "button secondary") => (
    <Form method="post">
      <input type="hidden" name="intent" value={name} />
      <button type="submit" className={cls} disabled={busy}>
        {label}
      </button>
    </Form>
  );
  return (
    <main className="page">
      <p>
        <Link to={`/o/${slug}/settings/webhooks`}>← All webhooks</Link>
      </p>
      <h1 className="webhook-url">Webhook to {s.url}</h1>
      {rotated ? (
        <>
          <div className="alert success" role="status">
            New signing secret made. The old one no longer signs anything: put this one in the receiving system now.
          </div>
          <SecretOnce secret={rotated} />
        </>
      ) : null}
      <FormError message={formError} />
      <section className="card" aria-labelledby="state-h">
        <h2 id="state-h">Status: {s.status === "active" ? "active" : "paused"}</h2>
        {s.status === "paused" ? <p>{s.pausedReason}</p> : null}
        <p className="small muted">
          {s.lastSuccessAt ? `Last delivered ${formatDateTime(s.lastSuccessAt)}. ` : "Nothing delivered yet. "}
          {s.consecutiveFailures > 0 ? `${s.consecutiveFailures} failed attempts in a row. ` : ""}
          Lantern pauses a webhook whose last 10 attempts or more all failed over at least a day, and mails the admins.
        </p>
        <div className="row-actions">
          {s.status === "active" ? intent("test", "Send a test event", "button") : null}
          {s.status === "active" ? intent("pause", "Pause") : intent("resume", "Resume", "button")}
          {intent("rotate", "Rotate signing secret")}
          {intent("delete", "Delete webhook", "button danger")}
        </div>
      </section>
      <section className="card" aria-labelledby="log-h">
        <h2 id="log-h">Delivery log</h2>
        <DeliveryLog attempts={log.attempts} waiting={log.waiting} />
      </section>
      <section className="card" aria-labelledby="events-h">
        <h2 id="events-h">Events</h2>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="events" />
          <div className="field">
            <label htmlFor="webhook-description">Description (optional)</label>
            <input id="webhook-description" name="description" type="text" maxLength={200} defaultValue={s.description ?? ""} />
          </div>
          <EventChoices chosen={s.events} error={errors.events} idPrefix="edit" />
          <button type="submit" className="button" disabled={busy}>
            Save events
          </button>
        </Form>
      </section>
      <VerifySnippet />
    </main>
  );
}
