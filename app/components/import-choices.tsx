// The check page's choices: what the import may do to suppliers already in Lantern (the update
// policy) and, for each supplier listed more than once with different details, which row to keep
// or whether to import each as a supplier of its own. "Check again" runs the check with them.
import { Form, useNavigation } from "@remix-run/react";
import type { UpdatePolicy } from "~/domain/csv/policy";
import type { Conflict } from "~/domain/csv/row";
import type { ImportPreview } from "~/domain/csv/preview";
import { PolicyFieldset } from "./import-mapping";
import { fieldColumns, ImportTable, LINE_COLUMN, shown } from "./import-table";
import { countOf, formatInt } from "./format";

type Choices = Pick<ImportPreview, "conflicts" | "conflictCount" | "unresolvedConflicts">;

export function ChoicesForm({ preview, policy }: { preview: Choices; policy: UpdatePolicy }) {
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
            <ConflictFieldset key={c.key} conflict={c} index={i} />
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

/** One conflict: its rows side by side (the fields that differ) and the three choices. */
function ConflictFieldset({ conflict: c, index: i }: { conflict: Conflict; index: number }) {
  const fields = c.fields.filter((f) => f !== "name");
  return (
    <fieldset className="import-conflict">
      <legend>
        {c.label}: lines {c.rows.map((r) => r.line).join(", ")}
      </legend>
      <input type="hidden" name={`conflictKey${i}`} value={c.key} />
      <ImportTable label={`Rows for ${c.label}`} columns={[LINE_COLUMN, { key: "name", label: "Name" }, ...fieldColumns(fields)]}>
        {c.rows.map((r) => (
          <tr key={r.line}>
            <td className="num">{r.line}</td>
            <td>{r.name}</td>
            {fields.map((f) => (
              <td key={f}>{shown(r.values[f] ?? "")}</td>
            ))}
          </tr>
        ))}
      </ImportTable>
      <div className="radio-row">
        <Choice index={i} value="first" checked={c.resolution === "first"} label={`Keep line ${c.rows[0]?.line} (first)`} />
        <Choice index={i} value="last" checked={c.resolution === "last"} label={`Keep line ${c.rows[c.rows.length - 1]?.line} (last)`} />
        <Choice
          index={i}
          value="both"
          checked={c.resolution === "both"}
          label={`Import ${c.rows.length === 2 ? "both" : "all"} as separate suppliers`}
        />
      </div>
    </fieldset>
  );
}

function Choice({ index, value, checked, label }: { index: number; value: string; checked: boolean; label: string }) {
  const id = `conflict${index}-${value}`;
  return (
    <span className="radio">
      <input type="radio" id={id} name={`conflict${index}`} value={value} defaultChecked={checked} />
      <label htmlFor={id}>{label}</label>
    </span>
  );
}
