// Worker voice, service level: a report is stored with nothing that identifies the reporter, the
// reporter opens their case with the case number and passphrase, limits key on a daily hash of the
// source, repeats are grouped, officers move a case through its statuses and record a remedy, a
// substantiated case raises the matching flag (substantiatedGrievanceFlags) and may open an internal
// action the supplier portal never shows, and executives get counts only.
import { expect, it } from "vitest";
import { describeEachEngine, makeOrg } from "~/test/support";
import type { OrgIdentity } from "~/lib/auth.server";
import type { Role } from "~/domain/permissions";
import { SupplierSchema } from "~/schemas/supplier";
import { CaseActionSchema, ReportSchema } from "~/schemas/voice";
import { createSupplier } from "~/services/suppliers.server";
import { fileReport, readCase, addToCase } from "~/services/voice-report.server";
import { actOnCase, casePage, grievanceList, purgeExpiredGrievances } from "~/services/grievances.server";
import { createChannel, grievanceCounts, supplierChannels } from "~/services/voice-channels.server";
import { substantiatedGrievanceFlags } from "~/models/grievance-stats.server";
import { supplierRiskView } from "./risk-view.server";
import { FLAG_FLOORS } from "~/domain/risk/flags";
import { listForSupplier } from "~/models/action.server";
import { dbSnapshot } from "~/test/db-snapshot";

const REPORTER_IP = "198.51.100.77";

describeEachEngine("worker voice", (h) => {
  async function world(slug: string) {
    const org = await makeOrg(h(), slug, [
      [`admin@${slug}.test`, "admin"],
      [`exec@${slug}.test`, "executive"],
    ]);
    const ident = (role: Role): OrgIdentity => {
      const email = role === "admin" ? `admin@${slug}.test` : `exec@${slug}.test`;
      return { user: { sessionId: "s", userId: org.users[email]!, email, name: email }, org: { id: org.orgId, slug, name: slug }, role };
    };
    const s = await createSupplier(h().db, ident("admin"), SupplierSchema.parse({ name: `${slug} spinning`, country: "BD" }), "10.0.0.1");
    if (!s.ok) throw new Error(s.message);
    const ch = await createChannel(h().db, ident("admin"), s.value.id, ["bn", "en"]);
    if (!ch.ok) throw new Error(ch.message);
    const [channel] = await supplierChannels(h().db, ident("admin"), s.value.id);
    return { org, ident, supplierId: s.value.id, code: channel!.code };
  }

  const report = (over: Record<string, string> = {}) =>
    ReportSchema.parse({ category: "fees", happened: "this_month", details: "We paid 900 dollars to the agent.", lang: "bn", ...over });

  it("stores a report without the reporter's address, and the reporter reads the reply with number and passphrase", async () => {
    const w = await world("voice-a");
    const filed = await fileReport(h().db, w.code, report(), REPORTER_IP);
    if (!filed.ok) throw new Error(filed.message);
    expect(filed.value.caseNumber).toMatch(/^[A-Z2-9]{3}-[A-Z2-9]{3}-[A-Z2-9]{3}$/);
    expect(filed.value.passphrase.split(" ")).toHaveLength(5);

    // No row anywhere holds the address (nor the passphrase in clear).
    const snapshot = JSON.stringify(await dbSnapshot(h()));
    expect(snapshot).not.toContain(REPORTER_IP);
    expect(snapshot).not.toContain(filed.value.passphrase);
    const stored = await h()
      .db.selectFrom("grievance_cases")
      .selectAll()
      .where("case_number", "=", filed.value.caseNumber)
      .executeTakeFirstOrThrow();
    expect(stored.passphrase_hash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(stored)).not.toContain(REPORTER_IP);

    const [listed] = await grievanceList(h().db, w.ident("admin"), {});
    const page = (await casePage(h().db, w.ident("admin"), listed!.id))!;
    const act = (body: Record<string, string>) =>
      actOnCase(h().db, w.ident("admin"), listed!.id, CaseActionSchema.parse({ version: String(page.case.version), ...body }));
    expect(await act({ intent: "reply", body: "We have read your report." })).toMatchObject({ ok: true });

    const wrong = await readCase(h().db, w.code, filed.value.caseNumber, "apple arm bag bed box", REPORTER_IP);
    expect(wrong).toMatchObject({ ok: false, messageKey: "case.wrong" });
    const read = await readCase(
      h().db,
      w.code,
      filed.value.caseNumber.toLowerCase().replace(/-/g, " "),
      filed.value.passphrase.toUpperCase(),
      REPORTER_IP,
    );
    if (!read.ok) throw new Error(read.message);
    expect(read.value.messages.map((m) => [m.fromReporter, m.body])).toEqual([[false, "We have read your report."]]);
    const added = await addToCase(h().db, w.code, filed.value.caseNumber, filed.value.passphrase, "The agent is called X.", REPORTER_IP);
    expect(added.ok && added.value.messages).toHaveLength(2);
  });

  it("limits reports per source with a daily hash, never the address", async () => {
    const w = await world("voice-b");
    const ip = "192.0.2.99";
    for (let i = 0; i < 5; i++) expect((await fileReport(h().db, w.code, report({ details: `report ${i}` }), ip)).ok).toBe(true);
    expect(await fileReport(h().db, w.code, report({ details: "one more" }), ip)).toMatchObject({ ok: false, kind: "throttled" });
    // Another source is not limited by this one.
    expect((await fileReport(h().db, w.code, report({ details: "other phone" }), "192.0.2.100")).ok).toBe(true);
    const keys = await h().db.selectFrom("rate_limit_hits").select("key").where("bucket", "like", "voice-%").execute();
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.some((k) => k.key.includes("192.0.2"))).toBe(false);
  });

  it("groups repeats of the same report under the first case", async () => {
    const w = await world("voice-c");
    await fileReport(h().db, w.code, report({ details: "Same words" }), "192.0.2.1");
    await fileReport(h().db, w.code, report({ details: "same   WORDS" }), "192.0.2.2");
    await fileReport(h().db, w.code, report({ details: "Different" }), "192.0.2.3");
    const list = await grievanceList(h().db, w.ident("admin"), {});
    expect(list).toHaveLength(2);
    expect(list.find((c) => c.details === "Same words")?.repeats).toBe(1);
  });

  it("substantiating raises the debt-bondage flag citing the case and opens an internal action the supplier never sees", async () => {
    const w = await world("voice-d");
    const filed = await fileReport(h().db, w.code, report(), REPORTER_IP);
    if (!filed.ok) throw new Error(filed.message);
    const [c] = await grievanceList(h().db, w.ident("admin"), {});
    const step = async (body: Record<string, string>) => {
      const v = (await casePage(h().db, w.ident("admin"), c!.id))!.case.version;
      const r = await actOnCase(h().db, w.ident("admin"), c!.id, CaseActionSchema.parse({ version: String(v), ...body }));
      if (!r.ok) throw new Error(r.message);
    };
    expect(
      await actOnCase(h().db, w.ident("admin"), c!.id, CaseActionSchema.parse({ version: "1", intent: "status", to: "substantiated" })),
    ).toMatchObject({
      ok: false,
      kind: "invalid",
    });
    await step({ intent: "status", to: "acknowledged" });
    expect((await substantiatedGrievanceFlags(h().db, w.org.orgId, [w.supplierId])).size).toBe(0);
    await step({ intent: "status", to: "substantiated", openAction: "on" });
    const flags = await substantiatedGrievanceFlags(h().db, w.org.orgId, [w.supplierId]);
    expect(flags.get(w.supplierId)).toEqual([{ indicator: "debt_bondage", caseNumber: filed.value.caseNumber, caseId: c!.id }]);
    // The score carries the flag (risk model v2): the explanation cites the case for officers, not for executives.
    const officerRisk = (await supplierRiskView(h().db, w.org.orgId, w.supplierId, { caseNumbers: true })).score!;
    expect(officerRisk.breakdown.flags.independent).toMatchObject([{ indicator: "debt_bondage", source: { kind: "grievance_case" } }]);
    expect(officerRisk.lines.join("\n")).toContain(`case ${filed.value.caseNumber}`);
    expect(officerRisk.value).toBeGreaterThanOrEqual(FLAG_FLOORS.severe);
    const execRisk = (await supplierRiskView(h().db, w.org.orgId, w.supplierId, { caseNumbers: false })).score!;
    expect(execRisk.lines.join("\n")).toContain("a substantiated worker grievance");
    expect(JSON.stringify(execRisk)).not.toContain(filed.value.caseNumber);

    const officerView = await listForSupplier(h().db, w.org.orgId, w.supplierId);
    expect(officerView.some((a) => a.title.includes(filed.value.caseNumber))).toBe(true);
    expect(await listForSupplier(h().db, w.org.orgId, w.supplierId, new Date(), { supplierView: true })).toEqual([]);

    // Remedied needs a remedy first.
    const v = (await casePage(h().db, w.ident("admin"), c!.id))!.case.version;
    expect(
      await actOnCase(h().db, w.ident("admin"), c!.id, CaseActionSchema.parse({ version: String(v), intent: "status", to: "remedied" })),
    ).toMatchObject({
      ok: false,
    });
    await step({
      intent: "remedy",
      kind: "fees_repaid",
      amount: "36000",
      currency: "usd",
      workers: "40",
      deliveredOn: "2026-12-01",
      evidence: "Bank transfer list",
    });
    await step({ intent: "status", to: "remedied" });
    await step({ intent: "status", to: "closed" });
    expect((await substantiatedGrievanceFlags(h().db, w.org.orgId, [w.supplierId])).size).toBe(0);
    const closedRisk = (await supplierRiskView(h().db, w.org.orgId, w.supplierId, { caseNumbers: true })).score!;
    expect(closedRisk.breakdown.flags.independent ?? []).toEqual([]);
    const page = (await casePage(h().db, w.ident("admin"), c!.id))!;
    expect(page.remedies[0]).toMatchObject({ kind: "fees_repaid", amount: "36000", currency: "USD", workers: 40 });
    expect(page.case.deleteAfter?.slice(0, 4)).toBe(String(new Date().getUTCFullYear() + 5));
    expect(page.timers.map((t) => t.label)).toContain("Retaliation follow-up");

    // Retention: deleted once the period after closing is over, with its messages; the internal action stays.
    expect(await purgeExpiredGrievances(h().db, new Date())).toBe(0);
    expect(await purgeExpiredGrievances(h().db, new Date(Date.now() + 6 * 366 * 86_400_000))).toBe(1);
    expect(await casePage(h().db, w.ident("admin"), c!.id)).toBeNull();
    expect(officerView.length).toBe((await listForSupplier(h().db, w.org.orgId, w.supplierId)).length);
  });

  it("gives executives counts only, under 5 as 'fewer than 5'", async () => {
    const w = await world("voice-e");
    for (let i = 0; i < 6; i++)
      await fileReport(h().db, w.code, report({ category: i < 5 ? "wages" : "threats", details: `r${i}` }), `192.0.2.${20 + i}`);
    const exec = await grievanceCounts(h().db, w.ident("executive"));
    expect(exec.masked).toBe(true);
    expect(exec.byCategory.find((c) => c.category === "wages")?.count).toBe(5);
    expect(exec.byCategory.find((c) => c.category === "threats")?.count).toBe("fewer than 5");
    expect(exec.openBySite[0]?.count).toBe(6);
    const admin = await grievanceCounts(h().db, w.ident("admin"));
    expect(admin.byCategory.find((c) => c.category === "threats")?.count).toBe(1);
  });
});
