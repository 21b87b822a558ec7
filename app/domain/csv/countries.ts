// Country cell → ISO 3166-1 alpha-2 code, for the supplier import.
// Pure module: no node, kysely or remix imports. The country list comes from the caller (the
// countries table), so the resolver never returns a code the database does not know.
//
// Accepted: the alpha-2 code in any case; the names given (ISO short names such as "Viet Nam",
// "Korea, Republic of", also reordered: "Republic of Korea"); the English names Intl.DisplayNames
// knows ("Vietnam", "South Korea", "Côte d’Ivoire", "Congo - Kinshasa"); and the common English
// forms in ALIASES. Names are compared through normalizeName (case, accents and punctuation do not
// matter) with the words "the" and "and" dropped ("The Gambia", "Bosnia & Herzegovina").
// Anything else is unknown (null): no fuzzy matching, a wrong country is worse than a row error.
// Alpha-3 codes are not accepted: there is no alpha-3 table in the reference data.

import { normalizeName } from "~/domain/supply-chain/normalize";

export interface CountryEntry {
  iso2: string;
  name: string;
}

export type CountryResolver = (input: string) => string | null;

// Common English forms that neither the ISO names nor Intl.DisplayNames("en") produce.
const ALIASES: Record<string, string> = {
  vietnam: "VN",
  "viet nam": "VN",
  bolivia: "BO",
  russia: "RU",
  "russian federation": "RU",
  "south korea": "KR",
  "republic of korea": "KR",
  "korea south": "KR",
  "north korea": "KP",
  "korea north": "KP",
  dprk: "KP",
  iran: "IR",
  syria: "SY",
  laos: "LA",
  "lao pdr": "LA",
  moldova: "MD",
  tanzania: "TZ",
  venezuela: "VE",
  "czech republic": "CZ",
  czechia: "CZ",
  uk: "GB",
  "u k": "GB",
  "great britain": "GB",
  britain: "GB",
  england: "GB",
  scotland: "GB",
  wales: "GB",
  "northern ireland": "GB",
  "united kingdom": "GB",
  "united kingdom of great britain and northern ireland": "GB",
  usa: "US",
  "u s a": "US",
  us: "US",
  "u s": "US",
  "united states": "US",
  "united states of america": "US",
  burma: "MM",
  myanmar: "MM",
  "ivory coast": "CI",
  "cote d ivoire": "CI",
  drc: "CD",
  "dr congo": "CD",
  "d r congo": "CD",
  "democratic republic of congo": "CD",
  "democratic republic of the congo": "CD",
  "congo kinshasa": "CD",
  "congo democratic republic": "CD",
  "republic of the congo": "CG",
  "republic of congo": "CG",
  "congo republic": "CG",
  "congo brazzaville": "CG",
  "kyrgyz republic": "KG",
  kirghizia: "KG",
  swaziland: "SZ",
  eswatini: "SZ",
  macedonia: "MK",
  "north macedonia": "MK",
  "republic of north macedonia": "MK",
  fyrom: "MK",
  holland: "NL",
  "the netherlands": "NL",
  "cape verde": "CV",
  "cabo verde": "CV",
  "east timor": "TL",
  "timor leste": "TL",
  vatican: "VA",
  "vatican city": "VA",
  "holy see": "VA",
  palestine: "PS",
  "state of palestine": "PS",
  "palestinian territories": "PS",
  micronesia: "FM",
  "federated states of micronesia": "FM",
  brunei: "BN",
  "brunei darussalam": "BN",
  "hong kong": "HK",
  "hong kong sar": "HK",
  macau: "MO",
  macao: "MO",
  "macau sar": "MO",
  "macao sar": "MO",
  taiwan: "TW",
  "chinese taipei": "TW",
  uae: "AE",
  "u a e": "AE",
  emirates: "AE",
  ksa: "SA",
  "saudi arabia": "SA",
  "kingdom of saudi arabia": "SA",
  turkey: "TR",
  turkiye: "TR",
  prc: "CN",
  "p r china": "CN",
  "pr china": "CN",
  "people s republic of china": "CN",
  "peoples republic of china": "CN",
  "mainland china": "CN",
  "china mainland": "CN",
  "south africa": "ZA",
  rsa: "ZA",
  bosnia: "BA",
  "bosnia herzegovina": "BA",
  "st kitts": "KN",
  "saint kitts nevis": "KN",
  "saint lucia": "LC",
  "saint vincent": "VC",
  "saint vincent grenadines": "VC",
  "sao tome": "ST",
  "sao tome principe": "ST",
  trinidad: "TT",
  "trinidad tobago": "TT",
  antigua: "AG",
  "antigua barbuda": "AG",
  gambia: "GM",
  bahamas: "BS",
  "falkland islands": "FK",
  reunion: "RE",
  curacao: "CW",
  "faroe islands": "FO",
  "faeroe islands": "FO",
};

const DROPPED_WORDS = new Set(["the", "and"]);

/** normalizeName, then drop "the"/"and" and spell "st" as "saint". */
export function countryKey(input: string): string {
  const norm = normalizeName(input);
  if (norm === "") return "";
  const words = norm.split(" ");
  let out = "";
  for (const w of words) {
    if (DROPPED_WORDS.has(w)) continue;
    const word = w === "st" ? "saint" : w;
    out = out === "" ? word : `${out} ${word}`;
  }
  return out;
}

/** "Korea, Republic of" → "Republic of Korea"; "Congo, The Democratic Republic of the" → "… of the Congo". */
function reordered(name: string): string | null {
  const comma = name.indexOf(",");
  if (comma === -1) return null;
  const head = name.slice(0, comma).trim();
  const tail = name.slice(comma + 1).trim();
  if (head === "" || tail === "") return null;
  return `${tail} ${head}`;
}

/** "Myanmar (Burma)" → "Myanmar"; "Hong Kong SAR China" stays. */
function withoutParenthetical(name: string): string | null {
  const i = name.indexOf("(");
  return i > 0 ? name.slice(0, i).trim() : null;
}

export function createCountryResolver(entries: ReadonlyArray<CountryEntry>): CountryResolver {
  const codes = new Set<string>();
  for (const e of entries) codes.add(e.iso2.toUpperCase());
  const byName = new Map<string, string>();
  // First source wins: a later, looser source never re-points a name.
  const add = (name: string | null, iso2: string) => {
    if (name === null) return;
    const key = countryKey(name);
    if (key !== "" && !byName.has(key)) byName.set(key, iso2);
  };
  for (const e of entries) {
    const iso2 = e.iso2.toUpperCase();
    add(e.name, iso2);
    add(reordered(e.name), iso2);
    add(withoutParenthetical(e.name), iso2);
  }
  for (const [alias, iso2] of Object.entries(ALIASES)) if (codes.has(iso2)) add(alias, iso2);
  const displayNames = intlRegionNames();
  for (const iso2 of codes) {
    for (const names of displayNames) {
      const name = safeOf(names, iso2);
      add(name, iso2);
      if (name !== null) add(withoutParenthetical(name), iso2);
    }
  }

  // Imports repeat the same few spellings thousands of times: remember the answers.
  const cache = new Map<string, string | null>();
  return (input: string) => {
    const hit = cache.get(input);
    if (hit !== undefined) return hit;
    let result: string | null = null;
    const trimmed = input.trim();
    if (trimmed.length === 2) {
      const code = trimmed.toUpperCase();
      if (codes.has(code)) result = code;
    }
    if (result === null && trimmed !== "") result = byName.get(countryKey(trimmed)) ?? null;
    if (cache.size < 10_000) cache.set(input, result);
    return result;
  };
}

function intlRegionNames(): Intl.DisplayNames[] {
  try {
    return [new Intl.DisplayNames(["en"], { type: "region" }), new Intl.DisplayNames(["en"], { type: "region", style: "short" })];
  } catch {
    // A runtime without region display names still has the ISO names and the aliases.
    return [];
  }
}

function safeOf(names: Intl.DisplayNames, iso2: string): string | null {
  try {
    const name = names.of(iso2);
    // Unknown codes come back as the code itself.
    return name === undefined || name.toUpperCase() === iso2 ? null : name;
  } catch {
    return null;
  }
}
