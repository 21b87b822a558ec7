// The table every step of the import shows its rows in: a scrollable, keyboard-reachable region
// named for screen readers, a header row of columns (numbers right-aligned) and the rows given.
import type { ReactNode } from "react";
import { fieldByKey, type FieldKey } from "~/domain/csv/fields";

export interface Column {
  key: string;
  label: ReactNode;
  /** A number column (right-aligned). */
  num?: boolean;
}

/** The file's line number, first column of most import tables. */
export const LINE_COLUMN: Column = { key: "line", label: "Line", num: true };

export const fieldLabel = (f: FieldKey) => fieldByKey(f).label;

/** One column per field, headed by the field's label. */
export const fieldColumns = (fields: readonly FieldKey[]): Column[] => fields.map((f) => ({ key: f, label: fieldLabel(f) }));

/** A value as the officer reads it: an empty cell says so. */
export const shown = (v: string) => (v === "" ? <span className="muted">(empty)</span> : v);

export function ImportTable({
  label,
  columns,
  className,
  children,
}: {
  /** The region's accessible name. */
  label: string;
  columns: readonly Column[];
  /** Extra class on the table besides "table". */
  className?: string;
  /** The body rows. */
  children: ReactNode;
}) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      <table className={className ? `table ${className}` : "table"}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c.key} className={c.num ? "num" : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
