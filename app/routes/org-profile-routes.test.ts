// The organisation profile page through its route: executives read and cannot save; an officer's save
// is stored; a row button without JavaScript answers the form with one row more and saves nothing;
// bad input is a 400 naming the fields with the text posted shown back; a stale save is a 409 that
// keeps the person's text and carries the stored version.
import { expect, it } from "vitest";
import { contextFor, cookieFor, describeEachEngine, get, makeOrg, post, responseOf, toastOf } from "~/test/support";
import { profileFormBody } from "~/test/org-profile-fixture";
import { getOrgProfile } from "~/models/org-profile.server";
import * as page from "./o.$org.settings.profile";

describeEachEngine("organisation profile routes", (h) => {
  it("reads for everyone, saves for officers, answers rows, 400 and 409 without losing text", async () => {
    const slug = `opr${Math.random().toString(36).slice(2, 7)}`;
    const org = await makeOrg(h(), slug, [
      [`officer@${slug}.test`, "compliance"],
      [`exec@${slug}.test`, "executive"],
    ]);
    const officer = await cookieFor(h(), org.users[`officer@${slug}.test`]!);
    const exec = await cookieFor(h(), org.users[`exec@${slug}.test`]!);
    const url = `/o/${slug}/settings/profile`;
    const act = (body: Record<string, string>, cookie: string) =>
      responseOf(() => page.action({ request: post(url, body, cookie), params: { org: slug }, context: contextFor(h()) }));

    const read = await responseOf(() => page.loader({ request: get(url, exec), params: { org: slug }, context: contextFor(h()) }));
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ version: 0, canEdit: false });
    expect((await act(profileFormBody(0), exec)).status).toBe(403);

    const saved = await act(profileFormBody(0, "Officer Ltd"), officer);
    expect(saved.status).toBe(302);
    expect(toastOf(saved)?.message).toBe("Organisation profile saved.");
    expect((await getOrgProfile(h().db, org.orgId))?.profile.legalName).toBe("Officer Ltd");

    const added = await act({ ...profileFormBody(1), intent: "add:entities" }, officer);
    expect(added.status).toBe(200);
    const addedBody = (await added.json()) as { draft: { entities: unknown[] } };
    expect(addedBody.draft.entities).toHaveLength(3);
    expect((await getOrgProfile(h().db, org.orgId))?.version).toBe(1);

    const bad = await act({ ...profileFormBody(1), "policies.1.adoptedOn": "2026-13-01", structure: "Kept text" }, officer);
    expect(bad.status).toBe(400);
    const badBody = (await bad.json()) as { fieldErrors: Record<string, string>; draft: { structure: string } };
    expect(badBody.fieldErrors["policies.1.adoptedOn"]).toMatch(/date/);
    expect(badBody.draft.structure).toBe("Kept text");

    const stale = await act({ ...profileFormBody(0, "Late Ltd"), consultation: "My careful words" }, officer);
    expect(stale.status).toBe(409);
    const staleBody = (await stale.json()) as {
      formError: string;
      draft: { consultation: string; version: string };
      conflict: { version: number; profile: { legalName: string } };
    };
    expect(staleBody.formError).toMatch(/Someone else saved/);
    expect(staleBody.draft).toMatchObject({ consultation: "My careful words", version: "1" });
    expect(staleBody.conflict).toMatchObject({ version: 1, profile: { legalName: "Officer Ltd" } });
    expect((await getOrgProfile(h().db, org.orgId))?.profile.legalName).toBe("Officer Ltd");
  });
});
