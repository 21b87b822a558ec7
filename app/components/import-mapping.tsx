// The import's mapping step: each column of the file with its first values, the field it feeds,
// and what the import may do to suppliers already in Lantern (the update policy).
import { Form, useNavigation } from "@remix-run/react";
import { SUPPLIER_FIELDS, type FieldKey } from "~/domain/csv/fields";
import { POLICY_HELP, POLICY_LABEL, UPDATE_POLICIES, type UpdatePolicy } from "~/domain/csv/policy";
import { ImportTable } from "./import-table";

const MAPPING_COLUMNS = [
  { key: "column", label: "Column in your file" },
  { key: "values", label: "First values" },
  { key: "field", label: "Lantern field" },
];

export function PolicyFieldset({ policy }: { policy: UpdatePolicy }) {
  return (
    <fieldset className="import-policy">
      <legend>Suppliers already in Lantern</legend>
      {UPDATE_POLICIES.map((p) => (
        <div className="radio" key={p}>
          <input
            type="radio"
            id={`policy-${p}`}
            name="policy"
            value={p}
            defaultChecked={p === policy}
            aria-describedby={`policy-${p}-help`}
          />
          <label htmlFor={`policy-${p}`}>{POLICY_LABEL[p]}</label>
          <p className="hint" id={`policy-${p}-help`}>
            {POLICY_HELP[p]}
          </p>
        </div>
      ))}
    </fieldset>
  );
}

export function MappingForm({
  headers,
  mapping,
  samples,
  policy,
}: {
  headers: string[];
  mapping: Array<FieldKey | null>;
  samples: string[][];
  policy: UpdatePolicy;
}) {
  const nav = useNavigation();
  return (
    <Form method="post" className="card stack" aria-labelledby="map-h">
      <h2 id="map-h">Match your columns to Lantern's fields</h2>
      <p className="muted">
        We matched what we could from the column names (and from your organization's last import). Choose “Ignore” for columns you do not
        want to import. Name and country are required.
      </p>
      <input type="hidden" name="intent" value="check" />
      <input type="hidden" name="columns" value={headers.length} />
      <ImportTable label="Columns of your file" className="import-mapping" columns={MAPPING_COLUMNS}>
        {headers.map((h, i) => (
          <tr key={i}>
            <td>
              <label htmlFor={`col${i}`}>{h}</label>
            </td>
            <td className="import-examples" id={`col${i}-examples`}>
              {samples.some((r) => (r[i] ?? "") !== "") ? (
                <ul className="plain">
                  {samples.map((r, j) => (
                    <li key={j}>{r[i] ? r[i] : <span className="muted">(empty)</span>}</li>
                  ))}
                </ul>
              ) : (
                <span className="muted">(empty in the first rows)</span>
              )}
            </td>
            <td>
              <select id={`col${i}`} name={`col${i}`} defaultValue={mapping[i] ?? ""} aria-describedby={`col${i}-examples`}>
                <option value="">Ignore this column</option>
                {SUPPLIER_FIELDS.map((f) => (
                  <option key={f.key} value={f.key}>
                    {f.label}
                    {f.required ? " (required)" : ""}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </ImportTable>
      <PolicyFieldset policy={policy} />
      <button type="submit" className="button" disabled={nav.state === "submitting"}>
        Check the file
      </button>
    </Form>
  );
}
