// The supplier list's rows: one <SupplierRow> per supplier, with the same badges as the supplier page.
import { Link } from "@remix-run/react";
import { RiskBadge } from "./risk-badge";
import { StatusBadge, TierBadge } from "./supplier-display";

/** One supplier as the list shows it. */
export interface SupplierListItem {
  id: number;
  name: string;
  externalRef: string | null;
  /** ISO 3166-1 alpha-2 code. */
  country: string;
  /** The country's name, resolved on the server (its ICU data and the browser's differ for a few regions). */
  countryName: string;
  city: string | null;
  sector: string | null;
  tier: number | null;
  status: string;
  /** Annual spend with its currency ("USD 1,250,000"), formatted on the server; "" when unknown. */
  spend: string;
  riskScore: number | null;
  riskBand: string | null;
}

export function SupplierRow({ supplier: s, href }: { supplier: SupplierListItem; href: string }) {
  return (
    <tr>
      <td>
        <Link to={href}>{s.name}</Link>
      </td>
      <td className="nowrap">{s.externalRef ?? ""}</td>
      <td>{s.countryName}</td>
      <td>{s.city ?? ""}</td>
      <td className="nowrap">
        <TierBadge tier={s.tier} />
      </td>
      <td>{s.sector ?? ""}</td>
      <td>
        <StatusBadge status={s.status} />
      </td>
      <td className="risk">
        <RiskBadge band={s.riskBand} score={s.riskScore} />
      </td>
      <td className="num nowrap">{s.spend}</td>
    </tr>
  );
}

/** The table body: `base` is the list's path ("/o/acme/suppliers"), each row links to `${base}/${id}`. */
export function SupplierRows({ suppliers, base }: { suppliers: readonly SupplierListItem[]; base: string }) {
  return (
    <tbody>
      {suppliers.map((s) => (
        <SupplierRow key={s.id} supplier={s} href={`${base}/${s.id}`} />
      ))}
    </tbody>
  );
}

type SortKey = "name" | "country" | "tier" | "spend" | "score" | "band";

interface HeadProps {
  query: { sort: string; dir: "asc" | "desc" };
  /** The list's URL sorted by `sort` in `dir` order (back to the first page). */
  sortHref: (sort: SortKey, dir: "asc" | "desc") => string;
}

/** The list's column headers; the sortable ones are links (a first click sorts, the next reverses). */
export function SupplierTableHead({ query, sortHref }: HeadProps) {
  // The first click sorts in `first` order (risk: highest first), the next reverses.
  const sortLink = (k: SortKey, label: string, first: "asc" | "desc" = "asc") => {
    const active = query.sort === k;
    const nextDir = active ? (query.dir === "asc" ? "desc" : "asc") : first;
    return (
      <Link to={sortHref(k, nextDir)} className="sort-link">
        {label}
        <span aria-hidden="true" className="sort-mark">
          {active ? (query.dir === "asc" ? " ▲" : " ▼") : " ↕"}
        </span>
        <span className="sr-only">{active ? `, sorted ${query.dir === "asc" ? "ascending" : "descending"}` : ", sort"}</span>
      </Link>
    );
  };
  const ariaSort = (...keys: SortKey[]) =>
    keys.includes(query.sort as SortKey) ? (query.dir === "asc" ? "ascending" : "descending") : undefined;
  const sortHeader = (k: SortKey, label: string, className?: string) => (
    <th scope="col" className={className} aria-sort={ariaSort(k)}>
      {sortLink(k, label)}
    </th>
  );
  return (
    <thead>
      <tr>
        {sortHeader("name", "Name")}
        <th scope="col">Reference</th>
        {sortHeader("country", "Country")}
        <th scope="col">City</th>
        {sortHeader("tier", "Tier")}
        <th scope="col">Sector</th>
        <th scope="col">Status</th>
        <th scope="col" className="risk" aria-sort={ariaSort("score", "band")}>
          {sortLink("score", "Risk", "desc")}
          <span className="sort-alt"> {sortLink("band", "by band", "desc")}</span>
        </th>
        {sortHeader("spend", "Annual spend", "num")}
      </tr>
    </thead>
  );
}
