// The supplier portal's language switcher: plain links (?lang=…) that keep the rest of the query
// (the current section), so it works with the keyboard, without scripts, and on any page.
import { Link, useLocation } from "@remix-run/react";

export function LanguageSwitcher({
  locale,
  languages,
  label,
}: {
  locale: string;
  languages: ReadonlyArray<{ code: string; name: string }>;
  label: string;
}) {
  const location = useLocation();
  const hrefFor = (code: string) => {
    const q = new URLSearchParams(location.search);
    q.set("lang", code);
    return `${location.pathname}?${q.toString()}`;
  };
  return (
    <nav className="portal-languages" aria-label={label}>
      <span className="portal-languages-label" aria-hidden="true">
        {label}:
      </span>
      <ul>
        {languages.map((l) => (
          <li key={l.code}>
            <Link
              to={hrefFor(l.code)}
              lang={l.code}
              hrefLang={l.code}
              aria-current={l.code === locale ? "true" : undefined}
              preventScrollReset
              replace
            >
              {l.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
