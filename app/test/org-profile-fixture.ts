// A valid organisation-profile form post (the page's fields, flat as a browser sends them), for the
// route tests: `version` is the stored version the save starts from.
import { ACME_PROFILE } from "~db/seed/demo-profile";
import { profileFormValues } from "~/schemas/org-profile-form";

export function profileFormBody(version: number, legalName = "Zephyr Profile Ltd"): Record<string, string> {
  const v = profileFormValues({ ...ACME_PROFILE, legalName }, version);
  const flat: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) {
    if (typeof val === "string") flat[k] = val;
    else (val as Array<Record<string, string>>).forEach((row, i) => Object.entries(row).forEach(([f, x]) => (flat[`${k}.${i}.${f}`] = x)));
  }
  return flat;
}
