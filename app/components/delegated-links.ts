// One click handler for many links. Remix's <Link> costs a handful of hooks per link on every
// render (resolving its path twice, a click handler, prefetch state); a page with dozens of links
// (a list's rows, sort headers, pager, navigation) renders plain <a data-discover href="/…"> elements
// instead and attaches this handler once to an element around them.
//
// It does what a <Link> does on a click: a plain left click becomes a client-side navigation (a
// "replace" when the link points at the current URL); a click with a modifier key, a middle click,
// a target other than _self or a download is left to the browser. data-discover is also what
// <Link> renders: Remix then discovers the links' routes ahead of the click, exactly as for <Link>.
// Links without it (a CSV download) are ordinary links. Without JavaScript all of them still work.
import { useLocation, useNavigate } from "@remix-run/react";
import type { MouseEvent } from "react";

export function useDelegatedLinks(): (e: MouseEvent<HTMLElement>) => void {
  const navigate = useNavigate();
  const location = useLocation();
  return (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.altKey || e.ctrlKey || e.shiftKey) return;
    const a = e.target instanceof Element ? e.target.closest("a[data-discover]") : null;
    if (!a || !e.currentTarget.contains(a)) return;
    const target = a.getAttribute("target");
    if ((target && target !== "_self") || a.hasAttribute("download")) return;
    const href = a.getAttribute("href");
    if (!href || !href.startsWith("/") || href.startsWith("//")) return;
    e.preventDefault();
    navigate(href, { replace: href === location.pathname + location.search + location.hash });
  };
}
