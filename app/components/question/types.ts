// What a question's inputs hold and what the server has, shared by the officer's fill page and the
// supplier portal.

/** What an input holds: text as typed (numbers too), option keys, "na", or null (empty). */
export type RawValue = string | string[] | null;

/** An answer as saved, with who saved it (the portal shows the buyer's name, never an address). */
export interface SavedAnswer {
  value: unknown;
  comment: string | null;
  revision: number;
  updatedBy: string;
  updatedAt: string;
}

export function toRaw(v: unknown): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return String(v);
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v.map(String);
  return null;
}

/** How a change is sent: at once (a click), after a pause in typing, or not yet. */
export type When = "now" | "typing" | "later";

/** The element id of a question (anchors from the "what is missing" lists point here). */
export function questionId(key: string): string {
  return `q-${key.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}
