import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireOrg } from "~/lib/auth.server";
import { listOrgOutbox } from "~/models/outbox.server";
import { smtpConfigured } from "~/lib/mail.server";
import { formatDateTime } from "~/components/format";
import { redactLinkTokens } from "~/domain/mail/links";

export const meta: MetaFunction = () => [{ title: "Outbox — Lantern" }];

// Recipients, subjects and delivery status; bodies only with their link tokens removed. A live link
// shown here would let an admin accept an invitation for an address they do not own, or answer as
// the supplier (the officer who invites a supplier copies that link once, on the assessment page).
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { org } = await requireOrg(request, context, params.org, "outbox.view");
  const mails = (await listOrgOutbox(context.db, org.id, 100)).map(({ body_text, ...m }) => ({
    ...m,
    body_text: redactLinkTokens(body_text),
  }));
  return json({ mails, smtp: smtpConfigured() });
}

const NO_SMTP =
  "No mail server is configured (SMTP_URL), so mail is kept here instead of being sent. Links are never shown here: " +
  "an officer who invites a supplier copies the questionnaire link once, on the assessment page, and an admin who " +
  "invites a teammate copies the invitation once, on the Team page.";

export default function Outbox() {
  const { mails, smtp } = useLoaderData<typeof loader>();
  return (
    <main className="page">
      <h1>Outbox</h1>
      <p className="muted">{smtp ? "Mail this organization sent, and its delivery status." : NO_SMTP}</p>
      {mails.length === 0 ? <p>No mail yet.</p> : null}
      {mails.map((m) => (
        <article key={m.id} className="card mail" aria-label={m.subject}>
          <header>
            <h2 className="h3">{m.subject}</h2>
            <p className="muted small">
              To {m.to_address} · {formatDateTime(m.created_at)} ·{" "}
              {m.sent_at
                ? `sent ${formatDateTime(m.sent_at)}`
                : m.last_error
                  ? `not sent: ${m.last_error}`
                  : smtp
                    ? "queued"
                    : "not sent (no mail server)"}
            </p>
          </header>
          <pre className="mail-body">{m.body_text}</pre>
        </article>
      ))}
    </main>
  );
}
