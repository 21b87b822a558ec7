// The board report's printed pages: a running header (organisation, period, "Confidential") and
// "Page x of y" in the page margins, as CSS @page margin boxes, which the browser's own Print uses
// (Chromium draws them since version 131). Margin boxes cannot show text from the page, so this
// stylesheet is made per report (served by the route o.$org.report-print[.css]).
// Pure module: no node, kysely, remix or react imports.
import type { Period } from "./types";
import { periodLabel } from "./period";

/**
 * A CSS string literal holding `text`: quotes, backslashes, line breaks and other control
 * characters are written as CSS escapes, so no value can end the string or the rule.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    // "\hex " (the space ends the escape) for anything that could end or break the string.
    out += ch === '"' || ch === "\\" || code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029 ? `\\${code.toString(16)} ` : ch;
  }
  return `${out}"`;
}

export interface PrintHeader {
  organization: string;
  period: Period;
}

/** The words of the running header, as printed on every page. */
export function printHeaderText(h: PrintHeader): { left: string; right: string } {
  return { left: `${h.organization} · Board report · ${periodLabel(h.period)}`, right: "Confidential" };
}

/** The report's @page rules: header on every page, "Page x of y" at the foot. Applies to print only. */
export function reportPageCss(h: PrintHeader): string {
  const { left, right } = printHeaderText(h);
  const box = "font: 8pt system-ui, sans-serif; color: #4a5360;";
  return [
    "@media print {",
    "  @page {",
    `    @top-left { content: ${cssString(left)}; ${box} vertical-align: bottom; padding-bottom: 3mm; }`,
    `    @top-right { content: ${cssString(right)}; ${box} font-weight: 700; color: #8c1d18; vertical-align: bottom; ` +
      "padding-bottom: 3mm; text-transform: uppercase; letter-spacing: 0.08em; }",
    `    @bottom-left { content: ${cssString(`${h.organization} · Confidential`)}; ${box} vertical-align: top; padding-top: 3mm; }`,
    `    @bottom-right { content: "Page " counter(page) " of " counter(pages); ${box} vertical-align: top; padding-top: 3mm; }`,
    "  }",
    "}",
    "",
  ].join("\n");
}
