import { Form, Link, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { IconBrand, IconClose, IconLogOut, IconMenu, IconOrgs, IconUser } from "./icons";

/**
 * The Menu button a phone shows instead of the sidebar's links (CSS shows it only at phone widths
 * on pages with a sidebar, and opens the sidebar's links while it is open). A <details>, so it works
 * before and without JavaScript; it closes again after each navigation.
 */
function NavToggle() {
  const ref = useRef<HTMLDetailsElement>(null);
  const { pathname, search } = useLocation();
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname, search]);
  return (
    <details className="nav-toggle" ref={ref}>
      <summary>
        <IconMenu className="icon icon-open" />
        <IconClose className="icon icon-close" />
        Menu
      </summary>
    </details>
  );
}

/** Who is signed in and their organizations, as the root loader gives them (null: nobody). */
export interface TopBarProps {
  user: { name: string; email: string } | null;
  orgs: ReadonlyArray<{ slug: string; name: string; role: string }>;
}

export function TopBar({ user, orgs }: TopBarProps) {
  const location = useLocation();
  const currentSlug = /^\/o\/([^/]+)/.exec(location.pathname)?.[1];
  return (
    <header className="topbar">
      {user ? <NavToggle /> : null}
      <Link to="/" className="brand" aria-label="Lantern home">
        <span aria-hidden="true" className="brand-mark">
          <IconBrand className="icon" />
        </span>{" "}
        Lantern
      </Link>
      {user ? (
        <nav className="topbar-right" aria-label="Account">
          {orgs.length > 1 ? (
            <details className="org-switcher">
              <summary>
                <IconOrgs className="icon" />
                <span className="topbar-name">Switch organization</span>
              </summary>
              <ul>
                {orgs.map((o) => (
                  <li key={o.slug}>
                    <Link to={`/o/${o.slug}`} aria-current={o.slug === currentSlug ? "page" : undefined}>
                      {o.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <Link to="/account" className="topbar-link">
            <IconUser className="icon" />
            <span className="topbar-name">{user.name}</span>
          </Link>
          <Form method="post" action="/logout">
            <button type="submit" className="link-button">
              <IconLogOut className="icon" />
              Log out
            </button>
          </Form>
        </nav>
      ) : (
        <nav className="topbar-right" aria-label="Account">
          <Link to="/login">Log in</Link>
          <Link to="/signup" className="button small">
            Sign up
          </Link>
        </nav>
      )}
    </header>
  );
}
