// Entity names as the screening compares them: accents, case and punctuation folded (the supplier
// search's normalizeName), then the words that say what legal form a company has, or that a list
// adds around a name ("and subsidiaries", "formerly known as"), taken out. What is left are the
// words that name the entity; a few very common trade words weigh less when names are compared.
// Pure module.
import { normalizeName } from "~/domain/supply-chain/normalize";

/** Legal forms and list boilerplate, as whole normalised words (A.Ş. → "a s" → both single letters, dropped). */
const LEGAL_FORMS = new Set(
  [
    "co company companies corp corporation inc incorporated ltd limited llc lp llp plc pvt private pte pty",
    "gmbh ag kg sa sas sarl srl spa bv nv oy ab as asa aps jsc pjsc ojsc cjsc zao oao ooo tov",
    "sdn bhd berhad tbk lda ltda cia eireli sti san tic ve kk doo dd",
    "cv de holdings holding subsidiaries subsidiary affiliates affiliated and the of",
    "formerly known as fka aka branch",
  ]
    .join(" ")
    .split(" "),
);

/**
 * Words so common in supplier and listed names that sharing them says little: they still count,
 * at a third of a distinctive word's weight, and never find a candidate on their own.
 */
const COMMON = new Set(
  [
    "group industry industries industrial international trading trade textile textiles garment garments apparel",
    "manufacturing manufacture products product technology technologies tech new energy materials material",
    "food foods cotton linen fabric fabrics mills mill spinning knitting knit yarn shoes shoe footwear",
    "development economic science biotechnology biological logistics import export imports exports exporters enterprise enterprises",
    "global china chinese xinjiang co operative cooperative park factory works services service",
  ]
    .join(" ")
    .split(" "),
);

/** "Đồng Nai Footwear Co., Ltd." → "dong nai footwear"; "Hoshine Silicon (Shanshan) Co., Ltd" → "hoshine silicon shanshan". */
export function screeningName(name: string): string {
  return screeningTokens(name).join(" ");
}

/** The words of a name that identify it, in order (legal forms and single letters dropped; digits kept: "Yu Long No. 2"). */
export function screeningTokens(name: string): string[] {
  return normalizeName(name)
    .split(" ")
    .filter((w) => w !== "" && !LEGAL_FORMS.has(w) && (w.length > 1 || /\d/.test(w)));
}

export function isCommonWord(word: string): boolean {
  return COMMON.has(word);
}

export function wordWeight(word: string): number {
  return COMMON.has(word) ? 1 / 3 : 1;
}

/** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      cur.push(v);
    }
    before = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Two words are the same word: equal, or (both at least 6 letters, typos allowed) one typo apart. */
export function sameWord(a: string, b: string, typos = true): boolean {
  if (a === b) return true;
  if (!typos) return false;
  if (a.length < 6 || b.length < 6 || /\d/.test(a) || /\d/.test(b)) return false;
  return editDistance(a, b, 1) <= 1;
}

/**
 * How alike two names are, 0..100: the weighted share of words they have in common (Dice), distinctive
 * words weighing three times common ones. Word order does not matter; a typo in a long word is forgiven
 * when both names have two distinctive words or more (one word alone, misspelt, is too weak a sign).
 */
export function nameSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const typos = Math.min(a.filter((w) => !COMMON.has(w)).length, b.filter((w) => !COMMON.has(w)).length) >= 2;
  const used = new Set<number>();
  let shared = 0;
  for (const w of a) {
    const j = b.findIndex((x, i) => !used.has(i) && sameWord(w, x, typos));
    if (j >= 0) {
      used.add(j);
      shared += wordWeight(w);
    }
  }
  const total = a.reduce((n, w) => n + wordWeight(w), 0) + b.reduce((n, w) => n + wordWeight(w), 0);
  return Math.round((200 * shared) / total);
}
