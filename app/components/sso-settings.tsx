// The sections of the single sign-on settings page: identity provider, email domains, requirement.
import { Form } from "@remix-run/react";
import { ROLE_LABELS, ROLES, type Role } from "~/domain/permissions";
import { DOMAIN_PROOF_MAILBOXES } from "~/domain/sso/sso";

type Errors = Record<string, string> | undefined;

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p className="field-error" id={id} role="alert">
      {message}
    </p>
  ) : null;
}

export interface ProviderView {
  issuer: string;
  clientId: string;
  defaultRole: Role;
  secretSealed: boolean;
  secretReadable: boolean;
}

export function ProviderSection({
  config,
  redirectUri,
  errors,
  busy,
}: {
  config: ProviderView | null;
  redirectUri: string;
  errors: Errors;
  busy: boolean;
}) {
  return (
    <section className="card" aria-labelledby="idp-h">
      <h2 id="idp-h">Identity provider</h2>
      <p>
        Register Lantern as a web application (OpenID Connect) at your identity provider (Microsoft Entra ID, Okta, Google Workspace…) with
        this redirect address, then copy its issuer, client id and client secret here.
      </p>
      <p>
        Redirect address: <code data-testid="redirect-uri">{redirectUri}</code>
      </p>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="save-config" />
        <div className="field">
          <label htmlFor="sso-issuer">Issuer address</label>
          <input
            id="sso-issuer"
            name="issuer"
            type="url"
            defaultValue={config?.issuer ?? ""}
            placeholder="https://login.example.com/"
            aria-describedby="sso-issuer-error"
            aria-invalid={errors?.issuer ? true : undefined}
          />
          <FieldError id="sso-issuer-error" message={errors?.issuer} />
        </div>
        <div className="field">
          <label htmlFor="sso-client-id">Client id</label>
          <input
            id="sso-client-id"
            name="clientId"
            defaultValue={config?.clientId ?? ""}
            autoComplete="off"
            aria-describedby="sso-client-id-error"
            aria-invalid={errors?.clientId ? true : undefined}
          />
          <FieldError id="sso-client-id-error" message={errors?.clientId} />
        </div>
        <div className="field">
          <label htmlFor="sso-client-secret">Client secret</label>
          <input
            id="sso-client-secret"
            name="clientSecret"
            type="password"
            autoComplete="new-password"
            aria-describedby="sso-secret-hint sso-client-secret-error"
            aria-invalid={errors?.clientSecret ? true : undefined}
          />
          <p className="hint" id="sso-secret-hint">
            {config
              ? `A secret is stored${config.secretSealed ? " (encrypted)" : ""} and never shown again. Leave this empty to keep it.`
              : "Stored encrypted when the server has a SECRET_KEY, and never shown again."}
            {config && !config.secretReadable ? " The stored secret cannot be read any more: enter it again." : ""}
          </p>
          <FieldError id="sso-client-secret-error" message={errors?.clientSecret} />
        </div>
        <div className="field">
          <label htmlFor="sso-role">Role of people who sign in for the first time</label>
          <select id="sso-role" name="defaultRole" defaultValue={config?.defaultRole ?? "executive"}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            Save identity provider
          </button>
        </div>
      </Form>
      {config ? (
        <Form method="post">
          <input type="hidden" name="intent" value="test-config" />
          <button type="submit" className="button secondary" disabled={busy}>
            Test the connection
          </button>
        </Form>
      ) : null}
    </section>
  );
}

export interface DomainView {
  id: number;
  domain: string;
  verifiedAt: string | null;
  verifiedBy: string | null;
  mailSentUntil: string | null;
  recordName: string;
  recordValue: string;
}

function UnverifiedDomain({ d, busy }: { d: DomainView; busy: boolean }) {
  return (
    <div className="stack">
      <p>Prove that you own it in one of two ways. Either publish this DNS TXT record, then check it:</p>
      <dl>
        <dt>Name</dt>
        <dd>
          <code>{d.recordName}</code>
        </dd>
        <dt>Value</dt>
        <dd>
          <code>{d.recordValue}</code>
        </dd>
      </dl>
      <Form method="post">
        <input type="hidden" name="intent" value="check-dns" />
        <input type="hidden" name="domainId" value={d.id} />
        <button type="submit" className="button secondary" disabled={busy}>
          Check the DNS record of {d.domain}
        </button>
      </Form>
      <p>Or send a confirmation link to a mailbox that only the domain&apos;s administrators read:</p>
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="mail-domain" />
        <input type="hidden" name="domainId" value={d.id} />
        <label htmlFor={`mailbox-${d.id}`}>Mailbox</label>
        <select id={`mailbox-${d.id}`} name="mailbox" defaultValue="postmaster">
          {DOMAIN_PROOF_MAILBOXES.map((m) => (
            <option key={m} value={m}>
              {m}@{d.domain}
            </option>
          ))}
        </select>
        <button type="submit" className="button secondary" disabled={busy}>
          Send the confirmation link
        </button>
      </Form>
      {d.mailSentUntil ? (
        <p className="muted">A confirmation link was sent; it works until {d.mailSentUntil.slice(0, 16).replace("T", " ")} UTC.</p>
      ) : null}
    </div>
  );
}

export function DomainsSection({ domains, errors, busy }: { domains: DomainView[]; errors: Errors; busy: boolean }) {
  return (
    <section className="card" aria-labelledby="domains-h">
      <h2 id="domains-h">Email domains</h2>
      <p>Only people whose email address is at a verified domain can sign in through your identity provider.</p>
      {domains.length === 0 ? <p className="muted">No domain yet.</p> : null}
      <ul className="stack plain-list">
        {domains.map((d) => (
          <li key={d.id} className="card inset">
            <h3>
              {d.domain}{" "}
              <span className={d.verifiedAt ? "badge ok" : "badge"}>
                {d.verifiedAt ? `Verified (${d.verifiedBy === "dns" ? "DNS" : "mail"})` : "Not verified"}
              </span>
            </h3>
            {d.verifiedAt ? null : <UnverifiedDomain d={d} busy={busy} />}
            <Form method="post">
              <input type="hidden" name="intent" value="remove-domain" />
              <input type="hidden" name="domainId" value={d.id} />
              <button type="submit" className="button danger small" disabled={busy}>
                Remove {d.domain}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="add-domain" />
        <div className="field">
          <label htmlFor="sso-domain">Add a domain</label>
          <input
            id="sso-domain"
            name="domain"
            placeholder="example.com"
            aria-describedby="sso-domain-error"
            aria-invalid={errors?.domain ? true : undefined}
          />
          <FieldError id="sso-domain-error" message={errors?.domain} />
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            Add domain
          </button>
        </div>
      </Form>
    </section>
  );
}

export function RequireSection(p: {
  requireSso: boolean;
  breakGlassUserId: number | null;
  admins: Array<{ userId: number; name: string; email: string }>;
  errors: Errors;
  busy: boolean;
}) {
  return (
    <section className="card" aria-labelledby="require-h">
      <h2 id="require-h">Require single sign-on</h2>
      <p>
        When required, everyone in this organisation must sign in through your identity provider, except one break-glass admin who keeps a
        password for when the identity provider is down. Turning it on logs everyone else out of their password sessions at once.
      </p>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="require" />
        <fieldset className="field">
          <legend>Single sign-on is</legend>
          <label className="radio">
            <input type="radio" name="requireSso" value="off" defaultChecked={!p.requireSso} /> optional (passwords still work)
          </label>
          <label className="radio">
            <input type="radio" name="requireSso" value="on" defaultChecked={p.requireSso} /> required for everyone but the break-glass
            admin
          </label>
        </fieldset>
        <div className="field">
          <label htmlFor="sso-break-glass">Break-glass admin</label>
          <select
            id="sso-break-glass"
            name="breakGlassUserId"
            defaultValue={p.breakGlassUserId ?? ""}
            aria-describedby="sso-break-glass-error"
          >
            <option value="">Choose an admin</option>
            {p.admins.map((a) => (
              <option key={a.userId} value={a.userId}>
                {a.name} ({a.email})
              </option>
            ))}
          </select>
          <FieldError id="sso-break-glass-error" message={p.errors?.breakGlassUserId} />
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={p.busy}>
            Save requirement
          </button>
        </div>
      </Form>
    </section>
  );
}
