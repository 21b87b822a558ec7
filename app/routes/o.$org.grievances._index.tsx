// Worker voice for the organisation: counts for everyone (executives: counts only, under 5 as "fewer
// than 5"), and for admins and compliance officers the cases, newest first, repeats folded in.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { formObject, zodFieldErrors } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { RetentionSchema } from "~/schemas/voice";
import { can } from "~/domain/permissions";
import { caseTimers, timerText } from "~/domain/voice/case-status";
import { requireOrg } from "~/lib/auth.server";
import { grievanceList } from "~/services/grievances.server";
import { grievanceCounts, retentionOf, saveRetention } from "~/services/voice-channels.server";
import { GrievanceCountsPanel } from "~/components/voice/grievance-counts";

export const meta: MetaFunction = () => [{ title: "Worker voice — Lantern" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "reports.view");
  const counts = await grievanceCounts(context.db, ident);
  const retention = can(ident.role, "grievances.settings") ? await retentionOf(context.db, ident) : null;
  if (!can(ident.role, "grievances.handle")) return json({ counts, cases: null, retention });
  const open = new URL(request.url).searchParams.get("all") !== "1";
  const now = new Date();
  const cases = (await grievanceList(context.db, ident, { open })).map((c) => ({
    id: c.id,
    caseNumber: c.caseNumber,
    supplierName: c.supplierName,
    categoryLabel: c.categoryLabel,
    statusLabel: c.statusLabel,
    severity: c.severity,
    assigneeName: c.assigneeName,
    repeats: c.repeats,
    receivedAt: c.receivedAt,
    next: caseTimers(c, now).find((t) => t.state !== "done") ?? null,
  }));
  return json({ counts, cases: { open, rows: cases }, retention });
}

/** Admins set how many years a closed case is kept (then it is deleted). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "grievances.settings");
  const parsed = RetentionSchema.safeParse(await formObject(request));
  if (!parsed.success) return json({ fieldErrors: zodFieldErrors(parsed.error), formError: "Please check the form." }, { status: 400 });
  await saveRetention(context.db, ident, parsed.data.years);
  return redirectWithToast(`/o/${ident.org.slug}/grievances`, `Closed cases are now kept ${parsed.data.years} years.`);
}

export default function Grievances() {
  const { counts, cases, retention } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <main className="page">
      <div className="page-head">
        <div>
          <h1>Worker voice</h1>
          <p className="muted">
            Anonymous reports from workers at your suppliers&apos; sites. Each site&apos;s channel and poster are on its supplier page.
          </p>
        </div>
      </div>
      <GrievanceCountsPanel counts={counts} />
      {cases ? (
        <section className="card" aria-labelledby="cases-h">
          <h2 id="cases-h">{cases.open ? "Open cases" : "All cases"}</h2>
          <p>{cases.open ? <Link to="?all=1">Show all cases</Link> : <Link to=".">Show open cases only</Link>}</p>
          {cases.rows.length === 0 ? <p className="muted">No case.</p> : null}
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Grievance cases">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Case</th>
                  <th scope="col">Site</th>
                  <th scope="col">Category</th>
                  <th scope="col">Status</th>
                  <th scope="col">Next deadline</th>
                  <th scope="col">Assigned</th>
                </tr>
              </thead>
              <tbody>
                {cases.rows.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link to={String(c.id)}>{c.caseNumber}</Link>
                      {c.repeats > 0 ? <span className="muted small"> +{c.repeats} similar</span> : null}
                    </td>
                    <td>{c.supplierName}</td>
                    <td>{c.categoryLabel}</td>
                    <td>{c.statusLabel}</td>
                    <td className={c.next?.state === "overdue" ? "danger-text" : undefined}>
                      {c.next ? `${c.next.label}: ${timerText(c.next)}` : "—"}
                    </td>
                    <td>{c.assigneeName ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {retention !== null ? (
        <section className="card" aria-labelledby="retention-h">
          <h2 id="retention-h">Retention</h2>
          <Form method="post" className="stack" key={retention}>
            <div className="field">
              <label htmlFor="years">Years a closed case is kept before it is deleted</label>
              <input id="years" name="years" type="number" min={1} max={30} defaultValue={retention} required />
              {result?.fieldErrors?.years ? <p className="field-error">{result.fieldErrors.years}</p> : null}
            </div>
            <div className="actions">
              <button className="button" type="submit">
                Save retention
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </main>
  );
}
