import { describe, expect, it } from "vitest";
import { fail, ok, type Result } from "./result";

describe("result", () => {
  it("carries a value or a problem, never both", () => {
    const good: Result<number> = ok(3);
    const bad: Result<number, { version: number }> = fail("conflict", "Someone else changed it.", { detail: { version: 4 } });
    expect(good).toEqual({ ok: true, value: 3 });
    expect(bad).toEqual({ ok: false, kind: "conflict", message: "Someone else changed it.", detail: { version: 4 } });
    if (!bad.ok) expect(bad.detail?.version).toBe(4);
    expect(ok()).toEqual({ ok: true, value: undefined });
  });
});
