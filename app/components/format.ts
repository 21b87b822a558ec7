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

/** "1 supplier", "2 suppliers": the English plural rule, in one place (Intl.PluralRules). */
const PLURAL_RULES = new Intl.PluralRules("en");
export function plural(count: number, one: string, other: string): string {
  return PLURAL_RULES.select(count) === "one" ? one : other;
}

/** A count with its noun: "1 supplier", "3 suppliers", "1,204 suppliers" (other: one + "s" unless given). */
export function countOf(count: number, one: string, other = `${one}s`): string {
  return `${count.toLocaleString("en")} ${plural(count, one, other)}`;
}
