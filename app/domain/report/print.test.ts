import { describe, expect, it } from "vitest";
import { cssString, printHeaderText, reportPageCss } from "./print";

const period = { from: "2025-12-07", to: "2026-12-06", days: 365, preset: 365 };

describe("cssString", () => {
  it("quotes plain text as it is", () => {
    expect(cssString("Acme Apparel · Q3")).toBe('"Acme Apparel · Q3"');
  });

  it("escapes whatever could end the string or the rule", () => {
    expect(cssString('A "B" \\ C')).toBe('"A \\22 B\\22  \\5c  C"');
    expect(cssString("one\ntwo\r}")).toBe('"one\\a two\\d }"');
    // A name trying to close the string and the at-rule stays inside the string.
    const evil = cssString('x"; } } body { display: none } @page { @top-left { content: "');
    expect(evil.match(/"/g)).toHaveLength(2);
  });
});

describe("reportPageCss", () => {
  it("prints the organisation, the period and Confidential at the top, and Page x of y at the foot", () => {
    expect(printHeaderText({ organization: "Acme Apparel", period })).toEqual({
      left: "Acme Apparel · Board report · Last 365 days (2025-12-07 to 2026-12-06)",
      right: "Confidential",
    });
    const css = reportPageCss({ organization: "Acme Apparel", period });
    expect(css).toMatch(/^@media print \{\n {2}@page \{/);
    expect(css).toContain('@top-left { content: "Acme Apparel · Board report · Last 365 days (2025-12-07 to 2026-12-06)";');
    expect(css).toContain('@top-right { content: "Confidential";');
    expect(css).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);');
  });

  it("names chosen dates as they are", () => {
    expect(reportPageCss({ organization: "B", period: { from: "2026-01-01", to: "2026-03-31", days: 90, preset: null } })).toContain(
      '"B · Board report · 2026-01-01 to 2026-03-31"',
    );
  });
});
