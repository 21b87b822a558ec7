// What a new tenant sees instead of empty charts: the first two steps, with a button for each step
// the reader's role may take (and who to ask otherwise).
import { Link } from "@remix-run/react";

export function GettingStarted({
  slug,
  mayImport,
  mayAdd,
  mayAssess,
}: {
  slug: string;
  mayImport: boolean;
  mayAdd: boolean;
  mayAssess: boolean;
}) {
  const base = `/o/${slug}`;
  const doer = mayImport || mayAdd || mayAssess;
  return (
    <section className="empty dash-start" aria-labelledby="start-h">
      <h2 id="start-h">No suppliers yet</h2>
      <p>The dashboard fills in as soon as suppliers are registered and assessed.</p>
      <ol className="start-steps">
        <li>
          <strong>Import your suppliers</strong> from your ERP as a CSV file (or add them one by one), with the suppliers they buy from, so
          every tier is known.
          {mayImport || mayAdd ? (
            <span className="start-actions">
              {mayImport ? (
                <Link className="button" to={`${base}/suppliers/import`}>
                  Import suppliers
                </Link>
              ) : null}
              {mayAdd ? (
                <Link className="button secondary" to={`${base}/suppliers/new`}>
                  Add a supplier
                </Link>
              ) : null}
            </span>
          ) : null}
        </li>
        <li>
          <strong>Send the questionnaire</strong> on the Athens Ethical Principles to your suppliers; their answers and your country and
          goods data make each risk score.
          {mayAssess ? (
            <span className="start-actions">
              <Link className="button secondary" to={`${base}/assessments/new`}>
                Send the questionnaire
              </Link>
            </span>
          ) : null}
        </li>
      </ol>
      {doer ? null : <p className="muted">Your role is read-only: ask your compliance team or an administrator to take these steps.</p>}
    </section>
  );
}
