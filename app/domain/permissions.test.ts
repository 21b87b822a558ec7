import { describe, expect, it } from "vitest";
import { ACTIONS, ROLES, can, isRole } from "./permissions";

// Exhaustive: every role × every action has an expected answer written out here, so a change to
// the matrix must be a deliberate change to this table too.
const EXPECTED: Record<(typeof ROLES)[number], Record<(typeof ACTIONS)[number], boolean>> = {
  admin: Object.fromEntries(ACTIONS.map((a) => [a, true])) as Record<(typeof ACTIONS)[number], boolean>,
  compliance: {
    "org.view": true,
    "members.view": true,
    "members.manage": false,
    "audit.view": false,
    "outbox.view": false,
    "suppliers.view": true,
    "suppliers.edit": true,
    "suppliers.import": true,
    "assessments.view": true,
    "assessments.manage": true,
    "assessments.review": true,
    "actions.view": true,
    "actions.edit": true,
    "risk.view": true,
    "methodology.edit": false,
    "review.settings": false,
    "reports.view": true,
    "grievances.handle": true,
    "grievances.settings": false,
    "statements.view": true,
    "statements.edit": true,
    "statements.approve": false,
    "profile.edit": true,
    "products.view": true,
    "products.edit": true,
    "screening.review": true,
    "integrations.manage": false,
  },
  executive: {
    "org.view": true,
    "members.view": true,
    "members.manage": false,
    "audit.view": false,
    "outbox.view": false,
    "suppliers.view": true,
    "suppliers.edit": false,
    "suppliers.import": false,
    "assessments.view": true,
    "assessments.manage": false,
    "assessments.review": false,
    "actions.view": true,
    "actions.edit": false,
    "risk.view": true,
    "methodology.edit": false,
    "review.settings": false,
    "reports.view": true,
    "grievances.handle": false,
    "grievances.settings": false,
    "statements.view": true,
    "statements.edit": false,
    "statements.approve": false,
    "profile.edit": false,
    "products.view": true,
    "products.edit": false,
    "screening.review": false,
    "integrations.manage": false,
  },
};

describe("permission matrix", () => {
  for (const role of ROLES) {
    for (const action of ACTIONS) {
      it(`${role} ${EXPECTED[role][action] ? "may" : "may not"} ${action}`, () => {
        expect(can(role, action)).toBe(EXPECTED[role][action]);
      });
    }
  }

  it("executives can change nothing", () => {
    const writes = ACTIONS.filter((a) => can("executive", a) && !a.endsWith(".view"));
    expect(writes).toEqual([]);
  });

  it("recognises roles", () => {
    expect(isRole("admin")).toBe(true);
    expect(isRole("owner")).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
