import { useLocation } from "@remix-run/react";
import { useDelegatedLinks } from "./delegated-links";
import { IconNext, IconPrevious } from "./icons";

/**
 * Previous / next links around a "Page …" label; a missing link keeps its place so the label stays
 * centred. `prev`/`next` are paths or "?…" (this page with other parameters). Plain links with one
 * click handler (see delegated-links.ts): they navigate like <Link>s.
 */
export function Pager({ prev, next, label }: { prev: string | null; next: string | null; label: string }) {
  const { pathname } = useLocation();
  const onClick = useDelegatedLinks();
  if (!prev && !next) return null;
  const href = (to: string) => (to.startsWith("?") ? (to === "?" ? pathname : pathname + to) : to);
  return (
    <nav className="pager" aria-label="Pages" onClick={onClick}>
      {prev ? (
        <a href={href(prev)} rel="prev" data-discover="true">
          <IconPrevious className="icon" />
          Previous
        </a>
      ) : (
        <span />
      )}
      <span>{label}</span>
      {next ? (
        <a href={href(next)} rel="next" data-discover="true">
          Next
          <IconNext className="icon" />
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
