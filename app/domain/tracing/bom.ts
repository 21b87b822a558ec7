// A product's bill of materials as a tree: each item is an input (a material, optionally who
// supplies it), whose parent is the input it goes into (null = a direct input of the product).
// Raw materials carry an origin. The tree stays acyclic and bounded (MAX_DEPTH levels, MAX_ITEMS
// items per product) so a pack, a page and a walk over it are always finite; placeItem() is the one
// check every add or move goes through. linkWarnings() compares the tree with the supplier graph:
// an input's supplier should supply the maker of the parent (the parent item's supplier, or the
// product's final manufacturer for a direct input). A mismatch is a warning, never a refusal: the
// graph is often incomplete, and the bill of materials is how an officer learns that.
// Pure module: no node, kysely, remix or react imports.

export const MAX_DEPTH = 10;
export const MAX_ITEMS = 5000;

export interface BomOrigin {
  /** ISO 3166-1 alpha-2, upper case. */
  country: string | null;
  /** ISO 3166-2, e.g. "CN-XJ". */
  subdivision: string | null;
  /** Free text, e.g. "Mato Grosso, Rondonópolis area". */
  region: string | null;
}

export interface BomItem {
  id: number;
  parentId: number | null;
  material: string;
  supplierId: number | null;
  isRaw: boolean;
  /** Raw materials only; all fields null = unknown. */
  origin: BomOrigin;
}

export function originKnown(o: BomOrigin): boolean {
  return Boolean(o.country || o.subdivision || o.region);
}

/** Children by parent id (null key = direct inputs), each list in id order. */
export function childrenOf(items: readonly BomItem[]): Map<number | null, BomItem[]> {
  const out = new Map<number | null, BomItem[]>();
  for (const it of [...items].sort((a, b) => a.id - b.id)) {
    const list = out.get(it.parentId);
    if (list) list.push(it);
    else out.set(it.parentId, [it]);
  }
  return out;
}

/** Level of each item: 1 for a direct input, 2 for an input of it, … (items under a cycle or a missing parent are left out). */
export function depths(items: readonly BomItem[]): Map<number, number> {
  const kids = childrenOf(items);
  const out = new Map<number, number>();
  const queue: Array<[BomItem, number]> = (kids.get(null) ?? []).map((i) => [i, 1]);
  while (queue.length) {
    const [it, d] = queue.shift()!;
    if (out.has(it.id)) continue;
    out.set(it.id, d);
    for (const c of kids.get(it.id) ?? []) queue.push([c, d + 1]);
  }
  return out;
}

/** Depth of the subtree under (and including) an item: 1 for a leaf. */
function subtreeHeight(id: number, kids: Map<number | null, BomItem[]>, seen = new Set<number>()): number {
  if (seen.has(id)) return 0;
  seen.add(id);
  let h = 0;
  for (const c of kids.get(id) ?? []) h = Math.max(h, subtreeHeight(c.id, kids, seen));
  return h + 1;
}

/** Items in tree order (depth first, children in id order), with their level. */
export function walk(items: readonly BomItem[]): Array<{ item: BomItem; level: number }> {
  const kids = childrenOf(items);
  const out: Array<{ item: BomItem; level: number }> = [];
  const seen = new Set<number>();
  const stack: Array<[BomItem, number]> = [...(kids.get(null) ?? [])].reverse().map((i) => [i, 1]);
  while (stack.length) {
    const [it, level] = stack.pop()!;
    if (seen.has(it.id)) continue;
    seen.add(it.id);
    out.push({ item: it, level });
    for (const c of [...(kids.get(it.id) ?? [])].reverse()) stack.push([c, level + 1]);
  }
  return out;
}

export type PlaceProblem = { field: "parentId"; message: string } | null;

/**
 * Whether `itemId` (null = a new item) may sit under `parentId` in `items`: the parent is in the
 * product, is not the item or one of its inputs (no cycle), the tree stays within MAX_DEPTH levels,
 * and a new item stays within MAX_ITEMS.
 */
export function placeItem(items: readonly BomItem[], itemId: number | null, parentId: number | null): PlaceProblem {
  if (itemId === null && items.length >= MAX_ITEMS) {
    return { field: "parentId", message: `A bill of materials holds at most ${MAX_ITEMS} items.` };
  }
  if (parentId === null) {
    const kids = childrenOf(items);
    const height = itemId === null ? 1 : subtreeHeight(itemId, kids);
    return height > MAX_DEPTH ? { field: "parentId", message: `A bill of materials is at most ${MAX_DEPTH} levels deep.` } : null;
  }
  const byId = new Map(items.map((i) => [i.id, i]));
  const parent = byId.get(parentId);
  if (!parent) return { field: "parentId", message: "That input is not in this product's bill of materials." };
  if (parent.isRaw) return { field: "parentId", message: `${parent.material} is a raw material: it has no inputs.` };
  // Walking up from the parent must reach the top without meeting the item itself.
  let level = 1;
  for (let p: BomItem | undefined = parent; p; p = p.parentId === null ? undefined : byId.get(p.parentId)) {
    if (p.id === itemId) return { field: "parentId", message: "An input cannot go into itself or into one of its own inputs." };
    level += 1;
    if (level > MAX_DEPTH + 1) break;
  }
  const height = itemId === null ? 1 : subtreeHeight(itemId, childrenOf(items));
  if (level - 1 + height > MAX_DEPTH) return { field: "parentId", message: `A bill of materials is at most ${MAX_DEPTH} levels deep.` };
  return null;
}

export interface LinkWarning {
  itemId: number;
  message: string;
}

/**
 * Items whose supplier is not recorded as supplying the maker of what they go into. `hasLink(s, b)`:
 * whether supplier s supplies buyer b in the supplier graph; `name(id)` a supplier's name.
 */
export function linkWarnings(
  items: readonly BomItem[],
  madeBy: number | null,
  hasLink: (supplierId: number, buyerId: number) => boolean,
  name: (supplierId: number) => string,
): LinkWarning[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const out: LinkWarning[] = [];
  for (const it of items) {
    if (it.supplierId === null) continue;
    const buyer = it.parentId === null ? madeBy : (byId.get(it.parentId)?.supplierId ?? null);
    if (buyer === null || buyer === it.supplierId) continue;
    if (!hasLink(it.supplierId, buyer)) {
      out.push({
        itemId: it.id,
        message:
          `${name(it.supplierId)} supplies ${it.material} here, but the supplier graph does not record it as a supplier of ` +
          `${name(buyer)}. Add the link on the supplier's page, or check who supplies this input.`,
      });
    }
  }
  return out;
}

/** Every supplier the bill of materials names, plus the final manufacturer, each once. */
export function chainSupplierIds(items: readonly BomItem[], madeBy: number | null): number[] {
  const ids = new Set<number>();
  if (madeBy !== null) ids.add(madeBy);
  for (const it of items) if (it.supplierId !== null) ids.add(it.supplierId);
  return [...ids];
}
