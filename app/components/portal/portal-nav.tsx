// The supplier portal's navigation: the questionnaire and the supplier's corrective actions. Plain
// links (the language is remembered in a cookie), so it works without scripts.
import { Link, useLocation } from "@remix-run/react";
import type { T } from "./i18n";

const LINKS = [
  { to: "/s/portal", key: "ui.portal.nav.questionnaire" },
  { to: "/s/portal/actions", key: "ui.portal.nav.actions" },
] as const;

export function PortalNav({ t }: { t: T }) {
  const { pathname } = useLocation();
  return (
    <nav className="portal-nav no-print" aria-label={t("ui.portal.nav.label")} style={{ flexBasis: "100%" }}>
      <ul style={{ listStyle: "none", margin: 0, padding: 0, display: "flex", flexWrap: "wrap", gap: "0.25rem 1.25rem" }}>
        {LINKS.map((l) => {
          const current = pathname.replace(/\/+$/, "") === l.to;
          return (
            <li key={l.to}>
              <Link to={l.to} aria-current={current ? "page" : undefined} style={{ fontWeight: current ? 700 : 400 }}>
                {t(l.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
