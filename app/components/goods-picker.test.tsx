// The goods chips say which goods are off the TVPRA list, and which "goods" are sectors the list
// names otherwise (Apparel: the list says Garments).
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { GoodsPicker } from "./goods-picker";

const chipsOf = (value: string[]) => {
  const html = renderToStaticMarkup(<GoodsPicker value={value} onChange={() => undefined} suggestions={["Cotton", "Garments"]} />);
  return [...html.matchAll(/<li class="chip">(.*?)<\/li>/g)].map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ")
      .trim(),
  );
};

describe("goods chips", () => {
  it("marks nothing on a listed good, a plain note on an unlisted one, the listed name for a sector", () => {
    expect(chipsOf(["Cotton", "Recycled trims", "Apparel"])).toEqual([
      "Cotton ✕",
      "Recycled trims not on the TVPRA list ✕",
      "Apparel a sector: the TVPRA list says Garments ✕",
    ]);
  });
});
