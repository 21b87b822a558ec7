// A stale edit: what you tried to save next to what is stored now, field by field.
import { formatMoney, formatNumber } from "./format";
import { countryName } from "~/domain/country";
import { statusLabel } from "./supplier-display";
import type { SupplierLike } from "~/schemas/supplier-form";

const LABELS: Array<[keyof SupplierLike, string]> = [
  ["name", "Name"],
  ["externalRef", "Reference"],
  ["osId", "Open Supply Hub OS ID"],
  ["duns", "DUNS number"],
  ["lei", "LEI"],
  ["taxId", "Tax ID"],
  ["country", "Country"],
  ["address", "Address"],
  ["city", "City"],
  ["latitude", "Latitude"],
  ["longitude", "Longitude"],
  ["sector", "Sector"],
  ["goods", "Goods"],
  ["annualSpend", "Annual spend"],
  ["currency", "Currency"],
  ["workersCount", "Number of workers"],
  ["contactName", "Contact name"],
  ["contactEmail", "Contact email"],
  ["notes", "Notes"],
  ["status", "Status"],
];

function show(key: keyof SupplierLike, s: SupplierLike): string {
  const v = s[key];
  if (v == null || v === "" || (Array.isArray(v) && v.length === 0)) return "(empty)";
  if (key === "country") return `${countryName(String(v))} (${String(v)})`;
  if (key === "goods" && Array.isArray(v)) return v.join(", ");
  if (key === "status") return statusLabel(String(v));
  if (key === "annualSpend" && typeof v === "number") return formatMoney(v, s.currency);
  // Coordinates keep every decimal: rounding would hide a moved site.
  if (key === "latitude" || key === "longitude") return String(v);
  if (typeof v === "number") return formatNumber(v);
  return String(v);
}

function same(key: keyof SupplierLike, a: SupplierLike, b: SupplierLike): boolean {
  const x = a[key];
  const y = b[key];
  if (Array.isArray(x) && Array.isArray(y)) return [...x].sort().join("\n") === [...y].sort().join("\n");
  return (x ?? null) === (y ?? null);
}

/** The fields where your unsaved edit and the stored version differ, side by side. */
export function StaleEditComparison({ yours, theirs }: { yours: SupplierLike; theirs: SupplierLike }) {
  const rows = LABELS.filter(([k]) => !same(k, yours, theirs));
  if (!rows.length) return <p>Your edit and their version have the same values.</p>;
  return (
    <table className="table compare">
      <caption>Fields that differ</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Your edit (not saved)</th>
          <th scope="col">Saved now (their version)</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([k, label]) => (
          <tr key={k}>
            <th scope="row">{label}</th>
            <td className="yours">{show(k, yours)}</td>
            <td className="theirs">{show(k, theirs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
