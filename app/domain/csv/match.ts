// How the importer decides that two spellings are the same factory. Brand factory lists write one
// site many ways ("Co., Ltd." / "Co. Ltd" / "Company Limited", "S.A de C.V" / "SA de CV",
// "Rd." / "Road", a trailing zero-width space): these keys make them compare equal, within a file
// and across files. They work on text already passed through normalizeName, so the key of a stored
// supplier is computed from its name_norm column without a schema change.
// Pure module: no node, kysely or remix imports.

import { normalizeName } from "~/domain/supply-chain/normalize";

// Legal-form words and their short forms (compared after normalizeName: lower case, no punctuation).
const LEGAL: Record<string, string> = {
  company: "co",
  limited: "ltd",
  corporation: "corp",
  incorporated: "inc",
  private: "pvt",
  manufacturing: "mfg",
  factory: "fty",
  industrial: "ind",
  industries: "ind",
  industry: "ind",
  international: "intl",
  group: "grp",
};

// Address words and their short forms; "no" / "number" before a house number carry nothing.
const ADDRESS: Record<string, string> = {
  road: "rd",
  street: "st",
  avenue: "ave",
  boulevard: "blvd",
  district: "dist",
  building: "bldg",
  floor: "fl",
  industrial: "ind",
  zone: "zn",
  park: "pk",
  village: "vil",
  province: "prov",
  highway: "hwy",
  lane: "ln",
  number: "",
  no: "",
  nr: "",
};

/**
 * Joins runs of single letters ("s a de c v" → "sa de cv") and shortens words through `table`.
 * Only Latin single letters are joined: a single CJK character is a word of its own.
 */
function foldTokens(norm: string, table: Record<string, string>): string {
  if (norm === "") return norm;
  const tokens = norm.split(" ");
  const out: string[] = [];
  let run = "";
  for (const t of tokens) {
    if (t.length === 1 && t >= "a" && t <= "z") {
      run += t;
      continue;
    }
    if (run !== "") {
      out.push(table[run] ?? run);
      run = "";
    }
    const short = table[t];
    if (short === undefined) out.push(t);
    else if (short !== "") out.push(short);
  }
  if (run !== "") out.push(table[run] ?? run);
  return out.join(" ");
}

/** The name as the importer matches it, from a normalizeName() result (e.g. suppliers.name_norm). */
export function nameMatchKey(nameNorm: string): string {
  return foldTokens(nameNorm, LEGAL);
}

/** The address as the importer compares it: "No. 12, Tan Thuan Rd." and "12 Tan Thuan Road" are equal. */
export function addressMatchKey(address: string | null): string {
  return address === null ? "" : foldTokens(normalizeName(address), ADDRESS);
}

// Zero-width and direction marks, word joiner, BOM, soft hyphen, Mongolian vowel separator: they
// print as nothing, so a cell that ends (or starts) with them looks identical to one without.
const INVISIBLE_EDGE =
  /^[\s\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]+|[\s\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]+$/g;

/** True when the first or last character of a (trimmed) cell is one that prints as nothing. */
export function hasInvisibleEdge(v: string): boolean {
  if (v === "") return false;
  return isInvisible(v.charCodeAt(0)) || isInvisible(v.charCodeAt(v.length - 1));
}

function isInvisible(c: number): boolean {
  return (
    c === 0xad ||
    c === 0x180e ||
    c === 0xfeff ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064)
  );
}

/** The cell without invisible characters (and spaces) at either end. */
export function stripInvisibleEdges(v: string): string {
  return v.replace(INVISIBLE_EDGE, "");
}
