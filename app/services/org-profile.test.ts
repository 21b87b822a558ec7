// The organisation profile page's service on both engines: the empty profile before a first save,
// saving (audited, naming what changed), a save from a stale copy refused with the stored version,
// and the form's text turned into the stored shape (and refused, field by field, when it is wrong).
import { expect, it } from "vitest";
import { describeEachEngine, makeOrg } from "~/test/support";
import type { OrgIdentity } from "~/lib/auth.server";
import { draftValues, nestProfileForm, profileFormValues, profileOf, ProfileFormSchema } from "~/schemas/org-profile-form";
import { ACME_PROFILE } from "~db/seed/demo-profile";
import { profileView, saveProfile } from "./org-profile.server";

describeEachEngine("organisation profile service", (h) => {
  async function world(slug: string) {
    const { orgId, users } = await makeOrg(h(), slug, [[`admin@${slug}.test`, "admin"]]);
    const ident: OrgIdentity = {
      user: { sessionId: "x", userId: users[`admin@${slug}.test`]!, email: `admin@${slug}.test`, name: "Ada" },
      org: { id: orgId, slug, name: "Profile Co" },
      role: "admin",
    };
    return ident;
  }

  it("saves from the loaded version, audits it, and refuses a stale save with the stored version", async () => {
    const ident = await world("prof-svc-a");
    const empty = await profileView(h().db, ident.org);
    expect(empty).toMatchObject({ version: 0, updatedAt: null, profile: { legalName: "Profile Co", entities: [] } });

    const first = await saveProfile(h().db, ident, ACME_PROFILE, 0, "192.0.2.1");
    expect(first).toEqual({ ok: true, value: { version: 1 } });
    const second = await saveProfile(h().db, ident, { ...ACME_PROFILE, consultation: "Changed" }, 1, null);
    expect(second).toEqual({ ok: true, value: { version: 2 } });

    const stale = await saveProfile(h().db, ident, { ...ACME_PROFILE, consultation: "Mine" }, 1, null);
    expect(stale.ok).toBe(false);
    if (stale.ok) return;
    expect(stale.kind).toBe("conflict");
    expect(stale.detail?.current?.version).toBe(2);
    expect(stale.detail?.current?.profile.consultation).toBe("Changed");

    const log = await h().db.selectFrom("audit_log").select(["action", "diff"]).where("org_id", "=", ident.org.id).orderBy("id").execute();
    expect(log.map((l) => l.action)).toEqual(["profile.saved", "profile.saved"]);
    expect(JSON.parse(log[1]!.diff!)).toEqual({ version: 2, changed: ["consultation"] });
    expect((await profileView(h().db, ident.org)).profile.consultation).toBe("Changed");
  });

  it("reads a posted form into the stored shape, and names each wrong field", async () => {
    const flat: Record<string, string> = {
      version: "0",
      legalName: "Acme Apparel Ltd",
      structure: "",
      headquartersCountry: "gb",
      sectors: "Apparel\n\n Home textiles ",
      employees: "",
      turnoverBand: "",
      turnoverCurrency: "GBP",
      financialYearEnd: "03-31",
      consultation: "",
      "entities.3.name": "Acme Ireland",
      "entities.3.country": "IE",
      "entities.3.registrationNumber": "",
      "training.0.year": "2026",
      "training.0.audience": "Buyers",
      "training.0.topic": "Indicators",
      "training.0.people": "12",
      "__proto__.x": "no",
      "entities.1.evil": "ignored",
    };
    const parsed = ProfileFormSchema.parse(nestProfileForm(flat));
    const profile = profileOf(parsed);
    expect(profile).toMatchObject({
      headquartersCountry: "GB",
      sectors: ["Apparel", "Home textiles"],
      employees: null,
      turnoverBand: null,
      entities: [{ name: "Acme Ireland", country: "IE", registrationNumber: null }],
      training: [{ year: 2026, people: 12 }],
      policies: [],
    });

    const bad = ProfileFormSchema.safeParse(
      nestProfileForm({ ...flat, "policies.0.title": "", "policies.0.adoptedOn": "2026-02-30", "training.0.people": "-3" }),
    );
    expect(bad.success).toBe(false);
    const paths = bad.success ? [] : bad.error.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["policies.0.title", "policies.0.adoptedOn", "training.0.people"]));
    // What was posted comes back as typed, rows included, so nothing is lost on a refusal.
    const draft = draftValues(nestProfileForm({ ...flat, "policies.0.title": "" }), "X");
    expect(draft.entities).toEqual([{ name: "Acme Ireland", country: "IE", registrationNumber: "" }]);
    expect(draft.policies[0]?.title).toBe("");
    // The stored profile survives the round trip through the form unchanged.
    expect(profileOf(ProfileFormSchema.parse(profileFormValues(ACME_PROFILE, 3)))).toEqual(ACME_PROFILE);
  });
});
