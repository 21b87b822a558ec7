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

const NUMBER = new Intl.NumberFormat("en");
export function formatNumber(n: number): string {
  return NUMBER.format(n);
}

// Building an Intl.NumberFormat is costly: one per currency, kept (null: not a code Intl knows).
const MONEY = new Map<string, Intl.NumberFormat | null>();
export function moneyFormat(currency: string): Intl.NumberFormat | null {
  let f = MONEY.get(currency);
  if (f === undefined) {
    try {
      f = new Intl.NumberFormat("en", { style: "currency", currency, currencyDisplay: "code", maximumFractionDigits: 0 });
    } catch {
      f = null;
    }
    MONEY.set(currency, f);
  }
  return f;
}

export function formatMoney(amount: number | null, currency: string | null): string {
  if (amount == null) return "";
  const f = currency ? moneyFormat(currency) : null;
  if (f) return f.format(amount);
  return `${formatNumber(Math.round(amount))}${currency ? ` ${currency}` : ""}`;
}

/** "Tier 2 Watch List (TIP 2025)": a TIP placement is never shown without its report year. */
export function tipLabel(tip: { tier: string; reportYear: number } | null | undefined): string {
  return tip ? `${tip.tier} (TIP ${tip.reportYear})` : "No TIP report data";
}
