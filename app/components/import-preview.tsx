// The import's check page: what the file would change (new suppliers, changed fields before →
// after, fields the update policy keeps), sample rows as they will be stored, how each country value
// was read, the conflicts the officer decides, and every problem. Long lists are paged (50 a page)
// so a check with thousands of changes stays usable.
import { Form, Link, useNavigation } from "@remix-run/react";
import { fieldByKey, type FieldKey } from "~/domain/csv/fields";
import { POLICY_LABEL, type UpdatePolicy } from "~/domain/csv/policy";
import type { ChangedSupplier, ImportPreview, ListedSupplier } from "~/services/import-check.server";
import { Pager } from "./pager";
import { PolicyFieldset } from "./import-mapping";
import { countOf, formatInt } from "./format";

export const LIST_PAGE = 50;

export interface PagedList<T> {
  items: T[];
  total: number;
  page: number;
  pages: number;
}

/** The preview as the page receives it: the long lists cut to the page shown. */
export type PagedPreview = Omit<ImportPreview, "newList" | "changedList"> & {
  newList: PagedList<ListedSupplier>;
  changedList: PagedList<ChangedSupplier>;
};

const label = (f: FieldKey) => fieldByKey(f).label;
const shown = (v: string) => (v === "" ? <span className="muted">(empty)</span> : v);

export function PreviewView({ preview, policy, base }: { preview: PagedPreview; policy: UpdatePolicy; base: string }) {
  const nav = useNavigation();
  if (preview.fileError) {
    return (
      <div className="alert error" role="alert">
        {preview.fileError}
      </div>
    );
  }
  const ok = preview.errorCount === 0;
  const toImport = preview.new + preview.changed;
  const unresolved = preview.unresolvedConflicts ?? 0;
  const otherProblems = preview.errorCount - unresolved;
  const overwrites = Object.entries(preview.overwrites ?? {}) as Array<[FieldKey, number]>;
  const keptFields = Object.entries(preview.keptFields ?? {}) as Array<[FieldKey, number]>;
  return (
    <>
      {preview.staleNotice ? (
        <div className="alert error" role="alert">
          <p className="alert-title">Your check was out of date</p>
          <p>{preview.staleNotice}</p>
        </div>
      ) : null}
      <section className="card" aria-labelledby="prev-h">
        <h2 id="prev-h">What this file would change</h2>
        <dl className="stats">
          <div>
            <dt>Rows in the file</dt>
            <dd>{formatInt(preview.fileRows)}</dd>
          </div>
          <div>
            <dt>New suppliers</dt>
            <dd>{formatInt(preview.new)}</dd>
          </div>
          <div>
            <dt>Changed</dt>
            <dd>{formatInt(preview.changed)}</dd>
          </div>
          <div>
            <dt>Unchanged</dt>
            <dd>{formatInt(preview.unchanged)}</dd>
          </div>
          <div>
            <dt>Problems found</dt>
            <dd>{formatInt(preview.errorCount)}</dd>
          </div>
        </dl>
        <p>
          Suppliers already in Lantern: <strong>{POLICY_LABEL[policy]}</strong>.{" "}
          {overwrites.length ? (
            <>
              The import would overwrite{" "}
              {overwrites.map(([f, n], i) => (
                <span key={f}>
                  {i ? ", " : ""}
                  {label(f)} ({countOf(n, "supplier")})
                </span>
              ))}
              .
            </>
          ) : (
            "Nothing filled in is overwritten."
          )}{" "}
          {keptFields.length ? (
            <>
              Kept as in Lantern although the file differs ({countOf(preview.keptSuppliers ?? 0, "supplier")}):{" "}
              {keptFields.map(([f, n], i) => (
                <span key={f}>
                  {i ? ", " : ""}
                  {label(f)} ({formatInt(n)})
                </span>
              ))}
              .
            </>
          ) : null}
        </p>
        {ok ? (
          <Form method="post">
            <input type="hidden" name="intent" value="commit" />
            <button type="submit" className="button" disabled={nav.state === "submitting"}>
              Import {countOf(toImport, "supplier")}
            </button>
          </Form>
        ) : unresolved > 0 && otherProblems === 0 ? (
          <div className="alert error" role="alert">
            Nothing was imported yet. {countOf(unresolved, "supplier is", "suppliers are")} listed more than once with different details:
            choose below what to do with {unresolved === 1 ? "it" : "each"}, then check again.
          </div>
        ) : (
          <div className="alert error" role="alert">
            Nothing was imported. Fix the {preview.errorCount === 1 ? "problem" : `${formatInt(preview.errorCount)} problems`} below in your
            file and <Link to={`${base}/import`}>upload it again</Link>.
            {unresolved > 0 ? ` (For ${countOf(unresolved, "supplier")} listed more than once you can choose below instead.)` : null}
          </div>
        )}
      </section>

      <ChoicesForm preview={preview} policy={policy} />

      {preview.changedList.total ? <ChangedTable list={preview.changedList} /> : null}
      {preview.newList.total ? <NewTable list={preview.newList} total={preview.new} /> : null}
      {preview.samples?.length ? <SampleRows samples={preview.samples} /> : null}
      {preview.countries?.length ? <CountryReadings countries={preview.countries} /> : null}
      {preview.errors.length ? (
        <IssueTable title="Problems (rows that cannot be imported)" issues={preview.errors} total={preview.errorCount} />
      ) : null}
      {preview.warnings.length ? (
        <IssueTable title="Warnings (imported as shown)" issues={preview.warnings} total={preview.warningCount} />
      ) : null}
    </>
  );
}

/** The update policy and a decision per conflict; "Check again" runs the check with them. */
function ChoicesForm({ preview, policy }: { preview: PagedPreview; policy: UpdatePolicy }) {
  const nav = useNavigation();
  const conflicts = preview.conflicts ?? [];
  return (
    <Form method="post" className="card stack" aria-labelledby="choices-h">
      <h2 id="choices-h">
        {(preview.unresolvedConflicts ?? 0) > 0
          ? "Decide, then check again"
          : conflicts.length
            ? "Your choices"
            : "Change what the import may do"}
      </h2>
      <input type="hidden" name="intent" value="recheck" />
      <input type="hidden" name="conflicts" value={conflicts.length} />
      {conflicts.length ? (
        <>
          <p>
            These suppliers are listed more than once with different details (another address, another city), so they may be different
            sites. Rows that differ only in spelling (capitals, “Co., Ltd.” or “Co. Ltd”, “Rd.” or “Road”, invisible characters) are already
            counted once and listed under warnings.
          </p>
          {(preview.conflictCount ?? 0) > conflicts.length ? (
            <p className="muted">
              The first {formatInt(conflicts.length)} of {countOf(preview.conflictCount ?? 0, "conflict")} are shown; decide these, check
              again, and the next ones appear.
            </p>
          ) : null}
          {conflicts.map((c, i) => (
            <fieldset key={c.key} className="import-conflict">
              <legend>
                {c.label}: lines {c.rows.map((r) => r.line).join(", ")}
              </legend>
              <input type="hidden" name={`conflictKey${i}`} value={c.key} />
              <div className="table-scroll" tabIndex={0} role="region" aria-label={`Rows for ${c.label}`}>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        Line
                      </th>
                      <th scope="col">Name</th>
                      {c.fields
                        .filter((f) => f !== "name")
                        .map((f) => (
                          <th scope="col" key={f}>
                            {label(f)}
                          </th>
                        ))}
                    </tr>
                  </thead>
                  <tbody>
                    {c.rows.map((r) => (
                      <tr key={r.line}>
                        <td className="num">{r.line}</td>
                        <td>{r.name}</td>
                        {c.fields
                          .filter((f) => f !== "name")
                          .map((f) => (
                            <td key={f}>{shown(r.values[f] ?? "")}</td>
                          ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div className="radio-row">
                <span className="radio">
                  <input
                    type="radio"
                    id={`conflict${i}-first`}
                    name={`conflict${i}`}
                    value="first"
                    defaultChecked={c.resolution === "first"}
                  />
                  <label htmlFor={`conflict${i}-first`}>Keep line {c.rows[0]?.line} (first)</label>
                </span>
                <span className="radio">
                  <input
                    type="radio"
                    id={`conflict${i}-last`}
                    name={`conflict${i}`}
                    value="last"
                    defaultChecked={c.resolution === "last"}
                  />
                  <label htmlFor={`conflict${i}-last`}>Keep line {c.rows[c.rows.length - 1]?.line} (last)</label>
                </span>
                <span className="radio">
                  <input
                    type="radio"
                    id={`conflict${i}-both`}
                    name={`conflict${i}`}
                    value="both"
                    defaultChecked={c.resolution === "both"}
                  />
                  <label htmlFor={`conflict${i}-both`}>Import {c.rows.length === 2 ? "both" : "all"} as separate suppliers</label>
                </span>
              </div>
            </fieldset>
          ))}
        </>
      ) : null}
      <PolicyFieldset policy={policy} />
      <button type="submit" className="button secondary" disabled={nav.state === "submitting"}>
        Check again with these choices
      </button>
    </Form>
  );
}

function ChangedTable({ list }: { list: PagedList<ChangedSupplier> }) {
  return (
    <section className="card" aria-labelledby="changed-h">
      <h2 id="changed-h">Suppliers already in Lantern that the file differs from ({formatInt(list.total)})</h2>
      <p className="muted">“Before” is Lantern's value now; the import writes the “after” values marked “written”, and keeps the others.</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Changed suppliers">
        <table className="table import-changes">
          <thead>
            <tr>
              <th scope="col">Supplier</th>
              <th scope="col">Field</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
              <th scope="col">Import</th>
            </tr>
          </thead>
          <tbody>
            {list.items.flatMap((s) =>
              [...s.changes.map((c) => ({ ...c, written: true })), ...s.kept.map((c) => ({ ...c, written: false }))].map((c, j) => (
                <tr key={`${s.line}-${c.field}`}>
                  {j === 0 ? (
                    <th scope="row" rowSpan={s.changes.length + s.kept.length}>
                      {s.name}{" "}
                      <span className="muted small">
                        ({s.ref ? `${s.ref}, ` : ""}
                        {s.country}, line {s.line})
                      </span>
                    </th>
                  ) : null}
                  <td>{label(c.field)}</td>
                  <td>{shown(c.before)}</td>
                  <td>{shown(c.after)}</td>
                  <td>{c.written ? (c.before === "" ? "written (was empty)" : "written (overwrites)") : "kept as in Lantern"}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
      <ListPager list={list} param="cp" what="changed suppliers" />
    </section>
  );
}

function NewTable({ list, total }: { list: PagedList<ListedSupplier>; total: number }) {
  return (
    <section className="card" aria-labelledby="new-h">
      <h2 id="new-h">New suppliers ({formatInt(total)})</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="New suppliers">
        <table className="table">
          <thead>
            <tr>
              <th scope="col" className="num">
                Line
              </th>
              <th scope="col">Name</th>
              <th scope="col">Country</th>
              <th scope="col">Reference</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((s) => (
              <tr key={s.line}>
                <td className="num">{s.line}</td>
                <td>{s.name}</td>
                <td>{s.country}</td>
                <td>{s.ref ?? <span className="muted">(none)</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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

function SampleRows({ samples }: { samples: NonNullable<ImportPreview["samples"]> }) {
  const fields = samples[0]?.map((s) => s.field) ?? [];
  return (
    <section className="card" aria-labelledby="samples-h">
      <h2 id="samples-h">The first rows as they will be stored</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Sample rows">
        <table className="table">
          <thead>
            <tr>
              {fields.map((f) => (
                <th scope="col" key={f}>
                  {label(f)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {samples.map((row, i) => (
              <tr key={i}>
                {row.map((c) => (
                  <td key={c.field}>{shown(c.value)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function CountryReadings({ countries }: { countries: NonNullable<ImportPreview["countries"]> }) {
  const names = typeof Intl.DisplayNames === "function" ? new Intl.DisplayNames(["en"], { type: "region" }) : null;
  return (
    <section className="card" aria-labelledby="countries-h">
      <h2 id="countries-h">How the country column was read</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Country values">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">In your file</th>
              <th scope="col">Read as</th>
              <th scope="col" className="num">
                Rows
              </th>
            </tr>
          </thead>
          <tbody>
            {countries.map((c) => (
              <tr key={c.value}>
                <td>{c.value}</td>
                <td>{c.iso2 ? `${names?.of(c.iso2) ?? c.iso2} (${c.iso2})` : <strong>not a known country</strong>}</td>
                <td className="num">{formatInt(c.rows)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function IssueTable({ title, issues, total }: { title: string; issues: ImportPreview["errors"]; total: number }) {
  return (
    <section className="card">
      <h2>{title}</h2>
      {total > issues.length ? (
        <p className="muted">
          The first {formatInt(issues.length)} of {formatInt(total)} are shown.
        </p>
      ) : null}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={title}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col" className="num">
                Line
              </th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((e, i) => (
              <tr key={i}>
                <td className="num">{e.line || "—"}</td>
                <td>{e.column}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
