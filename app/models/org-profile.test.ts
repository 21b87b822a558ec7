// The organisation profile on both engines: first save, a save from a stale copy, and the tenant scope.
import { expect, it } from "vitest";
import { describeEachEngine, makeOrg } from "~/test/support";
import { emptyOrgProfile, trainingInYear } from "~/domain/org-profile";
import { OrgProfileSchema } from "~/schemas/org-profile";
import { getOrgProfile, saveOrgProfile } from "./org-profile.server";

const now = "2026-12-07T10:00:00.000Z";

describeEachEngine("organisation profile", (h) => {
  it("is saved once, then only from the latest version, and only for its own organisation", async () => {
    const a = await makeOrg(h(), "profile-a", [["pa@x.test", "admin"]]);
    const b = await makeOrg(h(), "profile-b", [["pb@x.test", "admin"]]);
    expect(await getOrgProfile(h().db, a.orgId)).toBeNull();

    const profile = {
      ...emptyOrgProfile("Acme Apparel Ltd"),
      structure: "A UK company with two subsidiaries.",
      training: [
        { year: 2026, audience: "Buyers", topic: "Forced-labour indicators", people: 12 },
        { year: 2025, audience: "Buyers", topic: "Intro", people: 5 },
      ],
    };
    expect(await saveOrgProfile(h().db, a.orgId, profile, { expectedVersion: 0, userId: null, now })).toBe(1);
    // A second "first save" (two tabs) loses instead of overwriting.
    expect(await saveOrgProfile(h().db, a.orgId, profile, { expectedVersion: 0, userId: null, now })).toBeNull();
    expect(await saveOrgProfile(h().db, a.orgId, { ...profile, structure: "v2" }, { expectedVersion: 1, userId: null, now })).toBe(2);
    expect(await saveOrgProfile(h().db, a.orgId, { ...profile, structure: "stale" }, { expectedVersion: 1, userId: null, now })).toBeNull();

    const stored = await getOrgProfile(h().db, a.orgId);
    expect(stored?.version).toBe(2);
    expect(stored?.profile.structure).toBe("v2");
    expect(trainingInYear(stored!.profile, 2026).people).toBe(12);
    expect(await getOrgProfile(h().db, b.orgId)).toBeNull();
  });

  it("refuses a profile the schema does not accept", async () => {
    const bad = OrgProfileSchema.safeParse({ ...emptyOrgProfile("X"), financialYearEnd: "02-30" });
    expect(bad.success).toBe(false);
    const badPolicy = OrgProfileSchema.safeParse({
      ...emptyOrgProfile("X"),
      policies: [{ title: "Code", adoptedOn: "2026-13-01", reviewedOn: null, summary: "", url: null }],
    });
    expect(badPolicy.success).toBe(false);
  });
});
