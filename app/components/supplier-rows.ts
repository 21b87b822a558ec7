// The supplier list's rows: compact in the loader's data, and rendered as one HTML string.
//
// Why not JSX: a page of 50–200 rows is ~15 elements a row, and rendering them one React element at
// a time was the largest part of the list page's cost after the database (the page must serve as many
// requests as possible at 100,000 suppliers). The markup is the same the JSX rendered: links, badges
// (the same class/text definitions as <TierBadge>, <StatusBadge>, <RiskBadge>), cell classes. Every
// value goes through escapeHtml. The links are plain <a data-discover> elements: the page navigates
// them client-side with one delegated handler (delegated-links.ts).
import { escapeHtml, spanHtml } from "./html-string";
import { riskBadgeHtml } from "./risk-badge";
import { statusBadge, tierBadge } from "./supplier-display";

/**
 * One supplier of the list as the loader sends it: a tuple, because the rows travel twice (the
 * loader's JSON, then the page's hydration data) and names would be most of their bytes.
 */
export type SupplierListRow = [
  id: number,
  name: string,
  externalRef: string | null,
  country: string,
  city: string | null,
  sector: string | null,
  tier: number | null,
  status: string,
  /** Annual spend, formatted on the server ("USD 1,250,000"), "" when unknown. */
  spend: string,
  riskScore: number | null,
  riskBand: string | null,
];

/** The <tr> elements of the list's table body. `countryNames` maps ISO codes to the names shown. */
export function supplierRowsHtml(rows: readonly SupplierListRow[], base: string, countryNames: ReadonlyMap<string, string>): string {
  let html = "";
  for (const [id, name, ref, country, city, sector, tier, status, spend, riskScore, riskBand] of rows) {
    const t = tierBadge(tier);
    const s = statusBadge(status);
    html +=
      `<tr><td><a href="${escapeHtml(`${base}/${id}`)}" data-discover="true">${escapeHtml(name)}</a></td>` +
      `<td class="nowrap">${escapeHtml(ref ?? "")}</td>` +
      `<td>${escapeHtml(countryNames.get(country) ?? country)}</td>` +
      `<td>${escapeHtml(city ?? "")}</td>` +
      `<td class="nowrap">${spanHtml(t.className, t.text)}</td>` +
      `<td>${escapeHtml(sector ?? "")}</td>` +
      `<td>${spanHtml(s.className, s.text)}</td>` +
      `<td class="risk">${riskBadgeHtml({ band: riskBand, score: riskScore })}</td>` +
      `<td class="num nowrap">${escapeHtml(spend)}</td></tr>`;
  }
  return html;
}
