// Single sign-on settings (admins): the identity provider, the verified email domains, and whether
// single sign-on is required. Every change is audited (app/services/sso-settings.server.ts).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireOrg } from "~/lib/auth.server";
import { formObject, problemResponse, zodFieldErrors } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { SsoActionSchema, type SsoAction } from "~/schemas/sso";
import type { OrgIdentity } from "~/lib/auth.server";
import type { AppLoadContext } from "@remix-run/node";
import {
  addDomain,
  checkDomainDns,
  mailDomainProof,
  removeDomain,
  saveSsoConfig,
  setSsoRequired,
  ssoSettingsPage,
  testSsoConfig,
} from "~/services/sso-settings.server";
import { DomainsSection, ProviderSection, RequireSection } from "~/components/sso-settings";

export const meta: MetaFunction = () => [{ title: "Single sign-on — Lantern" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = await requireOrg(request, context, params.org, "integrations.manage");
  return json(await ssoSettingsPage(context.db, id));
}

/** One service call per intent; the answer is the toast shown after the redirect. */
async function run(context: AppLoadContext, id: OrgIdentity, a: SsoAction) {
  const db = context.db;
  const ip = context.clientIp;
  switch (a.intent) {
    case "save-config":
      return { r: await saveSsoConfig(db, id, a, ip), done: "Identity provider saved." };
    case "test-config": {
      const r = await testSsoConfig(db, id);
      return { r, done: r.ok ? `Connection works: the identity provider answered as ${r.value.issuer}.` : "" };
    }
    case "add-domain":
      return { r: await addDomain(db, id, a.domain, ip), done: `${a.domain} added. Now prove that you own it.` };
    case "check-dns":
      return { r: await checkDomainDns(db, id, a.domainId, ip), done: "The domain is verified." };
    case "mail-domain": {
      const r = await mailDomainProof(db, id, a.domainId, a.mailbox, ip);
      return { r, done: r.ok ? `A confirmation link was sent to ${r.value.to}.` : "" };
    }
    case "remove-domain":
      return { r: await removeDomain(db, id, a.domainId, ip), done: "Domain removed." };
    case "require": {
      const r = await setSsoRequired(db, id, a, ip);
      const n = r.ok ? r.value.sessionsEnded : 0;
      const ended = n === 0 ? "" : n === 1 ? " 1 session was ended." : ` ${n} sessions were ended.`;
      return { r, done: a.requireSso ? `Single sign-on is now required.${ended}` : "Single sign-on is now optional." };
    }
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = await requireOrg(request, context, params.org, "integrations.manage");
  const parsed = SsoActionSchema.safeParse(await formObject(request));
  if (!parsed.success) return json({ fieldErrors: zodFieldErrors(parsed.error) }, { status: 400 });
  const { r, done } = await run(context, id, parsed.data);
  if (!r.ok) return problemResponse(r);
  return redirectWithToast(`/o/${id.org.slug}/settings/sso`, done);
}

export default function SsoSettingsPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = result && "fieldErrors" in result ? (result.fieldErrors as Record<string, string>) : undefined;
  const formError = result && "formError" in result ? String(result.formError) : null;
  return (
    <main className="page">
      <h1>Single sign-on</h1>
      <p>
        Let your people sign in to Lantern through your organisation&apos;s identity provider (OpenID Connect). New people who sign in this
        way get an account with the role you choose; an existing password account is never joined to single sign-on automatically.
      </p>
      {formError || errors ? (
        <div className="alert error" role="alert">
          {formError ?? "Some fields need attention: see below."}
        </div>
      ) : null}
      <ProviderSection config={page.config} redirectUri={page.redirectUri} errors={errors} busy={busy} />
      <DomainsSection domains={page.domains} errors={errors} busy={busy} />
      {page.config ? (
        <RequireSection
          requireSso={page.config.requireSso}
          breakGlassUserId={page.config.breakGlassUserId}
          admins={page.admins}
          errors={errors}
          busy={busy}
        />
      ) : null}
    </main>
  );
}
