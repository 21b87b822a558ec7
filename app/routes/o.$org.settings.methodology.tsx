// Methodology settings: admins change weights, band thresholds, validity and country overrides,
// preview how many suppliers would change band, and save a new version (audited; every score is
// recomputed). Roles that read risk see the current values and the history, without any control.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { requireOrg } from "~/lib/auth.server";
import { formObject, STATUS_OF, zodFieldErrors } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import type { Failure } from "~/domain/result";
import type { MethodologyProblem } from "~/domain/risk";
import type { Toast } from "~/schemas/toast";
import { can } from "~/domain/permissions";
import { PRINCIPLES } from "~/domain/questionnaire/types";
import { translator } from "~/domain/questionnaire/i18n";
import { methodologyFormValues, methodologySchema, nestFormValues, problemFieldErrors } from "~/schemas/methodology";
import { knownCountries } from "~/models/supplier.server";
import { methodologyHistory } from "~/models/risk.server";
import { activeJobs } from "~/models/risk-jobs.server";
import { currentMethodology, type CurrentMethodology, type RecomputeOutcome } from "~/services/risk.server";
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
  type PreviewData,
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
  /** Another admin saved since the form was loaded: their version, so the admin can decide. */
  conflict?: CurrentMethodology;
};

/** The toast after a save: the new version and what happened to the scores. */
function savedToast(version: number, outcome: RecomputeOutcome | null): Toast {
  const saved = `Saved as version ${version}.`;
  if (!outcome) {
    const later = "The scores could not be recomputed just now; they still follow the previous version until the next recompute.";
    return { kind: "info", message: `${saved} ${later}` };
  }
  if ("queued" in outcome) {
    const job = `Scores are being recomputed in the background (job #${outcome.queued})`;
    const later = `${job}; the supplier list shows the new scores as they are written.`;
    return { kind: "success", message: `${saved} ${later}` };
  }
  const { computed, changed } = outcome.inline;
  const now = `Scores were recomputed now: ${computed} ${computed === 1 ? "supplier" : "suppliers"}, ${changed} with a new score.`;
  return { kind: "success", message: `${saved} ${now}` };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = await requireOrg(request, context, params.org, "methodology.edit");
  const [form, countries] = await Promise.all([formObject(request), knownCountries(context.db)]);
  const parsed = methodologySchema(countries.map((c) => c.iso2)).safeParse(nestFormValues(form));
  if (!parsed.success) return json<ActionData>({ fieldErrors: zodFieldErrors(parsed.error) }, { status: 400 });
  const { intent, baseVersion, config, note } = parsed.data;
  const rows = Object.keys(config.countryOverrides).map((iso2) => ({ iso2 }));
  const refused = (r: Failure<{ problems: MethodologyProblem[] } | { newer: CurrentMethodology }>) =>
    json<ActionData>(
      r.detail && "newer" in r.detail ? { conflict: r.detail.newer } : { fieldErrors: problemFieldErrors(r.detail?.problems ?? [], rows) },
      { status: STATUS_OF[r.kind] },
    );

  if (intent === "preview") {
    const r = await previewMethodology(context.db, id.org.id, config);
    if (!r.ok) return refused(r);
    if (r.value.kind === "queued") return json<ActionData>({ previewJob: r.value.jobId });
    const { computed, moved, moves } = r.value;
    return json<ActionData>({ preview: { computed, moved, moves } });
  }
  const actor = { userId: id.user.userId, email: id.user.email };
  const r = await saveMethodology(context.db, id.org.id, actor, { config, note, baseVersion }, context.clientIp);
  if (!r.ok) return refused(r);
  return redirectWithToast(`/o/${id.org.slug}/settings/methodology`, savedToast(r.value.version, r.value.outcome));
}

export default function MethodologySettings() {
  const { canEdit, current, history, countries, countryNames, principleLabels, jobs } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { org } = useOrg();
  // A new form after each save only: a save redirects here (no action data) with a new version. A
  // preview or a refusal that follows keeps what the admin typed.
  const [formKey, setFormKey] = useState(`v${current.version}`);
  const wantedKey = result ? formKey : `v${current.version}`;
  if (wantedKey !== formKey) setFormKey(wantedKey);
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
      <RecomputeProgress jobs={jobs} />
      {current.config.model === "v1" ? (
        <div className="alert note">
          <strong>This organisation scores with risk model v1</strong>, where a supplier&apos;s own answers count in full.{" "}
          {canEdit
            ? "To move to model v2, choose v2 under Risk model below, preview which suppliers change band, and save."
            : "An admin can move it to model v2 here after previewing which suppliers change band."}
        </div>
      ) : null}

      {canEdit ? (
        // After a save the form starts again from what was saved. After a refused save (409) it
        // keeps the admin's values, now based on the newer version, so saving again is deliberate.
        <MethodologyForm
          key={formKey}
          defaults={methodologyFormValues(current.config, current.version)}
          countries={countries}
          baseVersion={result?.conflict?.version ?? current.version}
          principleLabels={principleLabels}
          server={result}
          notice={
            result?.conflict ? (
              <ConflictNote theirs={result.conflict} principleLabels={principleLabels} countryNames={countryNames} />
            ) : null
          }
        >
          {result?.preview ? <BandMoves preview={result.preview} orgSlug={org.slug} /> : null}
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
