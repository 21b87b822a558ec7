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

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status}`}>{statusLabel(status)}</span>;
}

/** The supply-chain tier (1 = sells to us directly). Null: not connected to a tier-1 supplier. */
export function TierBadge({ tier }: { tier: number | null }) {
  if (tier == null) return <span className="badge tier-none">No tier</span>;
  return <span className={`badge tier tier-${Math.min(tier, 5)}`}>{`Tier ${tier}`}</span>;
}

// Numbers and money as everywhere else in the app (components/format.ts).

/** "Tier 2 Watch List (TIP 2025)": a TIP placement is never shown without its report year. */
export function tipLabel(tip: { tier: string; reportYear: number } | null | undefined): string {
  return tip ? `${tip.tier} (TIP ${tip.reportYear})` : "No TIP report data";
}
