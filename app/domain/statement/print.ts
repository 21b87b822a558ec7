// A statement's printed pages: the board report's approach (app/domain/report/print.ts) — a running
// header (organisation, statement, year) and "Page x of y" as @page margin boxes, made per statement.
// Pure module: no node, kysely, remix or react imports.
import { cssString } from "~/domain/report/print";

export function statementPageCss(h: { organization: string; title: string; year: number; draft: boolean }): string {
  const left = `${h.organization} · ${h.title} ${h.year}`;
  const right = h.draft ? "Draft" : "";
  const box = "font: 8pt system-ui, sans-serif; color: #4a5360;";
  return [
    "@media print {",
    "  @page {",
    `    @top-left { content: ${cssString(left)}; ${box} vertical-align: bottom; padding-bottom: 3mm; }`,
    `    @top-right { content: ${cssString(right)}; ${box} font-weight: 700; color: #8c1d18; ` +
      "vertical-align: bottom; padding-bottom: 3mm; }",
    `    @bottom-right { content: "Page " counter(page) " of " counter(pages); ${box} vertical-align: top; padding-top: 3mm; }`,
    "  }",
    "}",
    "",
  ].join("\n");
}
