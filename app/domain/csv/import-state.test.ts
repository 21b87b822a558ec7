import { describe, expect, it } from "vitest";
import { importState } from "./import-state";

describe("importState", () => {
  const now = new Date("2026-12-06T12:00:00.000Z");
  const later = { id: 9, filename: "newer.csv", finished_at: "2026-12-06T11:00:00.000Z" };

  it("shows a check superseded by a later committed import, or left for three days, as abandoned and discardable", () => {
    expect(importState({ id: 5, status: "checked", created_at: "2026-12-06T10:00:00.000Z" }, later, now)).toEqual({
      label: "abandoned",
      abandoned: "superseded by “newer.csv”, imported after it",
      discardable: true,
    });
    expect(importState({ id: 5, status: "uploaded", created_at: "2026-12-02T10:00:00.000Z" }, undefined, now)).toEqual({
      label: "abandoned",
      abandoned: "not imported for 4 days",
      discardable: true,
    });
  });

  it("leaves a fresh check, a committed import and a running one as they are", () => {
    expect(importState({ id: 10, status: "checked", created_at: "2026-12-06T11:30:00.000Z" }, later, now)).toEqual({
      label: "checked",
      abandoned: null,
      discardable: true,
    });
    expect(importState({ id: 9, status: "committed", created_at: "2026-12-01T11:00:00.000Z" }, later, now)).toEqual({
      label: "imported",
      abandoned: null,
      discardable: false,
    });
    expect(importState({ id: 11, status: "committing", created_at: "2026-12-01T11:00:00.000Z" }, later, now)).toEqual({
      label: "importing",
      abandoned: null,
      discardable: false,
    });
  });
});
