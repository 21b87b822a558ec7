import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireOrg } from "../lib/auth.server";
import { countByCountry, countByTier } from "../models/supplier.server";
import { latestTipTiers } from "../models/reference.server";
import { countryName } from "../components/country";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.org.name ?? "Overview"} — Lantern` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { org } = await requireOrg(request, context, params.org, "org.view");
  const [tiers, countries] = await Promise.all([countByTier(context.db, org.id), countByCountry(context.db, org.id, 10)]);
  const tip = await latestTipTiers(context.db, countries.map((c) => c.country));
  return json({
    org,
    tiers,
    total: tiers.reduce((s, t) => s + t.count, 0),
    countries: countries.map((c) => ({ ...c, tip: tip.get(c.country) ?? null })),
  });
}

export default function OrgOverview() {
  const { org, tiers, total, countries } = useLoaderData<typeof loader>();
  return (
    <main className="page">
      <h1>{org.name}</h1>
      {total === 0 ? (
        <div className="empty">
          <h2>No suppliers yet</h2>
          <p>Start by registering your suppliers; then send them the Athens questionnaire.</p>
        </div>
      ) : (
        <>
          <section aria-labelledby="tiers-h" className="card">
            <h2 id="tiers-h">Supply base by tier</h2>
            <p className="muted">{total} active suppliers. Tier 1 supplies you directly; tier 2 supplies a tier-1 supplier, and so on.</p>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Tier</th>
                  <th scope="col" className="num">Suppliers</th>
                </tr>
              </thead>
              <tbody>
                {tiers.map((t) => (
                  <tr key={t.tier ?? "none"}>
                    <td>
                      {t.tier == null ? "Not linked" : <Link to={`/o/${org.slug}/suppliers?tier=${t.tier}`}>Tier {t.tier}</Link>}
                    </td>
                    <td className="num">{t.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="countries-h" className="card">
            <h2 id="countries-h">Countries with the most suppliers</h2>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Country</th>
                  <th scope="col">US TIP report placement</th>
                  <th scope="col" className="num">Suppliers</th>
                </tr>
              </thead>
              <tbody>
                {countries.map((c) => (
                  <tr key={c.country}>
                    <td>{countryName(c.country)}</td>
                    <td>{c.tip ? `${c.tip.tier} (TIP ${c.tip.reportYear})` : "No data"}</td>
                    <td className="num">{c.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </main>
  );
}
