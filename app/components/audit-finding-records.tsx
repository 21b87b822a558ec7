// On an action opened from an audit finding: the audit it came from and, for a wage or hours finding,
// the payroll or time records attached by month, whether two calendar months after the finding are
// covered yet (the action cannot be verified before), and the form to attach one more.
import { Form, Link } from "@remix-run/react";
import { SubmitButton } from "./forms";

interface Props {
  auditHref: string;
  foundOn: string;
  records: null | {
    kind: "payroll" | "time";
    list: ReadonlyArray<{ id: number; month: string; kind: string; fileId: number; filename: string }>;
    met: boolean;
    message: string;
  };
  fileHref: (fileId: number) => string;
  /** The form, when the viewer may still change the action. */
  form: null | { version: number; busy: boolean; errors?: Record<string, string> };
}

export function FindingBehind({ auditHref, foundOn, records, fileHref, form }: Props) {
  return (
    <section className="card" aria-labelledby="finding-behind-h">
      <h2 id="finding-behind-h">From an audit finding</h2>
      <p>
        Found on {foundOn} by a third-party audit: <Link to={auditHref}>see the audit and its findings</Link>.
      </p>
      {records ? (
        <>
          <p className={records.met ? "alert success" : "alert warning"} role="status">
            {records.met ? `Records rule met: ${records.message}` : records.message}
          </p>
          {records.list.length ? (
            <ul>
              {records.list.map((r) => (
                <li key={r.id}>
                  {r.month}: {r.kind === "payroll" ? "payroll" : "time"} record{" "}
                  <a className="tap-link" href={fileHref(r.fileId)}>
                    {r.filename}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          {form ? (
            <Form method="post" encType="multipart/form-data" className="stack">
              <input type="hidden" name="intent" value="record" />
              <input type="hidden" name="version" value={form.version} />
              <div className="field">
                <label htmlFor="record-kind">Kind of record</label>
                <select id="record-kind" name="kind" defaultValue={records.kind}>
                  <option value="time">Time records (hours worked)</option>
                  <option value="payroll">Payroll records (wages paid)</option>
                </select>
              </div>
              <div className={`field${form.errors?.month ? " has-error" : ""}`}>
                <label htmlFor="record-month">Month it covers</label>
                <input id="record-month" name="month" type="month" placeholder="2026-05" required />
                {form.errors?.month ? (
                  <p className="field-error" role="alert">
                    {form.errors.month}
                  </p>
                ) : null}
              </div>
              <div className={`field${form.errors?.files ? " has-error" : ""}`}>
                <label htmlFor="record-file">File</label>
                <input id="record-file" name="files" type="file" required />
                {form.errors?.files ? (
                  <p className="field-error" role="alert">
                    {form.errors.files}
                  </p>
                ) : null}
              </div>
              <SubmitButton busy={form.busy} className="button secondary">
                Attach the record
              </SubmitButton>
            </Form>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
