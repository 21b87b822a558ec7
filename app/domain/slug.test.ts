import { describe, expect, it } from "vitest";
import { slugify } from "./slug";

describe("slugify", () => {
  it("makes URL-safe slugs", () => {
    expect(slugify("Acme Apparel")).toBe("acme-apparel");
    expect(slugify("  Société Générale & Co. ")).toBe("societe-generale-co");
    expect(slugify("北京")).toBe("");
  });
  it("caps length without a trailing dash", () => {
    const s = slugify("a".repeat(39) + " b");
    expect(s.length).toBeLessThanOrEqual(40);
    expect(s.endsWith("-")).toBe(false);
  });
});
