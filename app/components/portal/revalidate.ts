// Moving to another section of the portal needs no server round trip (the page holds every
// section's texts), so it works offline too; a language switch, an upload or a submission reloads.
import type { ShouldRevalidateFunction } from "@remix-run/react";

export function onlySectionChanged(a: URL, b: URL): boolean {
  const strip = (u: URL) => {
    const q = new URLSearchParams(u.search);
    q.delete("section");
    q.sort();
    return q.toString();
  };
  return a.pathname === b.pathname && a.search !== b.search && strip(a) === strip(b);
}

export const portalShouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, formMethod, defaultShouldRevalidate }) =>
  !formMethod && onlySectionChanged(currentUrl, nextUrl) ? false : defaultShouldRevalidate;

/** A link to another section that keeps the rest of the query (the language), so no reload is needed. */
export function sectionHref(search: string, sectionKey: string, hash = ""): string {
  const q = new URLSearchParams(search);
  q.set("section", sectionKey);
  return `?${q.toString()}${hash}`;
}
