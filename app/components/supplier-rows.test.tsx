// The supplier list's rows are built as an HTML string: they must be the markup React would render
// for the same cells, and every value must be escaped.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { escapeHtml } from "./html-string";
import { RiskBadge, riskBadgeHtml } from "./risk-badge";
import { StatusBadge, TierBadge, statusBadge, tierBadge } from "./supplier-display";
import { supplierRowsHtml, type SupplierListRow } from "./supplier-rows";

const countries = new Map([["BD", "Bangladesh"]]);

/** The rows as JSX, cell by cell: what the list rendered before its rows became one string. */
function JsxRows({ rows }: { rows: SupplierListRow[] }) {
  return (
    <>
      {rows.map(([id, name, ref, country, city, sector, tier, status, spend, score, band]) => (
        <tr key={id}>
          <td>
            <a href={`/o/acme/suppliers/${id}`} data-discover="true">
              {name}
            </a>
          </td>
          <td className="nowrap">{ref ?? ""}</td>
          <td>{countries.get(country) ?? country}</td>
          <td>{city ?? ""}</td>
          <td className="nowrap">
            <TierBadge tier={tier} />
          </td>
          <td>{sector ?? ""}</td>
          <td>
            <StatusBadge status={status} />
          </td>
          <td className="risk">
            <RiskBadge band={band} score={score} />
          </td>
          <td className="num nowrap">{spend}</td>
        </tr>
      ))}
    </>
  );
}

const rows: SupplierListRow[] = [
  [1, "Dhaka Knitwear Ltd", "V-1", "BD", "Dhaka", "Apparel", 1, "active", "USD 1,200,000", 61.9, "high"],
  [2, `<script>alert("x")</script> & 'Co'`, `R"&<>`, "XX", null, null, null, "archived", "", null, null],
  [3, "Tier Six Ltd", null, "BD", "Gazipur", "Dyeing", 6, "inactive", "EUR 5", 100, "critical"],
  [4, "Odd Band", null, "BD", null, null, 2, "active", "", 3, "unknown-band"],
];

describe("supplierRowsHtml", () => {
  it("is the markup React renders for the same rows", () => {
    expect(supplierRowsHtml(rows, "/o/acme/suppliers", countries)).toBe(renderToStaticMarkup(<JsxRows rows={rows} />));
  });

  it("escapes every value: no tag or attribute can be injected", () => {
    const html = supplierRowsHtml([rows[1]!], "/o/acme/suppliers", countries);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;Co&#x27;");
    expect(html).toContain("R&quot;&amp;&lt;&gt;");
    expect(html).toContain(">Not scored<");
    expect(html.match(/<a /g)).toHaveLength(1);
  });
});

describe("badges as strings and as components", () => {
  it("agree for every tier, status and band", () => {
    for (const tier of [null, 1, 2, 5, 9]) {
      const b = tierBadge(tier);
      expect(renderToStaticMarkup(<TierBadge tier={tier} />)).toBe(`<span class="${b.className}">${b.text}</span>`);
    }
    for (const status of ["active", "inactive", "archived"]) {
      const b = statusBadge(status);
      expect(renderToStaticMarkup(<StatusBadge status={status} />)).toBe(`<span class="${b.className}">${b.text}</span>`);
    }
    for (const band of [null, "low", "medium", "high", "critical", "<b>"]) {
      for (const score of [null, 0, 49.95, 70]) {
        expect(riskBadgeHtml({ band, score })).toBe(renderToStaticMarkup(<RiskBadge band={band} score={score} />));
      }
    }
  });

  it("say the band in words, and 'Not scored' without one", () => {
    expect(renderToStaticMarkup(<RiskBadge band="critical" score={88.04} />)).toBe(
      '<span class="risk-value"><span class="risk-value-score">88.0</span> <span class="badge risk risk-critical">Critical</span></span>',
    );
    expect(renderToStaticMarkup(<RiskBadge band="low" />)).toBe('<span class="badge risk risk-low">Low</span>');
    expect(renderToStaticMarkup(<RiskBadge band={null} score={12} />)).toBe('<span class="badge risk risk-none">Not scored</span>');
  });
});

describe("escapeHtml", () => {
  it("escapes what React escapes, and returns other text unchanged", () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; &#x27;Jerry&#x27;&lt;/a&gt;");
    expect(escapeHtml("Saigon Stitch")).toBe("Saigon Stitch");
    // The same input twice in a row (a stateful regular expression would fail the second time).
    expect(escapeHtml("a<b")).toBe("a&lt;b");
    expect(escapeHtml("a<b")).toBe("a&lt;b");
  });
});
