import { describe, expect, it } from "vitest";
import { normalizeName } from "./normalize";

describe("normalizeName", () => {
  it("lower-cases, strips accents and collapses punctuation", () => {
    expect(normalizeName("Đồng Nai Footwear Co., Ltd.")).toBe("dong nai footwear co ltd");
    expect(normalizeName("Bursa Örme Kumaş San. ve Tic. A.Ş.")).toBe("bursa orme kumas san ve tic a s");
    expect(normalizeName("Guimarães Têxteis, S.A.")).toBe("guimaraes texteis s a");
  });

  it("trims and collapses whitespace of every kind", () => {
    expect(normalizeName("  Dhaka \t Knitwear\n\u00a0Ltd  ")).toBe("dhaka knitwear ltd");
    expect(normalizeName("Gazipur Dyeing & Finishing -- Ltd")).toBe("gazipur dyeing finishing ltd");
  });

  it("folds letters that have no decomposition", () => {
    expect(normalizeName("Straße Øresund Łódź")).toBe("strasse oresund lodz");
  });

  it("keeps digits and non-Latin letters", () => {
    expect(normalizeName("Plant No. 7")).toBe("plant no 7");
    expect(normalizeName("深圳华兴电子有限公司")).toBe("深圳华兴电子有限公司");
  });

  it("is idempotent and makes spelling variants equal", () => {
    const a = normalizeName("SAIGON STITCH GARMENT J.S.C.");
    expect(normalizeName(a)).toBe(a);
    expect(a).toBe(normalizeName("Saigon Stitch Garment JSC".replace("JSC", "J S C")));
    expect(normalizeName("")).toBe("");
    expect(normalizeName("...")).toBe("");
  });
});
