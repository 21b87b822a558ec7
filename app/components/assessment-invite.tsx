// "Invite the supplier": send (or resend: a new token, the old link dies) the questionnaire link,
// list every link with its dates, revoke the live one.
import { Form } from "@remix-run/react";
import { LanguageSelect, languageLabel } from "./language-select";
import { SUPPORTED_LOCALES } from "~/domain/questionnaire/i18n/locale";
import { InviteSchema } from "~/schemas/assessment";
import { Field, SubmitButton, useZodForm } from "./forms";
import { formatDate, formatDateTime } from "./format";

export interface InviteRow {
  id: number;
  email: string;
  language: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

function linkState(i: InviteRow, now: string): string {
  if (i.revoked_at) return `Revoked ${formatDate(i.revoked_at)}`;
  if (i.expires_at <= now) return "Expired";
  return "Active";
}

export function InviteCard({
  invites,
  defaultEmail,
  defaultLanguage,
  canSend,
  now,
  busy,
}: {
  invites: InviteRow[];
  defaultEmail: string;
  defaultLanguage: string;
  canSend: boolean;
  now: string;
  busy: boolean;
}) {
  const live = invites.some((i) => !i.revoked_at && i.expires_at > now);
  const language = (SUPPORTED_LOCALES as readonly string[]).includes(defaultLanguage)
    ? (defaultLanguage as (typeof SUPPORTED_LOCALES)[number])
    : "en";
  const {
    form,
    onSubmit,
    errorFor,
    busy: sending,
  } = useZodForm(InviteSchema, { defaultValues: { intent: "invite", email: defaultEmail, language } });
  return (
    <section className="card" aria-labelledby="invite-h">
      <h2 id="invite-h">Invite the supplier</h2>
      {canSend ? (
        <Form method="post" noValidate onSubmit={onSubmit} className="asm-invite-form" preventScrollReset>
          <p className="muted small">
            The supplier's contact gets a personal link to answer in their language, without an account. The link is valid for 30 days.
            {live ? " Resending mails a new link; the current one stops working." : ""}
          </p>
          <input type="hidden" {...form.register("intent")} />
          <div className="asm-invite-fields">
            <Field label="Email" type="email" autoComplete="off" registration={form.register("email")} error={errorFor("email")} />
            <LanguageSelect label="Language" registration={form.register("language")} />
            <SubmitButton busy={sending || busy}>{live ? "Resend" : "Send invitation"}</SubmitButton>
          </div>
        </Form>
      ) : (
        <p className="muted">This assessment is approved: no new link can be sent. Start a new assessment to ask again.</p>
      )}
      {invites.length ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Links sent">
          <table className="table asm-links">
            <caption className="sr-only">Links sent</caption>
            <thead>
              <tr>
                <th scope="col">Sent to</th>
                <th scope="col">Language</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Status</th>
                <th scope="col">Last used</th>
              </tr>
            </thead>
            <tbody>
              {invites.map((i) => (
                <tr key={i.id}>
                  <td>{i.email}</td>
                  <td>{languageLabel(i.language)}</td>
                  <td className="nowrap">{formatDateTime(i.created_at)}</td>
                  <td className="nowrap">{formatDate(i.expires_at)}</td>
                  <td className="nowrap">{linkState(i, now)}</td>
                  <td className="nowrap">{i.last_used_at ? formatDateTime(i.last_used_at) : <span className="muted">never</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted small">No link has been sent yet.</p>
      )}
      {live ? (
        <Form method="post" preventScrollReset className="asm-revoke">
          <input type="hidden" name="intent" value="revoke" />
          <button type="submit" className="button small danger" disabled={busy}>
            Revoke the link
          </button>{" "}
          <span className="muted small">The supplier can no longer open the questionnaire until you send a new link.</span>
        </Form>
      ) : null}
    </section>
  );
}
