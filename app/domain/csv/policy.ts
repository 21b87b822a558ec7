// What an import may do to suppliers that are already in Lantern. An older list must not silently
// overwrite newer data, so the default changes nothing that exists: the officer opts in to more.
// Pure module: no node, kysely or remix imports.

import type { ExistingSupplier, SupplierValues } from "./diff";
import { displayValue } from "~/domain/csv/row";
import type { FieldKey } from "./fields";

export const UPDATE_POLICIES = ["new_only", "fill_empty", "overwrite"] as const;
export type UpdatePolicy = (typeof UPDATE_POLICIES)[number];
export const DEFAULT_POLICY: UpdatePolicy = "new_only";

export const POLICY_LABEL: Record<UpdatePolicy, string> = {
  new_only: "Add new suppliers only",
  fill_empty: "Add new suppliers and fill in empty fields",
  overwrite: "Add new suppliers and overwrite changed fields",
};

export const POLICY_HELP: Record<UpdatePolicy, string> = {
  new_only: "Suppliers already in Lantern are left exactly as they are (safest: an older list cannot undo newer edits).",
  fill_empty: "Suppliers already in Lantern only get values for fields that are empty there; nothing filled in is replaced.",
  overwrite: "The file's values replace Lantern's for every column you mapped. Use it only for a list newer than your data.",
};

export function isUpdatePolicy(v: unknown): v is UpdatePolicy {
  return typeof v === "string" && (UPDATE_POLICIES as readonly string[]).includes(v);
}

/** The fields (of `differing`) the policy lets the import write on an existing supplier. */
export function appliedFields(
  row: SupplierValues,
  existing: ExistingSupplier,
  differing: readonly FieldKey[],
  policy: UpdatePolicy,
): FieldKey[] {
  if (policy === "overwrite") return [...differing];
  if (policy === "new_only") return [];
  const out = differing.filter((f) => displayValue(existing, f) === "" && displayValue(row, f) !== "");
  // A position is one pair: fill it only when both halves are empty in Lantern.
  const lat = out.includes("latitude");
  const lng = out.includes("longitude");
  if (lat !== lng || (lat && (existing.latitude !== null || existing.longitude !== null))) {
    return out.filter((f) => f !== "latitude" && f !== "longitude");
  }
  return out;
}
