// The dashboard's headline figures: suppliers by tier, the share assessed, high/critical risk, open
// red flags, overdue assessments and open corrective actions. Each leads to the matching list when
// the reader may open it.
import { formatInt } from "./format";
import { Link } from "@remix-run/react";
import { headlineFigures, type HeadlineKey } from "~/domain/report/figures";
import { supplierListHref } from "~/domain/report/links";
import type { DashboardData } from "~/domain/report/types";

export interface HeadlineLinks {
  slug: string;
  suppliers: boolean;
  assessments: boolean;
  actions: boolean;
}

function hrefOf(key: HeadlineKey, d: DashboardData, l: HeadlineLinks): string | null {
  const base = `/o/${l.slug}`;
  switch (key) {
    case "suppliers":
      return l.suppliers ? supplierListHref(l.slug, d.filter) : null;
    case "assessed":
      return l.assessments ? `${base}/assessments?status=approved` : null;
    case "high-critical":
      return null; // two bands: its detail line links to each
    case "red-flags":
      return l.actions ? `${base}/actions?source=red_flag` : null;
    case "overdue-assessments":
      return l.assessments ? `${base}/assessments` : null;
    case "actions":
      return l.actions ? `${base}/actions${d.actions.overdue ? "?overdue=1" : ""}` : null;
  }
}

export function DashboardHeadline({ data, links }: { data: DashboardData; links: HeadlineLinks | null }) {
  const figures = headlineFigures(data);
  return (
    <dl className="dash-stats" aria-label="Headline figures">
      {figures.map((f) => {
        const href = links ? hrefOf(f.key, data, links) : null;
        return (
          <div key={f.key} className={`dash-stat${f.alert ? " alert-figure" : ""}`} data-figure={f.key}>
            <dt>{f.label}</dt>
            <dd className="dash-stat-value">{href ? <Link to={href}>{f.display}</Link> : f.display}</dd>
            <dd className="dash-stat-detail">
              {f.key === "high-critical" && links?.suppliers ? (
                <>
                  <Link to={supplierListHref(links.slug, data.filter, { band: "critical" })}>
                    {formatInt(data.summary.bands.critical)} critical
                  </Link>
                  {" · "}
                  <Link to={supplierListHref(links.slug, data.filter, { band: "high" })}>{formatInt(data.summary.bands.high)} high</Link>
                </>
              ) : (
                f.detail
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
