// The tracing pack's PDF, laid out with pdfkit from the pack document (app/domain/tracing/pack.ts
// decides every word). Fonts: Inter from the installed @fontsource/inter package (one WOFF file per
// script subset, cut into runs by app/domain/tracing/font-runs.ts), so names like "Đồng Nai" print
// as written and nothing is fetched at run time. Order: what a customs officer reads first (product,
// shipment, summary, gaps, regulators' flags, screening), then the bill of materials, origins,
// warnings and one block per supplier. Pages are numbered at the end ("page 3 of 12").
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { fontRuns, parseUnicodeRange, type Subset } from "~/domain/tracing/font-runs";
import type { PackDocument, PackSupplier } from "~/domain/tracing/pack";
import { woffToSfnt } from "./woff.server";

const require = createRequire(import.meta.url);
const SUBSETS = ["latin", "latin-ext", "vietnamese", "cyrillic", "cyrillic-ext", "greek", "greek-ext"];

interface FontSet {
  subsets: Subset[];
  files: Map<string, Buffer>;
}

let fonts: FontSet | undefined;

/** Inter's subsets (regular and bold) and their code point ranges, read once per process. */
function loadFonts(): FontSet {
  if (fonts) return fonts;
  const dir = path.dirname(require.resolve("@fontsource/inter/package.json"));
  const css = fs.readFileSync(path.join(dir, "400.css"), "utf8");
  const subsets: Subset[] = [];
  const files = new Map<string, Buffer>();
  for (const name of SUBSETS) {
    const block = new RegExp(`inter-${name}-400-normal\\.woff\\)[^}]*?unicode-range:\\s*([^;]+);`).exec(css);
    if (!block) continue;
    subsets.push({ name, ranges: parseUnicodeRange(block[1]!) });
    for (const w of ["400", "700"]) {
      files.set(`${name}-${w}`, woffToSfnt(fs.readFileSync(path.join(dir, "files", `inter-${name}-${w}-normal.woff`))));
    }
  }
  if (!subsets.some((s) => s.name === "latin")) throw new Error("@fontsource/inter: the latin subset was not found in 400.css");
  fonts = { subsets, files };
  return fonts;
}

const MARGIN = 50;
const INK = "#1f2328";
const MUTED = "#57606a";
const ALERT = "#a40e26";

class Writer {
  readonly doc: PDFKit.PDFDocument;
  private readonly f: FontSet;

  constructor(doc: PDFKit.PDFDocument, f: FontSet) {
    this.doc = doc;
    this.f = f;
    for (const [key, bytes] of f.files) doc.registerFont(key, bytes);
  }

  /** Text in the fonts its characters need; `opts` as pdfkit's text(). */
  text(s: string, o: { bold?: boolean; size?: number; color?: string; indent?: number; gap?: number } = {}) {
    const doc = this.doc;
    const weight = o.bold ? "700" : "400";
    doc.fontSize(o.size ?? 9.5).fillColor(o.color ?? INK);
    const width = doc.page.width - MARGIN * 2 - (o.indent ?? 0);
    const x = MARGIN + (o.indent ?? 0);
    const runs = fontRuns(s, this.f.subsets);
    runs.forEach((r, i) => {
      doc.font(`${r.subset}-${weight}`);
      const last = i === runs.length - 1;
      if (i === 0) doc.text(r.text, x, doc.y, { width, continued: !last, lineGap: 1.5 });
      else doc.text(r.text, { continued: !last, lineGap: 1.5 });
    });
    if (o.gap) doc.moveDown(o.gap);
  }

  h1(s: string) {
    this.text(s, { bold: true, size: 17, gap: 0.2 });
  }

  h2(s: string) {
    this.room(60);
    this.doc.moveDown(0.6);
    this.text(s, { bold: true, size: 12.5, gap: 0.25 });
  }

  h3(s: string) {
    this.room(50);
    this.doc.moveDown(0.35);
    this.text(s, { bold: true, size: 10.5, gap: 0.1 });
  }

  bullet(s: string, o: { indent?: number; color?: string } = {}) {
    this.text(`•  ${s}`, { indent: 8 + (o.indent ?? 0), color: o.color });
  }

  /** Several bullets in one call (a supplier's explanation): far fewer layout passes for a long pack. */
  bullets(lines: readonly string[], o: { indent?: number } = {}) {
    if (lines.length) this.text(lines.map((l) => `•  ${l}`).join("\n"), { indent: 8 + (o.indent ?? 0) });
  }

  kv(k: string, v: string) {
    this.text(`${k}: ${v}`);
  }

  note(s: string) {
    this.text(s, { color: MUTED, size: 8.5 });
  }

  /** A new page when less than `h` points are left, so a heading never ends a page. */
  room(h: number) {
    if (this.doc.y + h > this.doc.page.height - MARGIN) this.doc.addPage();
  }
}

function header(w: Writer, d: PackDocument) {
  w.h1(d.title);
  w.note(`${d.orgName} · made ${d.generatedAt.replace("T", " ").slice(0, 16)} UTC by ${d.generatedBy} with Lantern`);
  w.doc.moveDown(0.6);
  w.kv("Product", d.product.name);
  w.kv("SKU", d.product.sku);
  w.kv("HS code", d.product.hsCode);
  if (d.product.description) w.kv("Description", d.product.description);
  w.kv("Final manufacturer", d.product.madeByName ?? "not recorded");
  if (d.shipment) {
    const s = d.shipment;
    w.kv(
      "Shipment",
      [s.ref && `reference ${s.ref}`, s.date && `date ${s.date}`, s.quantity && `quantity ${s.quantity}`].filter(Boolean).join(", "),
    );
  }
  const m = d.summary;
  w.doc.moveDown(0.4);
  w.text(
    `${m.suppliers} supplier(s) in the chain, ${m.items} input(s) in the bill of materials, ${m.rawMaterials} raw material(s) of which ` +
      `${m.originsKnown} with a known origin; ${m.gaps} gap(s); ${m.flags} flag(s) on regions or goods that regulators single out.`,
  );
}

function gapsAndFlags(w: Writer, d: PackDocument) {
  w.h2("Gaps in the trace");
  if (!d.gaps.length)
    w.text("None found: every input has a supplier, every raw material an origin, every supplier an assessment in force.");
  for (const g of d.gaps) w.bullet(g, { color: ALERT });
  w.h2("Regions and goods that regulators single out");
  if (!d.regionFlags.length && !d.goodsFlags.length) w.text("None of the recorded origins or goods is on these lists.");
  for (const r of d.regionFlags) {
    w.bullet(`${r.where}: ${r.region}. ${r.instrument} (in effect since ${r.effective}). Covers: ${r.materials}.`, { color: ALERT });
  }
  for (const g of d.goodsFlags) {
    w.bullet(`${g.where}: ${g.good} from ${g.country} is on the US Department of Labor's TVPRA list for ${g.kinds} (${g.year}).`);
  }
}

function screening(w: Writer, d: PackDocument) {
  w.h2("Screening against regulators' lists");
  if (!d.screeningCoverage.length) {
    w.text(
      "No screening of these suppliers against regulators' lists (such as the UFLPA Entity List or CBP withhold release orders) " +
        "is recorded: this pack makes no statement about them.",
    );
  }
  for (const c of d.screeningCoverage) {
    const note = c.note.replace(/\.\s*$/, "");
    const partial = c.partial ? ` This list is partial: ${note || "not every entry could be checked"}.` : note ? ` ${note}.` : "";
    w.bullet(`${c.list}, edition ${c.edition}.${partial}`);
  }
  if (d.screeningCoverage.length && !d.screening.length) {
    w.text("No supplier in this chain matches an entry of these lists, as far as the lists above go.");
  }
  for (const s of d.screening) {
    const status = s.status === "confirmed" ? "confirmed match" : "possible match, not yet reviewed by an officer";
    w.bullet(`${s.supplier}: ${s.entryName} on ${s.list} (${status})${s.note ? `. ${s.note}` : ""}`, {
      color: s.status === "confirmed" ? ALERT : INK,
    });
  }
}

function bom(w: Writer, d: PackDocument) {
  w.h2("Bill of materials");
  if (!d.tree.length) w.text("No inputs recorded.");
  for (const t of d.tree) {
    const origin = t.raw ? ` · raw material, origin: ${t.origin ?? "unknown"}` : "";
    w.text(`${t.material} — ${t.supplier}${origin}`, {
      indent: 8 + (t.level - 1) * 14,
      color: t.raw && t.origin === "unknown" ? ALERT : INK,
    });
  }
  w.h2("Origins of raw materials");
  if (!d.origins.length) w.text("No raw materials recorded.");
  for (const o of d.origins) {
    const answered = o.answered ? `; the supplier answered: ${o.answered}` : "";
    const differ = o.differ ? " (the two differ)" : "";
    w.bullet(`${o.material} (${o.supplier}): bill of materials: ${o.bom}${answered}${differ}`);
  }
  if (d.warnings.length) {
    w.h2("Where the bill of materials and the supplier graph disagree");
    for (const x of d.warnings) w.bullet(x);
  }
}

function supplier(w: Writer, s: PackSupplier) {
  w.h3(s.name);
  const tier = `tier ${s.productTier} for this product${s.graphTier !== null ? ` (tier ${s.graphTier} in the supplier graph)` : ""}`;
  w.note(`${s.countryLabel}${s.city ? `, ${s.city}` : ""} · ${tier}`);
  w.text(s.band ? `Risk: ${s.band} (${s.score?.toFixed(1)} of 100, as of ${(s.scoredAt ?? "").slice(0, 10)})` : "Risk: not scored yet", {
    bold: true,
  });
  if (s.materials.length) w.text(`Supplies: ${s.materials.join("; ")}`);
  w.bullets(s.explanation);
  w.text(s.assessments.length ? "Assessments:" : "Assessments: none", { color: MUTED });
  w.bullets(s.assessments, { indent: 6 });
  w.text(s.audits.length ? "Audits:" : "Audits: none recorded", { color: MUTED });
  w.bullets(s.audits, { indent: 6 });
  if (s.evidence.length) {
    w.text("Evidence files (copied into this ZIP):", { color: MUTED });
    for (const e of s.evidence) {
      const valid = e.validUntil ? `, valid until ${e.validUntil}` : "";
      w.bullet(`${e.path} (${e.kind ?? e.source}${valid}, review: ${e.reviewStatus}; SHA-256 ${e.sha256.slice(0, 16)}…)`, { indent: 6 });
    }
  }
}

/** The pack's PDF as bytes. */
export function renderPackPdf(d: PackDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    info: { Title: d.title, Author: d.orgName, Creator: "Lantern", CreationDate: new Date(d.generatedAt) },
  });
  const parts: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (b: Buffer) => parts.push(b));
    doc.on("end", () => resolve(Buffer.concat(parts)));
    doc.on("error", reject);
  });
  const w = new Writer(doc, loadFonts());
  header(w, d);
  gapsAndFlags(w, d);
  screening(w, d);
  bom(w, d);
  w.h2(`Suppliers in the chain (${d.suppliers.length})`);
  for (const s of d.suppliers) supplier(w, s);
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc.font("latin-400").fontSize(7.5).fillColor(MUTED);
    const y = doc.page.height - MARGIN / 2 - 6;
    // Writing below the bottom margin would start a new page: lift the margin while the footer is written.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.text(`SKU ${d.product.sku} · page ${i + 1} of ${range.count}`, MARGIN, y, { width: doc.page.width - MARGIN * 2, align: "center" });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
