// Country names come from Intl.DisplayNames, so they follow the reader's language.
const cache = new Map<string, Intl.DisplayNames>();

export function countryName(iso2: string, locale = "en"): string {
  let dn = cache.get(locale);
  if (!dn) {
    dn = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
    cache.set(locale, dn);
  }
  try {
    return dn.of(iso2.toUpperCase()) ?? iso2;
  } catch {
    return iso2;
  }
}
