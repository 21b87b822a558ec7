// The supplier list's rows: one row per supplier with its cells in the table's column order, text
// escaped by React, and the same badges as the supplier page.
import { renderToStaticMarkup } from "react-dom/server";
import { StaticRouter } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { RiskBadge } from "./risk-badge";
import { StatusBadge, TierBadge } from "./supplier-display";
import { SupplierRows, type SupplierListItem } from "./supplier-table";

const item = (over: Partial<SupplierListItem>): SupplierListItem => ({
  id: 1,
  name: "Dhaka Knitwear Ltd",
  externalRef: "V-1",
  country: "BD",
  countryName: "Bangladesh",
  city: "Dhaka",
  sector: "Apparel",
  tier: 1,
  status: "active",
  spend: "USD 1,200,000",
  riskScore: 61.9,
  riskBand: "high",
  ...over,
});

function rowsHtml(suppliers: SupplierListItem[]): string {
  return renderToStaticMarkup(
    <StaticRouter location="/o/acme/suppliers">
      <table>
        <SupplierRows suppliers={suppliers} base="/o/acme/suppliers" />
      </table>
    </StaticRouter>,
  );
}

describe("SupplierRows", () => {
  it("renders a row's cells in the table's column order, the name linking to the supplier", () => {
    expect(rowsHtml([item({})])).toBe(
      '<table><tbody><tr><td><a data-discover="true" href="/o/acme/suppliers/1">Dhaka Knitwear Ltd</a></td>' +
        '<td class="nowrap">V-1</td><td>Bangladesh</td><td>Dhaka</td>' +
        '<td class="nowrap"><span class="badge tier tier-1">Tier 1</span></td><td>Apparel</td>' +
        '<td><span class="badge status-active">Active</span></td>' +
        '<td class="risk"><span class="risk-value"><span class="risk-value-score">61.9</span> ' +
        '<span class="badge risk risk-high">High</span></span></td>' +
        '<td class="num nowrap">USD 1,200,000</td></tr></tbody></table>',
    );
  });

  it("escapes every value: no tag or attribute can be injected", () => {
    const html = rowsHtml([
      item({ id: 2, name: `<script>alert("x")</script> & 'Co'`, externalRef: `R"&<>`, countryName: "XX", city: null, sector: null }),
    ]);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;Co&#x27;");
    expect(html).toContain("R&quot;&amp;&lt;&gt;");
    expect(html.match(/<a /g)).toHaveLength(1);
  });

  it("shows empty cells and 'Not scored' for what is unknown, one row per supplier", () => {
    const html = rowsHtml([
      item({ id: 3, externalRef: null, city: null, sector: null, tier: null, spend: "", riskScore: null, riskBand: null }),
      item({ id: 4, tier: 6, status: "archived" }),
    ]);
    expect(html.match(/<tr>/g)).toHaveLength(2);
    expect(html).toContain('<td class="nowrap"></td>');
    expect(html).toContain('<span class="badge tier-none">No tier</span>');
    expect(html).toContain('<span class="badge risk risk-none">Not scored</span>');
    expect(html).toContain('<span class="badge tier tier-5">Tier 6</span>');
    expect(html).toContain('<span class="badge status-archived">Archived</span>');
    expect(html).toContain('href="/o/acme/suppliers/4"');
  });
});

describe("badges", () => {
  it("say the band in words, and 'Not scored' without one", () => {
    expect(renderToStaticMarkup(<RiskBadge band="critical" score={88.04} />)).toBe(
      '<span class="risk-value"><span class="risk-value-score">88.0</span> <span class="badge risk risk-critical">Critical</span></span>',
    );
    expect(renderToStaticMarkup(<RiskBadge band="low" />)).toBe('<span class="badge risk risk-low">Low</span>');
    expect(renderToStaticMarkup(<RiskBadge band={null} score={12} />)).toBe('<span class="badge risk risk-none">Not scored</span>');
    expect(renderToStaticMarkup(<RiskBadge band="<b>" score={1} />)).toContain('<span class="badge risk risk-none">&lt;b&gt;</span>');
  });

  it("name the tier and the status", () => {
    expect(renderToStaticMarkup(<TierBadge tier={2} />)).toBe('<span class="badge tier tier-2">Tier 2</span>');
    expect(renderToStaticMarkup(<TierBadge tier={null} />)).toBe('<span class="badge tier-none">No tier</span>');
    expect(renderToStaticMarkup(<StatusBadge status="inactive" />)).toBe('<span class="badge status-inactive">Inactive</span>');
  });
});
