// The TIP placement that counts for a country (risk model v2, docs/architecture.md "The risk
// pipeline"): its own when the TIP report ranks it; else the placement of the state that stands for
// it (a territory's sovereign, a micro-state's neighbour: reference table tip_proxies), named as such
// ("TIP 2025 Tier 1 (United States, for Puerto Rico)"); "no data" only when nothing stands for it.
// v1 keeps "no data" for every unranked country: its stored scores never change.
// Pure module.
import type { TipPlacement, TipProxy } from "./types";

export interface CountryPlacement {
  placement: TipPlacement;
  /** Null when the placement is the country's own; else whose it is and why it stands in. */
  standIn: null | { iso2: string; kind: TipProxy["kind"]; rationale: string };
}

/** One step only: a stand-in's own placement, never its stand-in's. */
export function placementOf(
  iso2: string,
  tip: ReadonlyMap<string, TipPlacement>,
  proxies: ReadonlyMap<string, TipProxy>,
): CountryPlacement | null {
  const own = tip.get(iso2);
  if (own) return { placement: own, standIn: null };
  const proxy = proxies.get(iso2);
  const lent = proxy ? tip.get(proxy.proxyIso2) : undefined;
  if (!proxy || !lent) return null;
  return { placement: lent, standIn: { iso2: proxy.proxyIso2, kind: proxy.kind, rationale: proxy.rationale } };
}

/** "TIP 2025 Tier 1", or "TIP 2025 Tier 1 (United States, for Puerto Rico)"; `name` gives a country's name. */
export function placementLabel(iso2: string, p: CountryPlacement, name: (iso2: string) => string): string {
  const base = `TIP ${p.placement.year} ${p.placement.tier}`;
  return p.standIn ? `${base} (${name(p.standIn.iso2)}, for ${name(iso2)})` : base;
}
