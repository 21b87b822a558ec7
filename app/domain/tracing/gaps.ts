// The gaps of a product's trace, stated plainly ("Raw cotton lint for Combed cotton yarn, from Bogura
// Yarn Mills Ltd: origin unknown."), in tree order, then per supplier. A gap is what a regulator
// would ask for and the pack cannot show: an input whose supplier is unknown, a raw material whose
// origin is unknown, an input whose own inputs stop before a raw material, a supplier that was never
// assessed or whose assessment expired, a supplier that says it does not know its origins.
// Pure module: no node, kysely, remix or react imports.
import { endSentence } from "~/domain/sentence";
import { originKnown, walk, type BomItem } from "./bom";
import type { AnsweredOrigins } from "./origins";

export interface GapSupplier {
  id: number;
  name: string;
  /** Status of the latest approved assessment as the score reads it; null = never approved. */
  assessment: { approvedAt: string; validUntil: string; status: "valid" | "fading" | "expired" } | null;
  answeredOrigins: AnsweredOrigins | null;
}

export interface GapInput {
  productName: string;
  madeBy: number | null;
  items: readonly BomItem[];
  suppliers: ReadonlyMap<number, GapSupplier>;
}

const day = (iso: string) => iso.slice(0, 10);

/** "Combed cotton yarn" or, for a direct input, the product's name. */
function whatFor(it: BomItem, byId: ReadonlyMap<number, BomItem>, productName: string): string {
  return it.parentId === null ? productName : (byId.get(it.parentId)?.material ?? productName);
}

function itemGaps(input: GapInput): string[] {
  const byId = new Map(input.items.map((i) => [i.id, i]));
  const hasChildren = new Set(input.items.map((i) => i.parentId).filter((p): p is number => p !== null));
  const out: string[] = [];
  for (const { item } of walk(input.items)) {
    const forWhat = whatFor(item, byId, input.productName);
    const supplier = item.supplierId === null ? null : input.suppliers.get(item.supplierId);
    const from = supplier ? `, from ${supplier.name}` : "";
    if (item.supplierId === null) out.push(`${item.material} for ${forWhat}: supplier unknown.`);
    if (item.isRaw && !originKnown(item.origin)) out.push(`${item.material} for ${forWhat}${from}: origin unknown.`);
    if (!item.isRaw && !hasChildren.has(item.id)) {
      out.push(`${item.material} for ${forWhat}${from}: its own inputs are not recorded, so the trace stops before a raw material.`);
    }
  }
  return out;
}

function supplierGaps(input: GapInput, ids: readonly number[]): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const s = input.suppliers.get(id);
    if (!s) continue;
    if (!s.assessment) out.push(endSentence(`${s.name}: never assessed (no approved assessment)`));
    else if (s.assessment.status === "expired") {
      out.push(`${s.name}: its last approved assessment (${day(s.assessment.approvedAt)}) expired on ${day(s.assessment.validUntil)}.`);
    }
    if (s.answeredOrigins?.keys.includes("dont_know"))
      out.push(endSentence(`${s.name} answered that it does not know where its raw materials come from`));
  }
  return out;
}

/** Every gap, as one sentence each. `supplierIds`: the chain's suppliers in the order the pack lists them. */
export function traceGaps(input: GapInput, supplierIds: readonly number[]): string[] {
  const out: string[] = [];
  if (input.madeBy === null) out.push(`${input.productName}: the final manufacturer is not recorded.`);
  if (input.items.length === 0) out.push(`${input.productName}: no bill of materials, so none of its inputs can be traced.`);
  return [...out, ...itemGaps(input), ...supplierGaps(input, supplierIds)];
}
