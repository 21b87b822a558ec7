// The lists of the import's check page: suppliers the file changes (before → after, written or
// kept), new suppliers, sample rows as they will be stored, how each country value was read, and
// problems and warnings. Long lists are paged (LIST_PAGE a page) so a check with thousands of
// changes stays usable.
import { formatInt } from "./format";
import type { ChangedSupplier, ImportPreview, ListedSupplier } from "~/domain/csv/preview";
import { Pager } from "./pager";
import { fieldColumns, fieldLabel, ImportTable, LINE_COLUMN, shown } from "./import-table";

export const LIST_PAGE = 50;

export interface PagedList<T> {
  items: T[];
  total: number;
  page: number;
  pages: number;
}

const CHANGED_COLUMNS = [
  { key: "supplier", label: "Supplier" },
  { key: "field", label: "Field" },
  { key: "before", label: "Before" },
  { key: "after", label: "After" },
  { key: "import", label: "Import" },
];

export function ChangedTable({ list }: { list: PagedList<ChangedSupplier> }) {
  return (
    <section className="card" aria-labelledby="changed-h">
      <h2 id="changed-h">Suppliers already in Lantern that the file differs from ({formatInt(list.total)})</h2>
      <p className="muted">“Before” is Lantern's value now; the import writes the “after” values marked “written”, and keeps the others.</p>
      <ImportTable label="Changed suppliers" className="import-changes" columns={CHANGED_COLUMNS}>
        {list.items.map((s) => (
          <ChangedRows key={s.line} supplier={s} />
        ))}
      </ImportTable>
      <ListPager list={list} param="cp" what="changed suppliers" />
    </section>
  );
}

/** One supplier's changed fields: the supplier heads the first row and spans them all. */
function ChangedRows({ supplier: s }: { supplier: ChangedSupplier }) {
  const rows = [...s.changes.map((c) => ({ ...c, written: true })), ...s.kept.map((c) => ({ ...c, written: false }))];
  return (
    <>
      {rows.map((c, j) => (
        <tr key={`${s.line}-${c.field}`}>
          {j === 0 ? (
            <th scope="row" rowSpan={rows.length}>
              {s.name}{" "}
              <span className="muted small">
                ({s.ref ? `${s.ref}, ` : ""}
                {s.country}, line {s.line})
              </span>
            </th>
          ) : null}
          <td>{fieldLabel(c.field)}</td>
          <td>{shown(c.before)}</td>
          <td>{shown(c.after)}</td>
          <td>{c.written ? (c.before === "" ? "written (was empty)" : "written (overwrites)") : "kept as in Lantern"}</td>
        </tr>
      ))}
    </>
  );
}

const NEW_COLUMNS = [LINE_COLUMN, { key: "name", label: "Name" }, { key: "country", label: "Country" }, { key: "ref", label: "Reference" }];

export function NewTable({ list, total }: { list: PagedList<ListedSupplier>; total: number }) {
  return (
    <section className="card" aria-labelledby="new-h">
      <h2 id="new-h">New suppliers ({formatInt(total)})</h2>
      <ImportTable label="New suppliers" columns={NEW_COLUMNS}>
        {list.items.map((s) => (
          <tr key={s.line}>
            <td className="num">{s.line}</td>
            <td>{s.name}</td>
            <td>{s.country}</td>
            <td>{s.ref ?? <span className="muted">(none)</span>}</td>
          </tr>
        ))}
      </ImportTable>
      <ListPager list={list} param="np" what="new suppliers" />
    </section>
  );
}

function ListPager({ list, param, what }: { list: PagedList<unknown>; param: string; what: string }) {
  if (list.pages <= 1) return null;
  const from = (list.page - 1) * LIST_PAGE + 1;
  const to = Math.min(list.total, list.page * LIST_PAGE);
  return (
    <Pager
      prev={list.page > 1 ? `?${param}=${list.page - 1}` : null}
      next={list.page < list.pages ? `?${param}=${list.page + 1}` : null}
      label={`${formatInt(from)}–${formatInt(to)} of ${formatInt(list.total)} ${what}`}
    />
  );
}

export function SampleRows({ samples }: { samples: NonNullable<ImportPreview["samples"]> }) {
  const fields = samples[0]?.map((s) => s.field) ?? [];
  return (
    <section className="card" aria-labelledby="samples-h">
      <h2 id="samples-h">The first rows as they will be stored</h2>
      <ImportTable label="Sample rows" columns={fieldColumns(fields)}>
        {samples.map((row, i) => (
          <tr key={i}>
            {row.map((c) => (
              <td key={c.field}>{shown(c.value)}</td>
            ))}
          </tr>
        ))}
      </ImportTable>
    </section>
  );
}

const COUNTRY_COLUMNS = [
  { key: "value", label: "In your file" },
  { key: "iso2", label: "Read as" },
  { key: "rows", label: "Rows", num: true },
];

/** A country value of the file with its name, resolved by the loader: the server's and the browser's ICU name a few regions differently. */
export type CountryRow = NonNullable<ImportPreview["countries"]>[number] & { label: string | null };

export function CountryReadings({ countries }: { countries: CountryRow[] }) {
  return (
    <section className="card" aria-labelledby="countries-h">
      <h2 id="countries-h">How the country column was read</h2>
      <ImportTable label="Country values" columns={COUNTRY_COLUMNS}>
        {countries.map((c) => (
          <tr key={c.value}>
            <td>{c.value}</td>
            <td>{c.iso2 ? `${c.label ?? c.iso2} (${c.iso2})` : <strong>not a known country</strong>}</td>
            <td className="num">{formatInt(c.rows)}</td>
          </tr>
        ))}
      </ImportTable>
    </section>
  );
}

const ISSUE_COLUMNS = [LINE_COLUMN, { key: "column", label: "Column" }, { key: "problem", label: "Problem" }];

export function IssueTable({ title, issues, total }: { title: string; issues: ImportPreview["errors"]; total: number }) {
  return (
    <section className="card">
      <h2>{title}</h2>
      {total > issues.length ? (
        <p className="muted">
          The first {formatInt(issues.length)} of {formatInt(total)} are shown.
        </p>
      ) : null}
      <ImportTable label={title} columns={ISSUE_COLUMNS}>
        {issues.map((e, i) => (
          <tr key={i}>
            <td className="num">{e.line || "—"}</td>
            <td>{e.column}</td>
            <td>{e.message}</td>
          </tr>
        ))}
      </ImportTable>
    </section>
  );
}
