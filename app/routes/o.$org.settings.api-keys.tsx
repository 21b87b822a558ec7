// API keys: an admin creates a key for another system (name, read or read and write, optional
// expiry), copies its secret from this one answer, sees when each key was last used, and revokes
// keys. Only a digest of each secret is stored (decision 0013).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireOrg } from "~/lib/auth.server";
import { formObject, problemResponse, zodFieldErrors } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { ApiKeyCreateSchema, ApiKeyRevokeSchema } from "~/schemas/api-keys";
import { createApiKey, listApiKeys, revokeApiKey } from "~/services/api-keys.server";
import { CopyOnceLink } from "~/components/copy-once-link";
import { formatDateTime } from "~/components/format";
import { nowIso } from "~/lib/time";

export const meta: MetaFunction = () => [{ title: "API keys — Lantern" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { org } = await requireOrg(request, context, params.org, "integrations.manage");
  const keys = await listApiKeys(context.db, org.id);
  return json({ keys, now: nowIso() });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "integrations.manage");
  const form = await formObject(request);
  if (form.intent === "revoke") {
    const input = ApiKeyRevokeSchema.safeParse(form);
    if (!input.success) return json({ formError: "That key could not be found. Reload the page." }, { status: 400 });
    const r = await revokeApiKey(context.db, ident, input.data.keyId, context.clientIp);
    if (!r.ok) return problemResponse(r);
    return redirectWithToast(
      `/o/${ident.org.slug}/settings/api-keys`,
      `The key “${r.value.name}” was revoked: calls with it are refused from now on.`,
    );
  }
  const input = ApiKeyCreateSchema.safeParse(form);
  if (!input.success) return json({ fieldErrors: zodFieldErrors(input.error) }, { status: 400 });
  const r = await createApiKey(context.db, ident, input.data, context.clientIp);
  if (!r.ok) return problemResponse(r);
  return json({ created: { name: input.data.name, secret: r.value.secret } });
}

function statusOf(k: { revokedAt: string | null; expiresAt: string | null }, now: string): string {
  if (k.revokedAt) return `Revoked ${formatDateTime(k.revokedAt)}`;
  if (k.expiresAt && k.expiresAt <= now) return `Expired ${formatDateTime(k.expiresAt)}`;
  return k.expiresAt ? `Active until ${formatDateTime(k.expiresAt)}` : "Active, no expiry";
}

export default function ApiKeysPage() {
  const { keys, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const created = result && "created" in result ? result.created : null;
  const fieldErrors = result && "fieldErrors" in result ? (result.fieldErrors as Record<string, string>) : {};
  const formError = result && "formError" in result ? String(result.formError) : null;
  return (
    <main className="page">
      <h1>API keys</h1>
      <p>
        An API key lets another system, such as your ERP or procurement tool, read and update your suppliers through the{" "}
        <Link to="/api/v1/docs">Lantern API</Link>. Every call is recorded in the audit log under the key&apos;s name.
      </p>
      {created ? (
        <>
          <div className="alert success" role="status">
            The key “{created.name}” was created. Copy it now and store it in the other system&apos;s secret settings: Lantern keeps only a
            fingerprint of it and cannot show it again.
          </div>
          <CopyOnceLink link={created.secret} label="Your new API key" />
        </>
      ) : null}
      {formError ? (
        <div className="alert error" role="alert">
          {formError}
        </div>
      ) : null}
      <section className="card" aria-labelledby="new-key-h">
        <h2 id="new-key-h">Create a key</h2>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="create" />
          <div className="field">
            <label htmlFor="key-name">Name</label>
            <input
              id="key-name"
              name="name"
              maxLength={100}
              required
              aria-describedby="key-name-help"
              aria-invalid={Boolean(fieldErrors.name)}
            />
            <p id="key-name-help" className="small muted">
              The system that will use it, e.g. “SAP supplier sync”. The audit log shows this name.
            </p>
            {fieldErrors.name ? <p className="field-error">{fieldErrors.name}</p> : null}
          </div>
          <fieldset className="field">
            <legend>What may the key do?</legend>
            <label className="checkbox">
              <input type="radio" name="access" value="read" defaultChecked /> Read only: list and read suppliers, risk and actions
            </label>
            <label className="checkbox">
              <input type="radio" name="access" value="write" /> Read and write: also create and update suppliers and start assessments
            </label>
            {fieldErrors.access ? <p className="field-error">{fieldErrors.access}</p> : null}
          </fieldset>
          <div className="field">
            <label htmlFor="key-expiry">Expires on (optional)</label>
            <input id="key-expiry" name="expiresOn" type="date" aria-invalid={Boolean(fieldErrors.expiresOn)} />
            {fieldErrors.expiresOn ? <p className="field-error">{fieldErrors.expiresOn}</p> : null}
          </div>
          <button type="submit" className="button" disabled={busy}>
            Create key
          </button>
        </Form>
      </section>
      <section aria-labelledby="keys-h">
        <h2 id="keys-h">Keys</h2>
        {keys.length === 0 ? (
          <p className="muted">No keys yet.</p>
        ) : (
          <div className="numbers-scroll">
            <table className="table">
              <caption className="sr-only">API keys of this organisation</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Key starts with</th>
                  <th scope="col">Access</th>
                  <th scope="col">Status</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Revoke</th>
                </tr>
              </thead>
              <tbody>
                {keys.map((k) => (
                  <tr key={k.id}>
                    <td>{k.name}</td>
                    <td>
                      <code>{k.prefix}…</code>
                    </td>
                    <td>{k.scopes.includes("write") ? "Read and write" : "Read only"}</td>
                    <td>{statusOf(k, now)}</td>
                    <td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : "Never"}</td>
                    <td>
                      {k.revokedAt ? null : (
                        <Form method="post">
                          <input type="hidden" name="intent" value="revoke" />
                          <input type="hidden" name="keyId" value={k.id} />
                          <button type="submit" className="button small secondary" aria-label={`Revoke the key ${k.name}`}>
                            Revoke
                          </button>
                        </Form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </main>
  );
}
