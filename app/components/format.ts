// How the app writes numbers and dates: the one place for them, so a figure reads the same on every
// page ("1,204", "90.0", "USD 1,250,000", "1.2 MB") and the server render and the browser agree.
// English grouping everywhere on staff pages; the supplier portal formats in the reader's language
// (components/portal).

// Dates are shown in a fixed, unambiguous format so the server render and the browser agree.
export function formatDate(iso: string): string {
  return iso.slice(0, 10);
}

export function formatDateTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * A risk score as shown everywhere in the app: always one decimal ("90.0", "76.9"), so numbers
 * side by side line up and never mix "90" with "42.19". Scores are stored with at most one decimal;
 * parts of a score (two decimals) are shown through this too.
 */
export function formatScore(n: number): string {
  if (!Number.isFinite(n)) return "—";
  return (Math.round(n * 10) / 10 + 0).toFixed(1);
}

/** 12,345 — as Intl.NumberFormat("en") writes whole numbers, without its cost (a page formats hundreds). */
export function formatInt(n: number): string {
  const s = String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return n < 0 && Math.round(n) !== 0 ? `-${s}` : s;
}

const NUMBER = new Intl.NumberFormat("en");
/** 1,234.567 → "1,234.567": any number, grouped, with up to three decimals. */
export function formatNumber(n: number): string {
  return NUMBER.format(n);
}

const COMPACT = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });
/** 1,500,000 → "1.5M": chart axes. */
export function formatCompact(n: number): string {
  return COMPACT.format(n);
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

/** "USD 1,250,000" (whole units); "1,250,000 XYZ" for a code Intl does not know; "" for no amount. */
export function formatMoney(amount: number | null, currency: string | null): string {
  if (amount == null) return "";
  const f = currency ? moneyFormat(currency) : null;
  if (f) return f.format(amount);
  return `${formatInt(amount)}${currency ? ` ${currency}` : ""}`;
}

/** A file's size in megabytes, one decimal: "0.4 MB", "12.0 MB". */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "1 supplier", "2 suppliers": the English plural rule, in one place (Intl.PluralRules). */
const PLURAL_RULES = new Intl.PluralRules("en");
export function plural(count: number, one: string, other: string): string {
  return PLURAL_RULES.select(count) === "one" ? one : other;
}

/** A count with its noun: "1 supplier", "3 suppliers", "1,204 suppliers" (other: one + "s" unless given). */
export function countOf(count: number, one: string, other = `${one}s`): string {
  return `${formatInt(count)} ${plural(count, one, other)}`;
}
