// A site's worker-voice channel: open one (choosing the poster's two languages), see its short link,
// print its poster, and see how many cases are open. Admins and compliance officers only.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CATALOGUES, VOICE_LANGUAGES } from "~/domain/voice/i18n";
import { requireOrg } from "~/lib/auth.server";
import { formObject, notFound, zodFieldErrors } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { isDbId } from "~/schemas/fields";
import { ChannelSchema } from "~/schemas/voice";
import { grievanceList } from "~/services/grievances.server";
import { createChannel, supplierChannels } from "~/services/voice-channels.server";
import { getSupplierName } from "~/services/voice-pages.server";
import { useOrg } from "./o.$org";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Worker voice: ${data?.supplierName ?? ""} — Lantern` }];

function supplierId(raw: string | undefined): number {
  if (!raw || !isDbId(raw)) throw notFound("No such supplier");
  return Number(raw);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "grievances.handle");
  const id = supplierId(params.id);
  const supplierName = await getSupplierName(context.db, ident, id);
  if (supplierName === null) throw notFound("No such supplier");
  const [channels, cases] = await Promise.all([
    supplierChannels(context.db, ident, id),
    grievanceList(context.db, ident, { supplierId: id, open: true }),
  ]);
  return json({
    supplierId: id,
    supplierName,
    channels,
    openCases: cases.map((c) => ({ id: c.id, caseNumber: c.caseNumber, statusLabel: c.statusLabel, categoryLabel: c.categoryLabel })),
    languages: VOICE_LANGUAGES.map((code) => ({ code, name: `${CATALOGUES[code]["lang.name"]} (${code})` })),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "grievances.handle");
  const id = supplierId(params.id);
  // Another organisation's supplier is not found, whatever the form says.
  if ((await getSupplierName(context.db, ident, id)) === null) throw notFound("No such supplier");
  const parsed = ChannelSchema.safeParse(await formObject(request));
  if (!parsed.success) return json({ fieldErrors: zodFieldErrors(parsed.error) }, { status: 400 });
  const r = await createChannel(context.db, ident, id, parsed.data.languages);
  if (!r.ok) throw notFound("No such supplier");
  return redirectWithToast(`/o/${ident.org.slug}/suppliers/${id}/voice`, "Channel opened: print its poster for the site.");
}

export default function SupplierVoice() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const base = `/o/${useOrg().org.slug}`;
  return (
    <main className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={`${base}/suppliers/${d.supplierId}`}>{d.supplierName}</Link>
      </nav>
      <h1>Worker voice: {d.supplierName}</h1>
      <section className="card" aria-labelledby="channels-h">
        <h2 id="channels-h">Reporting channel</h2>
        {d.channels.length === 0 ? <p className="muted">This site has no channel yet.</p> : null}
        <ul className="plain-list">
          {d.channels.map((c) => (
            <li key={c.id}>
              <code>{c.url}</code> · poster in {c.languages.join(" + ")} · <Link to={`${base}/voice/${c.id}/poster`}>Print the poster</Link>
            </li>
          ))}
        </ul>
        <Form method="post" className="stack">
          <fieldset>
            <legend>Open a channel; the poster prints in two languages</legend>
            {d.languages.map((l) => (
              <label key={l.code} className="check">
                <input type="checkbox" name="languages" value={l.code} /> {l.name}
              </label>
            ))}
          </fieldset>
          {result?.fieldErrors?.languages ? (
            <p className="field-error" role="alert">
              {result.fieldErrors.languages}
            </p>
          ) : null}
          <button className="button" type="submit">
            Open a channel
          </button>
        </Form>
      </section>
      <section className="card" aria-labelledby="open-h">
        <h2 id="open-h">Open cases at this site ({d.openCases.length})</h2>
        <ul className="plain-list">
          {d.openCases.map((c) => (
            <li key={c.id}>
              <Link to={`${base}/grievances/${c.id}`}>{c.caseNumber}</Link> — {c.categoryLabel}, {c.statusLabel}
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
