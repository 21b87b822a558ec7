// The officer's choices for a supplier import: the update policy (mapping step and check page) and
// a decision per conflicting group of rows (check page). Used by the route action and to read the
// choices stored with an import.
import { z } from "zod";
import { UPDATE_POLICIES, DEFAULT_POLICY } from "~/domain/csv/policy";
import { RESOLUTIONS, type Resolution } from "~/domain/csv/row";

export const PolicySchema = z.enum(UPDATE_POLICIES, {
  errorMap: () => ({ message: "Choose what the import may do to suppliers already in Lantern." }),
});

const ResolutionSchema = z.enum(RESOLUTIONS as [Resolution, ...Resolution[]]);

export const ImportOptionsSchema = z.object({
  policy: PolicySchema.default(DEFAULT_POLICY),
  // Keys are the file's own references or normalised names: bounded, so a forged form cannot grow the row.
  resolutions: z.record(z.string().max(400), ResolutionSchema).default({}),
});

/**
 * The check page's "check again" form: the policy, and for each conflict shown its key and the
 * choice (conflict<i> / conflictKey<i>); conflicts left undecided are left out.
 */
export function parseRecheckForm(
  form: Record<string, unknown>,
): { policy: z.infer<typeof PolicySchema>; resolutions: Record<string, Resolution> } | { error: string } {
  const policy = PolicySchema.safeParse(form.policy);
  if (!policy.success) return { error: policy.error.issues[0]?.message ?? "Choose an update policy." };
  const count = Number(form.conflicts ?? "0");
  if (!Number.isInteger(count) || count < 0 || count > 1000) return { error: "The choices could not be read." };
  const resolutions: Record<string, Resolution> = {};
  for (let i = 0; i < count; i++) {
    const key = form[`conflictKey${i}`];
    const choice = form[`conflict${i}`];
    if (typeof key !== "string" || key === "" || key.length > 400) return { error: "The choices could not be read." };
    if (choice === undefined || choice === "") continue;
    const r = ResolutionSchema.safeParse(choice);
    if (!r.success) return { error: "Choose keep first, keep last or import both for each conflict." };
    resolutions[key] = r.data;
  }
  return { policy: policy.data, resolutions };
}
