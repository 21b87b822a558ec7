import { Form, Link, useLocation, useRouteLoaderData } from "@remix-run/react";
import type { loader as rootLoader } from "~/root";

export function TopBar() {
  const data = useRouteLoaderData<typeof rootLoader>("root");
  const location = useLocation();
  const currentSlug = /^\/o\/([^/]+)/.exec(location.pathname)?.[1];
  const user = data?.user;
  return (
    <header className="topbar">
      <Link to="/" className="brand" aria-label="Lantern home">
        <span aria-hidden="true" className="brand-mark">
          ◆
        </span>{" "}
        Lantern
      </Link>
      {user ? (
        <nav className="topbar-right" aria-label="Account">
          {data.orgs.length > 1 ? (
            <details className="org-switcher">
              <summary>Switch organization</summary>
              <ul>
                {data.orgs.map((o) => (
                  <li key={o.slug}>
                    <Link to={`/o/${o.slug}`} aria-current={o.slug === currentSlug ? "page" : undefined}>
                      {o.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <Link to="/account">{user.name}</Link>
          <Form method="post" action="/logout">
            <button type="submit" className="link-button">
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
