// The data sources of the risk model and their editions, as the methodology page shows them. The
// figures (years, counts) are read from the reference data in the database; the licences and known
// gaps restate db/seed/SOURCES.md in plain words.
import type { ReferenceData } from "~/domain/risk/types";
import { NO_TIP_DATA_SCORE, TIP_TIER_SCORES } from "~/domain/risk/inherent";

export interface ReferenceSummary {
  edition: string;
  tip: {
    latestYear: number;
    countries: number;
    inLatestYear: number;
    /** Countries whose latest placement is older than the latest report, oldest first. */
    older: Array<{ iso2: string; year: number }>;
    byTier: Array<{ tier: string; score: number; countries: number }>;
  };
  tvpra: { latestYear: number; entries: number; countries: number; forced: number; childOnly: number; unflagged: number };
}

/** Counts and years of the reference data (pure; the loader calls it on loadReferenceData's result). */
export function summarizeReference(ref: ReferenceData): ReferenceSummary {
  const placements = [...ref.tip.values()];
  const latestYear = Math.max(0, ...placements.map((p) => p.year));
  const older = placements
    .filter((p) => p.year < latestYear)
    .map((p) => ({ iso2: p.iso2, year: p.year }))
    .sort((a, b) => a.year - b.year || (a.iso2 < b.iso2 ? -1 : 1));
  const byTier = Object.entries(TIP_TIER_SCORES).map(([tier, score]) => ({
    tier,
    score,
    countries: placements.filter((p) => p.tier === tier).length,
  }));
  const goods = ref.goods;
  return {
    edition: ref.edition,
    tip: { latestYear, countries: placements.length, inLatestYear: placements.length - older.length, older, byTier },
    tvpra: {
      latestYear: Math.max(0, ...goods.map((g) => g.year)),
      entries: goods.length,
      countries: new Set(goods.map((g) => g.iso2)).size,
      forced: goods.filter((g) => g.forcedLabor).length,
      childOnly: goods.filter((g) => g.childLabor && !g.forcedLabor).length,
      unflagged: goods.filter((g) => !g.childLabor && !g.forcedLabor).length,
    },
  };
}

export function DataSources({ summary, countryNames }: { summary: ReferenceSummary; countryNames: Record<string, string> }) {
  const { tip, tvpra } = summary;
  return (
    <section aria-labelledby="sources-h" className="methodology-section" id="sources">
      <h2 id="sources-h">Data sources and their editions</h2>
      <p>
        Every score records the editions it was computed with: <strong className="methodology-edition">{summary.edition}</strong>. When a
        new edition is loaded, every score is recomputed and the old ones stay in each supplier&apos;s history.
      </p>
      <div className="methodology-sources">
        <article className="card">
          <h3 className="h3">US State Department, Trafficking in Persons (TIP) Report</h3>
          <p>
            Each year the report places every government it assesses in a tier by its efforts against trafficking. Lantern uses each
            country&apos;s latest placement: <strong>{tip.countries} countries</strong>, {tip.inLatestYear} of them from the{" "}
            <strong>{tip.latestYear} report</strong>.
          </p>
          {tip.older.length ? (
            <p>
              Older placements still in use:{" "}
              {tip.older.map((o, i) => (
                <span key={o.iso2}>
                  {i > 0 ? ", " : ""}
                  {countryNames[o.iso2] ?? o.iso2} ({o.year})
                </span>
              ))}
              .
            </p>
          ) : null}
          <p className="small">
            <strong>Licence:</strong> a US Government work, in the public domain.
          </p>
          <p className="small">
            <strong>Known gaps:</strong> the lists of the {tip.latestYear} report were put together from public copies, not from the State
            Department&apos;s own table. Most of its Tier 2 placements were worked out by elimination (every assessed country that is on
            none of the other, complete lists), which assumes the report assessed the same countries as two years before; they should be
            checked against the official list when it can be read. Kosovo is stored under the code XK, which is not an ISO code. Countries
            without a placement count as {NO_TIP_DATA_SCORE}. If a placement looks wrong or out of date, an admin can override that
            country&apos;s risk, with a reason.
          </p>
        </article>
        <article className="card">
          <h3 className="h3">US Department of Labor, List of Goods Produced by Child Labor or Forced Labor (TVPRA list)</h3>
          <p>
            Goods, by country, that the Department has reason to believe are made with child labour or forced labour. Lantern uses the{" "}
            <strong>{tvpra.latestYear} edition</strong>: <strong>{tvpra.entries} entries</strong> (a good in a country) from{" "}
            {tvpra.countries} countries and areas; {tvpra.forced} of them for forced labour and {tvpra.childOnly} for child labour only.
          </p>
          <p className="small">
            <strong>Licence:</strong> a US Government work, in the public domain.
          </p>
          <p className="small">
            <strong>Known gaps:</strong>{" "}
            {tvpra.latestYear < 2024
              ? "The Department has published a newer edition (2024, with more goods and countries and a few removals); " +
                "no machine-readable copy of it was available, so it is not loaded yet. "
              : null}
            {tvpra.unflagged > 0
              ? `${tvpra.unflagged} entries are on the list only as "downstream" goods ` +
                "(made from a listed input, such as solar wafers from listed polysilicon); " +
                "they carry no child- or forced-labour mark of their own, so the model scores them like goods that are not listed. " +
                "An admin who considers them a risk can raise the country's risk with an override. "
              : null}
            Goods are matched by name, so a supplier&apos;s goods should use the list&apos;s names (the supplier form suggests them).
          </p>
        </article>
        <article className="card">
          <h3 className="h3">Not used, on purpose</h3>
          <p className="small">
            The Walk Free Global Slavery Index and OpenSanctions data are not shipped: their terms do not allow redistribution in a
            commercial product. The US Department of Homeland Security&apos;s UFLPA Entity List is not shipped either, because no complete
            copy could be verified, and a partial screening list would make missing companies look clean.
          </p>
        </article>
      </div>
    </section>
  );
}
