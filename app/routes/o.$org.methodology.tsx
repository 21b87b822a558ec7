// "How Lantern scores risk": the risk model in plain words for everyone who reads scores, with this
// organization's weights, bands, validity and country overrides, and the editions of the data used.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireOrg } from "~/lib/auth.server";
import { can } from "~/domain/permissions";
import { NO_TIP_DATA_SCORE, tipTier } from "~/domain/risk/inherent";
import { PRINCIPLES } from "~/domain/questionnaire/types";
import { translator } from "~/domain/questionnaire/i18n";
import { loadReferenceData } from "~/models/risk.server";
import { currentMethodology, INLINE_LIMIT } from "~/services/risk.server";
import { countryName } from "~/domain/country";
import { formatDateTime } from "~/components/format";
import { DataSources, summarizeReference } from "~/components/methodology-sources";
import { OverrideList } from "~/components/methodology-summary";
import {
  ControlsSection,
  FlagsSection,
  InherentSection,
  RecomputeSection,
  ResidualSection,
  ScoreSection,
  TiersSection,
} from "~/components/methodology-explainer";
import { useOrg } from "./o.$org";
import { ModelSection } from "~/components/methodology-v2";

export const meta: MetaFunction = () => [{ title: "How Lantern scores risk — Lantern" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { org, role } = await requireOrg(request, context, params.org, "risk.view");
  const [current, ref] = await Promise.all([currentMethodology(context.db, org.id), loadReferenceData(context.db)]);
  const summary = summarizeReference(ref);
  const overrides = Object.entries(current.config.countryOverrides).sort(([a], [b]) => (a < b ? -1 : 1));
  const named = new Set([...overrides.map(([iso2]) => iso2), ...summary.tip.older.map((o) => o.iso2)]);
  const tip = Object.fromEntries(
    overrides.map(([iso2]) => {
      const p = ref.tip.get(iso2);
      const t = tipTier(p?.tier);
      return [iso2, { tier: t?.label ?? null, year: t && p ? p.year : null, score: t?.score ?? NO_TIP_DATA_SCORE }];
    }),
  );
  const t = translator("en");
  return json({
    canEdit: can(role, "methodology.edit"),
    current,
    overrides,
    tip,
    summary,
    countryNames: Object.fromEntries([...named].map((iso2) => [iso2, countryName(iso2)])),
    principleLabels: Object.fromEntries(PRINCIPLES.map((p) => [p, t(`principle.${p}`)])),
    inlineLimit: INLINE_LIMIT,
  });
}

export default function Methodology() {
  const { canEdit, current, overrides, tip, summary, countryNames, principleLabels, inlineLimit } = useLoaderData<typeof loader>();
  const { org } = useOrg();
  const settings = `/o/${org.slug}/settings/methodology`;
  return (
    <main className="page methodology-page methodology-explainer">
      <div className="page-head">
        <div>
          <h1>How Lantern scores risk</h1>
          <p className="muted">
            Risk model {current.config.model}, methodology version {current.version}
            {current.createdAt
              ? ` (saved ${formatDateTime(current.createdAt)}${current.createdBy ? ` by ${current.createdBy}` : ""})`
              : " (the model's defaults)"}
            , data {summary.edition}.
          </p>
        </div>
        <div className="actions">
          <Link to={settings} className={canEdit ? "button secondary" : "button link"}>
            {canEdit ? "Change the methodology" : "Settings and version history"}
          </Link>
        </div>
      </div>
      <nav aria-label="On this page" className="methodology-toc">
        <a href="#score">The score</a> · <a href="#model">Model {current.config.model}</a> · <a href="#inherent">Inherent risk</a> ·{" "}
        <a href="#controls">Controls</a> · <a href="#residual">Residual risk</a> · <a href="#flags">Red flags</a> ·{" "}
        <a href="#tiers">Suppliers&apos; suppliers</a> · <a href="#recompute">Recomputing</a> · <a href="#overrides">Overrides</a> ·{" "}
        <a href="#sources">Data sources</a>
      </nav>
      <ScoreSection config={current.config} />
      <ModelSection config={current.config} />
      <InherentSection config={current.config} tip={summary.tip} />
      <ControlsSection config={current.config} principleLabels={principleLabels} />
      <ResidualSection />
      <FlagsSection />
      <TiersSection />
      <RecomputeSection inlineLimit={inlineLimit} />
      <section aria-labelledby="overrides-h" className="methodology-section" id="overrides">
        <h2 id="overrides-h">Country overrides in force</h2>
        <p>
          Where your organization replaced the country risk from the TIP report with its own value. Each supplier in these countries shows
          the override and its reason in its breakdown.
        </p>
        <OverrideList overrides={overrides} countryNames={countryNames} tip={tip} />
      </section>
      <DataSources summary={summary} countryNames={countryNames} />
    </main>
  );
}
