import { describe, expect, it } from "vitest";
import { PRINCIPLES } from "~/domain/questionnaire/types";
import { AUDIT_STANDARDS, STANDARDS, auditLabel, defaultValidUntil, inForce, mapSeverity } from "./standards";
import { actionForFinding, readFinding, readFindingRows, readTouches, recordsRule } from "./findings";
import { auditSignals, openFindingsText, type AuditSignalInput } from "./signals";

describe("standards", () => {
  it("every coverage row names a real principle once and gives a reason", () => {
    for (const s of AUDIT_STANDARDS) {
      const ps = STANDARDS[s].covers.map((c) => c.principle);
      expect(new Set(ps).size).toBe(ps.length);
      for (const c of STANDARDS[s].covers) {
        expect(PRINCIPLES).toContain(c.principle);
        expect(c.reason.length).toBeGreaterThan(10);
      }
    }
    expect(STANDARDS.other.covers).toEqual([]);
  });

  it("in force: audit date + the standard's validity (SMETA 2 years, SA8000 3), both ends included", () => {
    expect(defaultValidUntil("smeta_4", "2026-03-10")).toBe("2028-03-09");
    expect(defaultValidUntil("rba_vap", "2024-02-29")).toBe("2026-02-27");
    expect(defaultValidUntil("sa8000", "2026-01-01")).toBe("2028-12-31");
    const a = { auditDate: "2026-03-10", validUntil: "2028-03-09" };
    expect(inForce(a, "2026-03-09")).toBe(false);
    expect(inForce(a, "2026-03-10")).toBe(true);
    expect(inForce(a, "2028-03-09")).toBe(true);
    expect(inForce(a, "2028-03-10")).toBe(false);
  });

  it("maps each standard's own severity words; refuses another standard's word", () => {
    expect(mapSeverity("rba_vap", "Priority")).toBe("critical");
    expect(mapSeverity("amfori_bsci", "zero-tolerance")).toBe("critical");
    expect(mapSeverity("smeta_4", " MAJOR ")).toBe("major");
    expect(mapSeverity("sa8000", "minor")).toBe("minor");
    expect(mapSeverity("smeta_2", "Priority")).toBeNull();
    expect(mapSeverity("smeta_2", "bad")).toBeNull();
  });

  it("names an audit as the explanation does", () => {
    expect(auditLabel({ standard: "smeta_4", auditDate: "2026-03-10", firm: "Bureau X" })).toBe("SMETA 4-pillar, 2026-03-10, Bureau X");
    expect(auditLabel({ standard: "other", standardOther: "WRAP", auditDate: "2026-03-10", firm: "Y" })).toBe("WRAP, 2026-03-10, Y");
  });
});

describe("findings", () => {
  it("reads what a finding touches: an indicator by key or label, or a principle", () => {
    expect(readTouches("Excessive overtime")).toEqual({ indicator: "excessive_overtime", principle: null });
    expect(readTouches("debt_bondage")).toEqual({ indicator: "debt_bondage", principle: null });
    expect(readTouches("p2")).toEqual({ indicator: null, principle: "P2" });
    expect(readTouches("working hours")).toBeNull();
  });

  it("reads file rows with an error per bad cell and the row's line", () => {
    const r = readFindingRows(
      "smeta_4",
      ["Description", "Severity", "Touches", "Recommended fix"],
      [
        { line: 2, cells: ["72 hours a week", "Major", "excessive overtime", "Cap hours"] },
        { line: 3, cells: ["", "", "", ""] },
        { line: 4, cells: ["x", "Priority", "nonsense", ""] },
      ],
    );
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({
      severity: "major",
      severityLabel: "Major",
      indicator: "excessive_overtime",
      recommendation: "Cap hours",
    });
    expect(r.errors.map((e) => [e.row, e.field])).toEqual([
      [4, "description"],
      [4, "severity"],
      [4, "touches"],
    ]);
    expect(r.errors[1]!.message).toContain("Business critical, Critical, Zero tolerance, Major, Minor");
  });

  it("refuses a file without the template's columns, or without rows", () => {
    expect(readFindingRows("smeta_4", ["name", "x"], []).errors[0]!.message).toContain("no column description, severity, touches");
    expect(readFindingRows("smeta_4", ["description", "severity", "touches"], []).errors[0]!.message).toContain("no findings");
  });

  it("opens the right action: forced-labour indicator → red_flag; wage and hours → records rule; critical → mail now", () => {
    expect(actionForFinding({ indicator: "excessive_overtime", severity: "major" })).toEqual({
      source: "red_flag",
      severity: "major",
      verifyRule: "records_two_months",
      dueDays: 30,
      mailOwnerNow: false,
    });
    expect(actionForFinding({ indicator: "debt_bondage", severity: "critical" })).toMatchObject({ verifyRule: null, mailOwnerNow: true });
    expect(actionForFinding({ indicator: null, severity: "minor" })).toMatchObject({ source: "manual", verifyRule: null });
    const f = readFinding("rba_vap", {
      description: "Wages paid 2 months late",
      severity: "Priority",
      touches: "withholding of wages",
      recommendation: "",
    });
    expect(f.ok && actionForFinding(f.value).verifyRule).toBe("records_two_months");
  });

  it("needs records of the right kind for two calendar months after the finding's month", () => {
    const found = "2026-03-10";
    expect(recordsRule(found, "time", []).met).toBe(false);
    expect(
      recordsRule(found, "time", [
        { kind: "time", month: "2026-03" },
        { kind: "time", month: "2026-04" },
      ]).met,
    ).toBe(false);
    expect(
      recordsRule(found, "time", [
        { kind: "payroll", month: "2026-04" },
        { kind: "time", month: "2026-05" },
      ]).message,
    ).toContain("only 2026-05");
    const ok = recordsRule(found, "time", [
      { kind: "time", month: "2026-05" },
      { kind: "time", month: "2026-04" },
      { kind: "time", month: "2026-04" },
    ]);
    expect(ok).toMatchObject({ met: true, months: ["2026-04", "2026-05"] });
  });
});

describe("signals for the risk model", () => {
  const audit = (over: Partial<AuditSignalInput> = {}): AuditSignalInput => ({
    id: 1,
    standard: "smeta_4",
    standardOther: null,
    firm: "Bureau X",
    auditDate: "2026-03-10",
    validUntil: "2028-03-09",
    findings: [],
    ...over,
  });
  const finding = (over: Partial<AuditSignalInput["findings"][number]> = {}) => ({
    id: 1,
    severity: "major" as const,
    severityLabel: "Major",
    indicator: "excessive_overtime",
    principle: null,
    open: true,
    ...over,
  });

  it("an audit in force verifies its principles and names its open findings", () => {
    const s = auditSignals([audit({ findings: [finding()] })], "2026-06-01");
    expect(s.verification).toEqual({
      label: "SMETA 4-pillar, 2026-03-10, Bureau X: 1 open major finding on excessive overtime",
      principles: ["P1", "P4", "P5"],
      liftsGoodsFloor: true,
    });
    expect(s.flags).toEqual([]);
  });

  it("an expired, future or 'other' audit verifies nothing", () => {
    expect(auditSignals([audit()], "2028-03-10").verification).toBeNull();
    expect(auditSignals([audit()], "2026-03-09").verification).toBeNull();
    expect(auditSignals([audit({ standard: "other" })], "2026-06-01").verification).toBeNull();
  });

  it("an open critical finding on an indicator is a red flag and keeps the goods floor; a verified one is not", () => {
    const zt = finding({ id: 7, severity: "critical", severityLabel: "Zero tolerance", indicator: "debt_bondage" });
    const s = auditSignals([audit({ standard: "amfori_bsci", findings: [zt] })], "2026-06-01");
    expect(s.verification?.liftsGoodsFloor).toBe(false);
    expect(s.flags).toEqual([
      {
        indicator: "debt_bondage",
        severity: "severe",
        source: { kind: "audit_finding", id: 7, label: "Zero tolerance finding of amfori BSCI, 2026-03-10, Bureau X" },
      },
    ]);
    // Still a flag after the audit expired: a red flag is a fact until it is fixed.
    expect(auditSignals([audit({ findings: [zt] })], "2030-01-01").flags).toHaveLength(1);
    const closed = auditSignals([audit({ findings: [{ ...zt, open: false }] })], "2026-06-01");
    expect(closed.flags).toEqual([]);
    expect(closed.verification?.liftsGoodsFloor).toBe(true);
  });

  it("summarises open findings by severity", () => {
    const text = openFindingsText([
      finding({ id: 1, severity: "minor", indicator: null, principle: "P2" }),
      finding({ id: 2 }),
      finding({ id: 3, severity: "minor", indicator: null, principle: "P2" }),
      finding({ id: 4, open: false }),
    ]);
    expect(text).toBe("1 open major finding on excessive overtime, 2 open minor findings on P2");
  });
});
