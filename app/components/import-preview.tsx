// The import's check page: what the file would change (the counts, what the update policy
// overwrites and keeps, and the Import button or why there is none), then the choices and the lists
// (import-choices.tsx, import-lists.tsx).
import { Form, Link, useNavigation } from "@remix-run/react";
import type { FieldKey } from "~/domain/csv/fields";
import { POLICY_LABEL, type UpdatePolicy } from "~/domain/csv/policy";
import type { ChangedSupplier, ImportPreview, ListedSupplier } from "~/domain/csv/preview";
import { ChoicesForm } from "./import-choices";
import { ChangedTable, CountryReadings, IssueTable, NewTable, SampleRows, type CountryRow, type PagedList } from "./import-lists";
import { fieldLabel } from "./import-table";
import { countOf, formatInt } from "./format";

/** The preview as the page receives it: the long lists cut to the page shown. */
export type PagedPreview = Omit<ImportPreview, "newList" | "changedList" | "countries"> & {
  newList: PagedList<ListedSupplier>;
  changedList: PagedList<ChangedSupplier>;
  countries?: CountryRow[];
};

export function PreviewView({ preview, policy, base }: { preview: PagedPreview; policy: UpdatePolicy; base: string }) {
  if (preview.fileError) {
    return (
      <div className="alert error" role="alert">
        {preview.fileError}
      </div>
    );
  }
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
        <Counts preview={preview} />
        <PolicyEffect preview={preview} policy={policy} />
        <CommitOrProblems preview={preview} base={base} />
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

function Counts({ preview }: { preview: PagedPreview }) {
  const counts: Array<[string, number]> = [
    ["Rows in the file", preview.fileRows],
    ["New suppliers", preview.new],
    ["Changed", preview.changed],
    ["Unchanged", preview.unchanged],
    ["Problems found", preview.errorCount],
  ];
  return (
    <dl className="stats">
      {counts.map(([term, n]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{formatInt(n)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** "Field (n suppliers), Field (n)": the fields the policy overwrites or keeps, with how many suppliers. */
function FieldCounts({ counts, unit }: { counts: Array<[FieldKey, number]>; unit: boolean }) {
  return (
    <>
      {counts.map(([f, n], i) => (
        <span key={f}>
          {i ? ", " : ""}
          {fieldLabel(f)} ({unit ? countOf(n, "supplier") : formatInt(n)})
        </span>
      ))}
    </>
  );
}

/** What the update policy does here: the fields it overwrites, and those it keeps although the file differs. */
function PolicyEffect({ preview, policy }: { preview: PagedPreview; policy: UpdatePolicy }) {
  const overwrites = Object.entries(preview.overwrites ?? {}) as Array<[FieldKey, number]>;
  const keptFields = Object.entries(preview.keptFields ?? {}) as Array<[FieldKey, number]>;
  return (
    <p>
      Suppliers already in Lantern: <strong>{POLICY_LABEL[policy]}</strong>.{" "}
      {overwrites.length ? (
        <>
          The import would overwrite <FieldCounts counts={overwrites} unit />.
        </>
      ) : (
        "Nothing filled in is overwritten."
      )}{" "}
      {keptFields.length ? (
        <>
          Kept as in Lantern although the file differs ({countOf(preview.keptSuppliers ?? 0, "supplier")}):{" "}
          <FieldCounts counts={keptFields} unit={false} />.
        </>
      ) : null}
    </p>
  );
}

/** The Import button when the file has no problem; else what to do about the problems. */
function CommitOrProblems({ preview, base }: { preview: PagedPreview; base: string }) {
  const nav = useNavigation();
  const unresolved = preview.unresolvedConflicts ?? 0;
  const otherProblems = preview.errorCount - unresolved;
  if (preview.errorCount === 0) {
    return (
      <Form method="post">
        <input type="hidden" name="intent" value="commit" />
        <button type="submit" className="button" disabled={nav.state === "submitting"}>
          Import {countOf(preview.new + preview.changed, "supplier")}
        </button>
      </Form>
    );
  }
  if (unresolved > 0 && otherProblems === 0) {
    return (
      <div className="alert error" role="alert">
        Nothing was imported yet. {countOf(unresolved, "supplier is", "suppliers are")} listed more than once with different details: choose
        below what to do with {unresolved === 1 ? "it" : "each"}, then check again.
      </div>
    );
  }
  return (
    <div className="alert error" role="alert">
      Nothing was imported. Fix the {preview.errorCount === 1 ? "problem" : `${formatInt(preview.errorCount)} problems`} below in your file
      and <Link to={`${base}/import`}>upload it again</Link>.
      {unresolved > 0 ? ` (For ${countOf(unresolved, "supplier")} listed more than once you can choose below instead.)` : null}
    </div>
  );
}
