// The rows behind one figure of a statement: for an approved statement the list frozen at approval
// (later changes to suppliers or actions never show here), for a draft the year's list as it is now.
// Paged, 50 rows a page.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { countryName } from "~/domain/country";
import { LIST_COLUMNS } from "~/domain/statement/types";
import { requireOrg } from "~/lib/auth.server";
import { notFound } from "~/lib/http.server";
import { isDbId } from "~/schemas/fields";
import { figureListPage } from "~/services/statement-pages.server";
import { useOrg } from "./o.$org";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.figure.label ?? "Figure"} — Lantern` }];

const PageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "statements.view");
  if (!params.id || !isDbId(params.id)) throw notFound("No such statement");
  const page = PageSchema.parse(new URL(request.url).searchParams.get("page") ?? 1);
  const r = await figureListPage(context.db, ident, Number(params.id), params.key ?? "", page);
  if (!r) throw notFound("No such figure");
  // Country names are resolved here: the server's and the browser's ICU name a few countries differently.
  return json({ ...r, rows: r.rows.map((row) => ({ ...row, countryLabel: row.country ? countryName(row.country) : "—" })) });
}

/** Where a row of a list leads today (the record may have changed since the snapshot). */
function rowHref(slug: string, list: string, refId: number): string | null {
  if (list === "suppliers") return `/o/${slug}/suppliers/${refId}`;
  if (list.startsWith("assessments_")) return `/o/${slug}/assessments/${refId}`;
  if (list.startsWith("actions_")) return `/o/${slug}/actions/${refId}`;
  return null;
}

export default function FigureList() {
  const d = useLoaderData<typeof loader>();
  const { org } = useOrg();
  const back = `/o/${org.slug}/statements/${d.statement.id}`;
  const pageHref = (p: number) => `?page=${p}`;
  const cols = LIST_COLUMNS[d.list.key];
  return (
    <main className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={`/o/${org.slug}/statements`}>Statements</Link>
        {" · "}
        <Link to={back}>Statement {d.statement.year}</Link>
      </nav>
      <h1>{d.figure.label}</h1>
      <p className="statement-frozen-note">
        {d.statement.frozen ? (
          <>
            Frozen at the board&apos;s approval: <strong>{d.total.toLocaleString("en-GB")}</strong> rows of “{d.list.label}”
            {d.figure.text !== null ? <> (the statement prints {d.figure.text})</> : null}.
          </>
        ) : (
          <>
            Draft, computed now: <strong>{d.total.toLocaleString("en-GB")}</strong> rows of “{d.list.label}”
            {` (${d.statement.period.from} to ${d.statement.period.to}).`}
          </>
        )}
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Rows behind the figure">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Country</th>
              <th scope="col">Tier</th>
              <th scope="col">{cols.status}</th>
              <th scope="col">{cols.detail}</th>
              <th scope="col">{cols.day}</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => {
              const href = rowHref(org.slug, d.list.key, r.refId);
              return (
                <tr key={`${r.refId}`}>
                  <td>{href ? <Link to={href}>{r.label}</Link> : r.label}</td>
                  <td>{r.countryLabel}</td>
                  <td>{r.tier ?? "—"}</td>
                  <td>{r.status ?? "—"}</td>
                  <td>{r.detail ? r.detail.replace(/_/g, " ") : "—"}</td>
                  <td>{r.day ? r.day.slice(0, 10) : "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {d.pages > 1 ? (
        <nav aria-label="Pages" className="pager">
          {d.page > 1 ? <Link to={pageHref(d.page - 1)}>Previous</Link> : null}
          <span>
            Page {d.page} of {d.pages}
          </span>
          {d.page < d.pages ? <Link to={pageHref(d.page + 1)}>Next</Link> : null}
        </nav>
      ) : null}
    </main>
  );
}
