// Small display pieces shared by the supplier pages: tier and status badges, money, TIP placements.
// Locale is fixed to "en" so the server render and the browser agree (no hydration mismatch).
import { SUPPLIER_STATUSES } from "~/schemas/supplier";

type Status = (typeof SUPPLIER_STATUSES)[number];

export const STATUS_LABELS: Record<Status, string> = {
  active: "Active",
  inactive: "Inactive",
  archived: "Archived",
};

export function statusLabel(s: string): string {
  return (STATUS_LABELS as Record<string, string>)[s] ?? s;
}

/** A badge's class and text: one definition for the components below and the list's HTML rows. */
export interface BadgeParts {
  className: string;
  text: string;
}

export function statusBadge(status: string): BadgeParts {
  return { className: `badge status-${status}`, text: statusLabel(status) };
}

export function StatusBadge({ status }: { status: string }) {
  const b = statusBadge(status);
  return <span className={b.className}>{b.text}</span>;
}

/** The supply-chain tier (1 = sells to us directly). Null: not connected to a tier-1 supplier. */
export function tierBadge(tier: number | null): BadgeParts {
  return tier == null
    ? { className: "badge tier-none", text: "No tier" }
    : { className: `badge tier tier-${Math.min(tier, 5)}`, text: `Tier ${tier}` };
}

export function TierBadge({ tier }: { tier: number | null }) {
  const b = tierBadge(tier);
  return <span className={b.className}>{b.text}</span>;
}

// Numbers and money as everywhere else in the app (components/format.ts).
export { formatMoney, formatNumber, moneyFormat } from "./format";

/** "Tier 2 Watch List (TIP 2025)": a TIP placement is never shown without its report year. */
export function tipLabel(tip: { tier: string; reportYear: number } | null | undefined): string {
  return tip ? `${tip.tier} (TIP ${tip.reportYear})` : "No TIP report data";
}
