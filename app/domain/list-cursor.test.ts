import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./list-cursor";

describe("list cursors", () => {
  it("read back what they wrote, whatever the key holds", () => {
    for (const c of [
      { key: "acme textiles", id: 42 },
      { key: "a:b:c", id: 1 },
      { key: "", id: 7 },
      { key: "2026-12-07T10:00:00.000Z", id: 100000 },
    ]) {
      expect(decodeCursor(encodeCursor(c))).toEqual(c);
    }
  });

  it("turn anything else into null", () => {
    for (const t of [null, undefined, "", "abc", ":x", "0:x", "-1:x", "1.5:x", "12", `1:${"x".repeat(301)}`, "9999999999999999:x"]) {
      expect(decodeCursor(t)).toBeNull();
    }
  });
});
