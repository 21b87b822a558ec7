// Supplier-name normalisation, used for search and duplicate detection (stored as suppliers.name_norm).
// Pure: no node/kysely/remix imports, so the UI, the importer and the seed all share it.

// Latin letters that Unicode does not decompose into base letter + accent, so NFKD alone keeps them.
const FOLD: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  đ: "d",
  ð: "d",
  ħ: "h",
  ı: "i",
  ł: "l",
  þ: "th",
};

/**
 * "Đồng Nai Footwear Co., Ltd." → "dong nai footwear co ltd".
 * Lower-cases, strips accents, turns every run of punctuation/whitespace/symbols into one space and
 * trims. Letters and digits of any script survive, so non-Latin names still normalise to something.
 */
export function normalizeName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "") // combining marks, i.e. the accents NFKD split off
    .toLowerCase()
    .replace(/[ßæœøđðħıłþ]/g, (c) => FOLD[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
