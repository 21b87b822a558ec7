import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { countryKey, createCountryResolver, type CountryEntry } from "./countries";

// The shipped reference list (db/seed/countries.csv, ISO 3166-1 short names).
const ALL: CountryEntry[] = Papa.parse<CountryEntry>(readFileSync(new URL("../../../db/seed/countries.csv", import.meta.url), "utf8"), {
  header: true,
  skipEmptyLines: true,
}).data;

describe("createCountryResolver", () => {
  const resolve = createCountryResolver(ALL);

  it("accepts codes in any case and names in any case, with or without accents", () => {
    const cases: Array<[string, string | null]> = [
      ["CHINA", "CN"],
      ["China", "CN"],
      ["cn", "CN"],
      ["Viet Nam", "VN"],
      ["Vietnam", "VN"],
      ["viet nam", "VN"],
      ["VIET-NAM", "VN"],
      ["VN", "VN"],
      ["vn", "VN"],
      ["Türkiye", "TR"],
      ["Turkiye", "TR"],
      ["Turkey", "TR"],
      ["Côte d'Ivoire", "CI"],
      ["Côte d’Ivoire", "CI"],
      ["Cote d'Ivoire", "CI"],
      ["Ivory Coast", "CI"],
      ["  Bangladesh ", "BD"],
    ];
    for (const [input, iso2] of cases) expect(resolve(input), input).toBe(iso2);
  });

  it("knows ISO names in both orders, Intl names and common English forms", () => {
    const cases: Array<[string, string]> = [
      ["Bolivia, Plurinational State of", "BO"],
      ["Plurinational State of Bolivia", "BO"],
      ["Bolivia (Plurinational State of)", "BO"],
      ["Bolivia", "BO"],
      ["Korea, Republic of", "KR"],
      ["Republic of Korea", "KR"],
      ["South Korea", "KR"],
      ["North Korea", "KP"],
      ["Taiwan, Province of China", "TW"],
      ["Taiwan", "TW"],
      ["Russia", "RU"],
      ["Russian Federation", "RU"],
      ["Iran", "IR"],
      ["Syria", "SY"],
      ["Laos", "LA"],
      ["Moldova", "MD"],
      ["Tanzania", "TZ"],
      ["Venezuela", "VE"],
      ["Czech Republic", "CZ"],
      ["Czechia", "CZ"],
      ["UK", "GB"],
      ["Great Britain", "GB"],
      ["United Kingdom", "GB"],
      ["USA", "US"],
      ["US", "US"],
      ["United States of America", "US"],
      ["United States", "US"],
      ["Burma", "MM"],
      ["Myanmar", "MM"],
      ["DRC", "CD"],
      ["DR Congo", "CD"],
      ["Democratic Republic of the Congo", "CD"],
      ["Congo-Kinshasa", "CD"],
      ["Congo, The Democratic Republic of the", "CD"],
      ["Republic of the Congo", "CG"],
      ["Congo-Brazzaville", "CG"],
      ["Congo", "CG"],
      ["Kyrgyz Republic", "KG"],
      ["Swaziland", "SZ"],
      ["Eswatini", "SZ"],
      ["Macedonia", "MK"],
      ["North Macedonia", "MK"],
      ["Holland", "NL"],
      ["The Netherlands", "NL"],
      ["Cape Verde", "CV"],
      ["East Timor", "TL"],
      ["Timor-Leste", "TL"],
      ["Vatican", "VA"],
      ["Holy See", "VA"],
      ["Palestine", "PS"],
      ["Micronesia", "FM"],
      ["Brunei", "BN"],
      ["Hong Kong", "HK"],
      ["Hong Kong SAR China", "HK"],
      ["Macau", "MO"],
      ["Macao", "MO"],
      ["UAE", "AE"],
      ["KSA", "SA"],
      ["Saudi Arabia", "SA"],
      ["Bosnia & Herzegovina", "BA"],
      ["Bosnia and Herzegovina", "BA"],
      ["Trinidad & Tobago", "TT"],
      ["St. Kitts & Nevis", "KN"],
      ["Gambia", "GM"],
      ["The Gambia", "GM"],
      ["Lao People's Democratic Republic", "LA"],
    ];
    for (const [input, iso2] of cases) expect(resolve(input), input).toBe(iso2);
  });

  it("returns null for unknown names instead of guessing", () => {
    for (const input of ["Atlantis", "", "   ", "Chna", "Korea", "XX", "Europe", "C", "CHN", "Germany, Federal Republic"]) {
      expect(resolve(input), input).toBeNull();
    }
  });

  it("resolves every shipped ISO name and Intl English name to its own code", () => {
    const intl = new Intl.DisplayNames(["en"], { type: "region" });
    for (const { iso2, name } of ALL) {
      expect(resolve(name), name).toBe(iso2);
      expect(resolve(iso2.toLowerCase()), iso2).toBe(iso2);
      const display = intl.of(iso2);
      if (display && display !== iso2) expect(resolve(display), display).toBe(iso2);
    }
  });

  it("never returns a code that is not in the given list", () => {
    const small = createCountryResolver([
      { iso2: "VN", name: "Viet Nam" },
      { iso2: "CN", name: "China" },
    ]);
    expect(small("Vietnam")).toBe("VN");
    expect(small("viet nam")).toBe("VN");
    expect(small("DE")).toBeNull();
    expect(small("Germany")).toBeNull();
    expect(small("Burma")).toBeNull();
  });
});

describe("countryKey", () => {
  it("drops 'the' and 'and' and spells out 'St.'", () => {
    expect(countryKey("The Bahamas")).toBe("bahamas");
    expect(countryKey("Saint Kitts and Nevis")).toBe(countryKey("St. Kitts & Nevis"));
  });
});
