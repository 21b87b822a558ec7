// Methodology settings: admins change weights, band thresholds, validity and country overrides,
// preview how many suppliers would change band, and save a new version (audited; every score is
// recomputed). Roles that read risk see the current values and the history, without any control.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { requireOrg } from "~/lib/auth.server";
import { badRequest, formObject, zodFieldErrors } from "~/lib/http.server";
import { can } from "~/domain/permissions";
import { PRINCIPLES } from "~/domain/questionnaire/types";
import { translator } from "~/domain/questionnaire/i18n";
import { methodologyFormValues, methodologySchema, nestFormValues, problemFieldErrors } from "~/schemas/methodology";
import { knownCountries } from "~/models/supplier.server";
import { methodologyHistory } from "~/models/risk.server";
import { activeJobs, currentMethodology, type CurrentMethodology } from "~/services/risk.server";
import { previewMethodology, saveMethodology } from "~/services/risk-methodology.server";
import { namedCountries } from "~/components/supplier-form";
import { formatDateTime } from "~/components/format";
import { MethodologyForm } from "~/components/methodology-form";
import {
  BandMoves,
  ConflictNote,
  MethodologyHistory,
  MethodologySummary,
  RecomputeProgress,
  SavedNote,
  type PreviewData,
  type SaveOutcome,
} from "~/components/methodology-summary";
import { useOrg } from "./o.$org";
import { PreviewPoller } from "~/components/methodology-preview-poller";

export const meta: MetaFunction = () => [{ title: "Risk methodology settings — Lantern" }];

function principleLabels(): Record<string, string> {
  const t = translator("en");
  return Object.fromEntries(PRINCIPLES.map((p) => [p, t(`principle.${p}`)]));
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { org, role } = await requireOrg(request, context, params.org, "risk.view");
  const [current, history, countries, jobs] = await Promise.all([
    currentMethodology(context.db, org.id),
    methodologyHistory(context.db, org.id),
    knownCountries(context.db),
    activeJobs(context.db, org.id),
  ]);
  const named = namedCountries(countries);
  return json({
    canEdit: can(role, "methodology.edit"),
    current,
    history,
    countries: named,
    countryNames: Object.fromEntries(named.map((c) => [c.iso2, c.name])),
    principleLabels: principleLabels(),
    jobs: jobs.map((j) => ({ id: j.id, trigger: j.trigger, status: j.status, done: j.progress_done, total: j.progress_total })),
  });
}

type ActionData = {
  fieldErrors?: Record<string, string>;
  formError?: string;
  preview?: PreviewData;
  /** A large tenant's preview runs in the background: the page polls it. */
  previewJob?: number;
  saved?: { version: number; outcome: SaveOutcome };
  conflict?: CurrentMethodology;
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = await requireOrg(request, context, params.org, "methodology.edit");
  const [form, countries] = await Promise.all([formObject(request), knownCountries(context.db)]);
  const parsed = methodologySchema(countries.map((c) => c.iso2)).safeParse(nestFormValues(form));
  if (!parsed.success) return badRequest({ fieldErrors: zodFieldErrors(parsed.error) });
  const { intent, baseVersion, config, note } = parsed.data;
  const rows = Object.keys(config.countryOverrides).map((iso2) => ({ iso2 }));

  if (intent === "preview") {
    const r = await previewMethodology(context.db, id.org.id, config);
    if ("status" in r) return badRequest({ fieldErrors: problemFieldErrors(r.problems, rows) });
    if ("queued" in r) return json<ActionData>({ previewJob: r.queued });
    return json<ActionData>({ preview: { computed: r.computed, moved: r.moved, moves: r.moves } });
  }
  // Another admin may have saved since this form was loaded: refuse (409) rather than overwrite
  // their version with values that never saw it. The unique (org, version) index catches a save
  // that races this check.
  const newer = async () => {
    const cur = await currentMethodology(context.db, id.org.id);
    return cur.version !== baseVersion ? cur : null;
  };
  const stale = await newer();
  if (stale) return json<ActionData>({ conflict: stale }, { status: 409 });
  let r: Awaited<ReturnType<typeof saveMethodology>>;
  try {
    r = await saveMethodology(context.db, id.org.id, { userId: id.user.userId, email: id.user.email }, config, note, context.clientIp);
  } catch (e) {
    const raced = await newer();
    if (raced) return json<ActionData>({ conflict: raced }, { status: 409 });
    throw e;
  }
  if ("status" in r) return badRequest({ fieldErrors: problemFieldErrors(r.problems, rows) });
  const o = r.outcome;
  const outcome: SaveOutcome = !o
    ? { kind: "failed" }
    : "inline" in o
      ? { kind: "inline", computed: o.inline.computed, changed: o.inline.changed }
      : { kind: "queued", jobId: o.queued };
  return json<ActionData>({ saved: { version: r.version, outcome } });
}

export default function MethodologySettings() {
  const { canEdit, current, history, countries, countryNames, principleLabels, jobs } = useLoaderData<typeof loader>();
  const result = useActionData<ActionData>();
  const { org } = useOrg();
  // A new form after each save only (a preview or an error that follows keeps what the admin typed).
  const [formKey, setFormKey] = useState("loaded");
  const savedKey = result?.saved ? `saved-${result.saved.version}` : null;
  if (savedKey && savedKey !== formKey) setFormKey(savedKey);
  return (
    <main className="page methodology-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={`/o/${org.slug}/methodology`}>How Lantern scores risk</Link>
      </nav>
      <h1>Risk methodology settings</h1>
      <p className="methodology-current">
        {current.version === 0 ? (
          <>The model&apos;s defaults apply (version 0): no admin has changed the methodology yet.</>
        ) : (
          <>
            Current: <strong>version {current.version}</strong>, saved {current.createdAt ? formatDateTime(current.createdAt) : "—"} by{" "}
            {current.createdBy ?? "—"}
            {current.note ? <>: &ldquo;{current.note}&rdquo;</> : null}
          </>
        )}
      </p>
      {result?.saved ? <SavedNote version={result.saved.version} outcome={result.saved.outcome} orgSlug={org.slug} /> : null}
      <RecomputeProgress jobs={jobs} />

      {canEdit ? (
        // After a save the form starts again from what was saved. After a refused save (409) it
        // keeps the admin's values, now based on the newer version, so saving again is deliberate.
        <MethodologyForm
          key={formKey}
          defaults={methodologyFormValues(current.config, current.version)}
          countries={countries}
          baseVersion={result?.conflict?.version ?? current.version}
          principleLabels={principleLabels}
          notice={
            result?.conflict ? (
              <ConflictNote theirs={result.conflict} principleLabels={principleLabels} countryNames={countryNames} />
            ) : null
          }
        >
          {result?.preview ? <BandMoves preview={result.preview} /> : null}
          {result?.previewJob ? <PreviewPoller key={result.previewJob} orgSlug={org.slug} jobId={result.previewJob} /> : null}
        </MethodologyForm>
      ) : (
        <section className="card" aria-labelledby="current-h">
          <h2 id="current-h">Current settings</h2>
          <p className="small muted">Only an admin can change these.</p>
          <MethodologySummary config={current.config} principleLabels={principleLabels} countryNames={countryNames} />
        </section>
      )}

      <section aria-labelledby="history-h">
        <h2 id="history-h">Version history</h2>
        <p className="small muted">
          Every saved version is kept; each score records the version it was computed with. The audit log holds each change in full.
        </p>
        <MethodologyHistory history={history} />
      </section>
    </main>
  );
}
