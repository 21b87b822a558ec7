import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireOrg } from "../lib/auth.server";
import { listOrgOutbox } from "../models/outbox.server";
import { smtpConfigured } from "../lib/mail.server";
import { formatDateTime } from "../components/format";

export const meta: MetaFunction = () => [{ title: "Outbox — Lantern" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { org } = await requireOrg(request, context, params.org, "outbox.view");
  const mails = await listOrgOutbox(context.db, org.id, 100);
  return json({ mails, smtp: smtpConfigured() });
}

// Mail that mentions links is rendered as text with clickable URLs, never as HTML.
function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s]+)/g);
  return (
    <pre className="mail-body">
      {parts.map((p, i) =>
        /^https?:\/\//.test(p) ? (
          <a key={i} href={p} rel="noreferrer">
            {p}
          </a>
        ) : (
          <span key={i}>{p}</span>
        ),
      )}
    </pre>
  );
}

export default function Outbox() {
  const { mails, smtp } = useLoaderData<typeof loader>();
  return (
    <main className="page">
      <h1>Outbox</h1>
      <p className="muted">
        {smtp
          ? "Mail this organization sent, and its delivery status."
          : "No mail server is configured (SMTP_URL), so mail is kept here instead of being sent. Copy a link to pass it on."}
      </p>
      {mails.length === 0 ? <p>No mail yet.</p> : null}
      {mails.map((m) => (
        <article key={m.id} className="card mail" aria-label={m.subject}>
          <header>
            <h2 className="h3">{m.subject}</h2>
            <p className="muted small">
              To {m.to_address} · {formatDateTime(m.created_at)} ·{" "}
              {m.sent_at ? `sent ${formatDateTime(m.sent_at)}` : m.last_error ? `not sent: ${m.last_error}` : smtp ? "queued" : "not sent (no mail server)"}
            </p>
          </header>
          <Linkified text={m.body_text} />
        </article>
      ))}
    </main>
  );
}
