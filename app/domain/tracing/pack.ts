// The tracing pack of a product (or a shipment of it) as a document: everything the PDF prints and
// the ZIP carries, decided here so the rendering (app/lib/tracing/pack-pdf.server.ts) only lays it
// out. Sections: the product and shipment, the bill of materials as a tree, every supplier in the
// chain (country, tier, risk band and the score's explanation, assessments and audits with dates,
// evidence files and where they sit in the ZIP), origins of raw materials (BOM and supplier answer,
// both when they differ), regions and goods regulators single out, screening against regulators'
// lists, warnings where the BOM and the supplier graph disagree, and the gaps in plain sentences.
// The chain is the final manufacturer plus every supplier the BOM names: what flows into this
// product, not everyone upstream of the factory in the supplier graph.
// Pure module: no node, kysely, remix or react imports.
import { chainSupplierIds, depths, linkWarnings, originKnown, walk, type BomItem } from "./bom";
import { traceGaps, type GapSupplier } from "./gaps";
import {
  answeredOriginText,
  goodsFlagsOf,
  materialFlags,
  originsDiffer,
  originText,
  regionsAnswered,
  regionsOf,
  type AnsweredOrigins,
  type TvpraRow,
} from "./origins";

/** One screening result for a supplier of the chain (candidate until an officer confirms it). */
export interface PackScreeningEntry {
  supplierId: number;
  list: string;
  entryName: string;
  status: "candidate" | "confirmed";
  note: string;
}

/** Which edition of a list the screening used, and whether the list is partial. */
export interface PackScreeningCoverage {
  list: string;
  edition: string;
  partial: boolean;
  note: string;
}

export interface PackEvidenceInput {
  /** Unique in the pack: "a<evidence id>" for an answer's document, "r<audit id>" for an audit report. */
  key: string;
  filename: string;
  kind: string | null;
  validUntil: string | null;
  reviewStatus: string;
  size: number;
  sha256: string;
  source: "assessment" | "audit";
}

export interface PackSupplierInput extends GapSupplier {
  country: string;
  city: string | null;
  tier: number | null;
  status: string;
  risk: { score: number; band: string; computedAt: string; explanation: readonly string[] } | null;
  goods: readonly string[];
  answeredOrigins: AnsweredOrigins | null;
  assessments: ReadonlyArray<{ id: number; status: string; sentAt: string | null; submittedAt: string | null; approvedAt: string | null }>;
  audits: ReadonlyArray<{
    label: string;
    auditDate: string;
    validUntil: string;
    inForce: boolean;
    openFindings: number;
    openCritical: number;
  }>;
  evidence: readonly PackEvidenceInput[];
}

export interface PackInput {
  orgName: string;
  generatedAt: string;
  generatedBy: string;
  product: { id: number; name: string; sku: string; hsCode: string; description: string | null; madeBy: number | null };
  shipment: { ref: string | null; date: string | null; quantity: string | null } | null;
  items: readonly BomItem[];
  suppliers: ReadonlyMap<number, PackSupplierInput>;
  hasLink(supplierId: number, buyerId: number): boolean;
  tvpra: readonly TvpraRow[];
  screening: readonly PackScreeningEntry[];
  screeningCoverage: readonly PackScreeningCoverage[];
  countryName(iso2: string): string;
  /** ZIP paths of evidence files the store could not give (recorded, but the file is gone): stated as gaps. */
  missingEvidence?: ReadonlySet<string>;
}

export interface PackEvidence extends PackEvidenceInput {
  /** Path inside the ZIP. */
  path: string;
  /** Recorded, but the file store could not give it: not in the ZIP. */
  missing: boolean;
}

export interface PackSupplier {
  id: number;
  name: string;
  countryLabel: string;
  city: string | null;
  /** 1 = the final manufacturer, 2 = supplies a direct input, …; the smallest where it appears. */
  productTier: number;
  graphTier: number | null;
  band: string | null;
  score: number | null;
  scoredAt: string | null;
  explanation: readonly string[];
  materials: string[];
  assessments: string[];
  audits: string[];
  evidence: PackEvidence[];
}

export interface PackDocument {
  title: string;
  orgName: string;
  generatedAt: string;
  generatedBy: string;
  product: PackInput["product"] & { madeByName: string | null };
  shipment: PackInput["shipment"];
  summary: { suppliers: number; items: number; rawMaterials: number; originsKnown: number; gaps: number; flags: number };
  tree: Array<{ level: number; material: string; supplier: string; raw: boolean; origin: string | null }>;
  suppliers: PackSupplier[];
  origins: Array<{ material: string; supplier: string; bom: string; answered: string | null; differ: boolean }>;
  regionFlags: Array<{ where: string; region: string; instrument: string; effective: string; materials: string }>;
  goodsFlags: Array<{ where: string; good: string; country: string; kinds: string; year: number }>;
  screening: Array<PackScreeningEntry & { supplier: string }>;
  screeningCoverage: readonly PackScreeningCoverage[];
  warnings: string[];
  gaps: string[];
}

/** A file name safe inside a ZIP on every system: no path separators, no control or reserved characters. */
export function safeZipName(name: string): string {
  const cleaned = name
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, "_")
    .replace(/^\.+/, "_")
    .trim();
  return (cleaned || "file").slice(0, 120);
}

const dayOf = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");

function assessmentLine(a: PackSupplierInput["assessments"][number]): string {
  const dates = [a.sentAt && `sent ${dayOf(a.sentAt)}`, a.submittedAt && `submitted ${dayOf(a.submittedAt)}`];
  if (a.approvedAt) dates.push(`approved ${dayOf(a.approvedAt)}`);
  return `Assessment #${a.id}: ${a.status.replace(/_/g, " ")}${dates.some(Boolean) ? ` (${dates.filter(Boolean).join(", ")})` : ""}`;
}

function auditLine(a: PackSupplierInput["audits"][number]): string {
  const state = a.inForce ? `in force until ${a.validUntil}` : `expired ${a.validUntil}`;
  const open = a.openFindings ? `; ${a.openFindings} open finding(s), ${a.openCritical} critical` : "; no open findings";
  return `${a.label}: audited ${a.auditDate}, ${state}${open}`;
}

function productTiers(input: PackInput): Map<number, number> {
  const levels = depths(input.items);
  const out = new Map<number, number>();
  if (input.product.madeBy !== null) out.set(input.product.madeBy, 1);
  for (const it of input.items) {
    if (it.supplierId === null) continue;
    const t = (levels.get(it.id) ?? 1) + 1;
    out.set(it.supplierId, Math.min(out.get(it.supplierId) ?? t, t));
  }
  return out;
}

function supplierSection(input: PackInput, ids: readonly number[], tiers: Map<number, number>): PackSupplier[] {
  const materials = new Map<number, string[]>();
  for (const it of input.items)
    if (it.supplierId !== null) materials.set(it.supplierId, [...(materials.get(it.supplierId) ?? []), it.material]);
  const out: PackSupplier[] = [];
  for (const id of ids) {
    const s = input.suppliers.get(id);
    if (!s) continue;
    out.push({
      id,
      name: s.name,
      countryLabel: input.countryName(s.country),
      city: s.city,
      productTier: tiers.get(id) ?? 1,
      graphTier: s.tier,
      band: s.risk?.band ?? null,
      score: s.risk?.score ?? null,
      scoredAt: s.risk?.computedAt ?? null,
      explanation: s.risk?.explanation ?? [],
      materials:
        id === input.product.madeBy
          ? [`${input.product.name} (final manufacturer)`, ...(materials.get(id) ?? [])]
          : (materials.get(id) ?? []),
      assessments: s.assessments.map(assessmentLine),
      audits: s.audits.map(auditLine),
      evidence: s.evidence.map((e) => {
        const path = `evidence/supplier-${id}/${e.key}-${safeZipName(e.filename)}`;
        return { ...e, path, missing: input.missingEvidence?.has(path) ?? false };
      }),
    });
  }
  return out;
}

function originSection(input: PackInput) {
  const name = (id: number | null) => (id === null ? "supplier unknown" : (input.suppliers.get(id)?.name ?? `supplier #${id}`));
  const origins: PackDocument["origins"] = [];
  const regionFlags: PackDocument["regionFlags"] = [];
  for (const { item } of walk(input.items)) {
    if (!item.isRaw) continue;
    const answer = item.supplierId === null ? null : (input.suppliers.get(item.supplierId)?.answeredOrigins ?? null);
    const bom = originText(item.origin, input.countryName);
    const differ = originsDiffer(item.origin, answer, input.countryName);
    // The supplier's answer stands in where the BOM has no origin, and is shown beside it when they differ.
    const answered = answer && (!originKnown(item.origin) || differ) ? answeredOriginText(answer) : null;
    origins.push({ material: item.material, supplier: name(item.supplierId), bom, answered, differ });
    for (const r of regionsOf(item.origin, item.material)) {
      regionFlags.push({
        where: `${item.material} (${bom})`,
        region: r.region,
        instrument: r.instrument,
        effective: r.effective,
        materials: r.materials,
      });
    }
  }
  for (const id of chainSupplierIds(input.items, input.product.madeBy)) {
    const s = input.suppliers.get(id);
    if (!s?.answeredOrigins) continue;
    for (const r of regionsAnswered(s.answeredOrigins)) {
      const where = `${s.name} answered that its raw materials come from this region`;
      regionFlags.push({ where, region: r.region, instrument: r.instrument, effective: r.effective, materials: r.materials });
    }
  }
  return { origins, regionFlags };
}

function goodsSection(input: PackInput, ids: readonly number[]): PackDocument["goodsFlags"] {
  const out: PackDocument["goodsFlags"] = [];
  for (const id of ids) {
    const s = input.suppliers.get(id);
    if (!s) continue;
    for (const f of goodsFlagsOf(s.goods, s.country, input.tvpra)) {
      out.push({ where: s.name, good: f.good, country: input.countryName(f.iso2), kinds: f.kinds, year: f.year });
    }
  }
  for (const { item } of walk(input.items)) {
    if (!item.isRaw) continue;
    for (const f of materialFlags(item.material, item.origin.country, input.tvpra)) {
      out.push({ where: item.material, good: f.good, country: input.countryName(f.iso2), kinds: f.kinds, year: f.year });
    }
  }
  return out;
}

/** The pack's document from the product, its BOM and what is known about each supplier. */
export function buildPack(input: PackInput): PackDocument {
  const tiers = productTiers(input);
  const ids = chainSupplierIds(input.items, input.product.madeBy).sort((a, b) => (tiers.get(a) ?? 1) - (tiers.get(b) ?? 1) || a - b);
  const name = (id: number) => input.suppliers.get(id)?.name ?? `supplier #${id}`;
  const tree = walk(input.items).map(({ item, level }) => ({
    level,
    material: item.material,
    supplier: item.supplierId === null ? "supplier unknown" : name(item.supplierId),
    raw: item.isRaw,
    origin: item.isRaw ? originText(item.origin, input.countryName) : null,
  }));
  const { origins, regionFlags } = originSection(input);
  const goodsFlags = goodsSection(input, ids);
  const gaps = traceGaps(
    { productName: input.product.name, madeBy: input.product.madeBy, items: input.items, suppliers: input.suppliers },
    ids,
  );
  const suppliers = supplierSection(input, ids, tiers);
  for (const s of suppliers) {
    for (const e of s.evidence.filter((x) => x.missing)) {
      gaps.push(`${s.name}: the document ${e.filename} is recorded but missing from the file store, so it is not in this pack.`);
    }
  }
  const warnings = linkWarnings(input.items, input.product.madeBy, input.hasLink, name).map((w) => w.message);
  const raw = input.items.filter((i) => i.isRaw);
  const shipment = input.shipment;
  return {
    title: `Tracing pack: ${input.product.name}${shipment?.ref ? `, shipment ${shipment.ref}` : ""}`,
    orgName: input.orgName,
    generatedAt: input.generatedAt,
    generatedBy: input.generatedBy,
    product: { ...input.product, madeByName: input.product.madeBy === null ? null : name(input.product.madeBy) },
    shipment,
    summary: {
      suppliers: ids.length,
      items: input.items.length,
      rawMaterials: raw.length,
      originsKnown: raw.filter((i) => originKnown(i.origin)).length,
      gaps: gaps.length,
      flags: regionFlags.length + goodsFlags.length,
    },
    tree,
    suppliers,
    origins,
    regionFlags,
    goodsFlags,
    screening: input.screening.map((e) => ({ ...e, supplier: name(e.supplierId) })),
    screeningCoverage: input.screeningCoverage,
    warnings,
    gaps,
  };
}
