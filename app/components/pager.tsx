import { Link } from "@remix-run/react";

/** Previous / next links around a "Page …" label; a missing link keeps its place so the label stays centred. */
export function Pager({ prev, next, label }: { prev: string | null; next: string | null; label: string }) {
  if (!prev && !next) return null;
  return (
    <nav className="pager" aria-label="Pages">
      {prev ? (
        <Link to={prev} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span />
      )}
      <span>{label}</span>
      {next ? (
        <Link to={next} rel="next">
          Next →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
