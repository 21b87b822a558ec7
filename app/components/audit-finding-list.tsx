// The pieces of an audit's page: its facts, its findings (each with the corrective action it opened),
// the check of a findings file (rows and row errors, then import or discard), the file upload with
// the template, and the form for one finding typed by hand.
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { FLAG_INDICATORS, PRINCIPLES } from "~/domain/questionnaire/types";
import { INDICATOR_LABELS } from "~/domain/risk/labels";
import { AUDIT_TYPE_LABELS, type AuditType } from "~/domain/site-audit/standards";
import type { FindingInput, FindingRowError } from "~/domain/site-audit/findings";
import { FindingSchema } from "~/schemas/site-audit";
import { Select, TextArea } from "./action-form";
import { ACTION_STATUS_LABELS } from "./action-display";
import { Field, FormError, SubmitButton, useZodForm } from "./forms";

const PRINCIPLE_NAMES: Record<string, string> = {
  P1: "Policy",
  P2: "Public awareness",
  P3: "Strategic planning",
  P4: "Personnel policy enforcement",
  P5: "Supply-chain tracing",
  P6: "Government advocacy",
  P7: "Transparency",
};

const topic = (f: { indicator: string | null; principle: string | null }) =>
  f.indicator
    ? (INDICATOR_LABELS[f.indicator as keyof typeof INDICATOR_LABELS] ?? f.indicator)
    : `${f.principle} ${PRINCIPLE_NAMES[f.principle ?? ""] ?? ""}`;

interface AuditView {
  standardLabel: string;
  firm: string;
  auditDate: string;
  auditType: AuditType;
  scope: string | null;
  result: string | null;
  validUntil: string;
  inForce: boolean;
  reportFilename: string | null;
  covers: readonly { principle: string; reason: string }[];
}

export function AuditFacts({ audit: a, reportHref }: { audit: AuditView; reportHref: string }) {
  return (
    <section className="card" aria-labelledby="audit-facts-h">
      <h2 id="audit-facts-h">The audit</h2>
      <dl className="details">
        <dt>Standard</dt>
        <dd>{a.standardLabel}</dd>
        <dt>Audit firm</dt>
        <dd>{a.firm}</dd>
        <dt>Date and type</dt>
        <dd>
          {a.auditDate}, {AUDIT_TYPE_LABELS[a.auditType].toLowerCase()}
        </dd>
        <dt>Result</dt>
        <dd>{a.result ?? "—"}</dd>
        <dt>In force</dt>
        <dd>{a.inForce ? `Yes, until ${a.validUntil}` : `No (valid until ${a.validUntil})`}</dd>
        {a.scope ? (
          <>
            <dt>Scope</dt>
            <dd>{a.scope}</dd>
          </>
        ) : null}
        <dt>Report</dt>
        <dd>
          {a.reportFilename ? (
            <a className="tap-link" href={reportHref}>
              {a.reportFilename}
            </a>
          ) : (
            "none uploaded"
          )}
        </dd>
      </dl>
      {a.covers.length ? (
        <details>
          <summary>What it verifies in the score ({a.covers.map((c) => c.principle).join(", ")})</summary>
          <ul>
            {a.covers.map((c) => (
              <li key={c.principle}>
                <strong>
                  {c.principle} {PRINCIPLE_NAMES[c.principle]}
                </strong>
                : {c.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : (
        <p className="muted small">
          This standard is not one the score knows: it verifies no answer, but its critical findings raise red flags.
        </p>
      )}
    </section>
  );
}

interface FindingView {
  id: number;
  description: string;
  severityLabel: string;
  severity: string;
  indicator: string | null;
  principle: string | null;
  recommendation: string | null;
  actionId: number | null;
  actionStatus: string | null;
}

export function FindingsTable({ findings, orgSlug }: { findings: readonly FindingView[]; orgSlug: string }) {
  return (
    <section className="card" aria-labelledby="findings-h">
      <h2 id="findings-h">Findings</h2>
      {findings.length === 0 ? (
        <p className="muted">No findings recorded yet.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Table of findings">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Finding</th>
                <th scope="col">Severity</th>
                <th scope="col">Touches</th>
                <th scope="col">Recommended fix</th>
                <th scope="col">Corrective action</th>
              </tr>
            </thead>
            <tbody>
              {findings.map((f) => (
                <tr key={f.id}>
                  <td>{f.description}</td>
                  <td>
                    {f.severityLabel}
                    {f.severity === "critical" ? <span className="asm-flag severe"> critical</span> : null}
                  </td>
                  <td>{topic(f)}</td>
                  <td>{f.recommendation ?? <span className="muted">—</span>}</td>
                  <td>
                    {f.actionId ? (
                      <Link to={`/o/${orgSlug}/actions/${f.actionId}`}>{ACTION_STATUS_LABELS[f.actionStatus ?? ""] ?? f.actionStatus}</Link>
                    ) : (
                      <span className="muted">none</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function FindingsCheck({ checked }: { checked: { id: number; filename: string; rows: FindingInput[]; errors: FindingRowError[] } }) {
  const busy = useNavigation().state === "submitting";
  const result = useActionData<{ intent?: string; formError?: string }>();
  const ok = checked.errors.length === 0;
  return (
    <section className="card" aria-labelledby="check-h">
      <h2 id="check-h">Check of {checked.filename}</h2>
      {result?.intent === "commit" ? <FormError message={result.formError} /> : null}
      {ok ? (
        <p>
          {checked.rows.length} {checked.rows.length === 1 ? "finding is" : "findings are"} ready. Importing opens a corrective action for
          each.
        </p>
      ) : (
        <>
          <p className="alert error" role="alert">
            {checked.errors.length} {checked.errors.length === 1 ? "problem" : "problems"}: fix them in the file and upload it again.
            Nothing is imported from a file with errors.
          </p>
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Row errors">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Column</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {checked.errors.map((e, i) => (
                  <tr key={i}>
                    <td>{e.row}</td>
                    <td>{e.field}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {ok ? (
        <ul className="small">
          {checked.rows.map((r, i) => (
            <li key={i}>
              <strong>{r.severityLabel}</strong> ({topic(r)}): {r.description}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="actions">
        {ok ? (
          <Form method="post">
            <input type="hidden" name="intent" value="commit" />
            <input type="hidden" name="importId" value={checked.id} />
            <SubmitButton busy={busy}>Import {checked.rows.length} findings</SubmitButton>
          </Form>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value="discard" />
          <input type="hidden" name="importId" value={checked.id} />
          <button type="submit" className="button secondary" disabled={busy}>
            Discard
          </button>
        </Form>
      </div>
    </section>
  );
}

export function FindingsImportForm({ templateBase }: { templateBase: string }) {
  const busy = useNavigation().state === "submitting";
  const result = useActionData<{ intent?: string; formError?: string }>();
  const error = result?.intent === "check" ? result.formError : undefined;
  return (
    <section className="card" aria-labelledby="import-findings-h">
      <h2 id="import-findings-h">Import findings from a file</h2>
      <p className="muted small">
        Start from the template (<a href={`${templateBase}.xlsx`}>XLSX</a> or <a href={`${templateBase}.csv`}>CSV</a>): one finding per row
        with its description, severity as the standard names it, the ILO indicator or Athens principle it touches, and the recommended fix.
        The file is checked first; nothing is imported until you confirm.
      </p>
      <Form method="post" encType="multipart/form-data" className="stack">
        <input type="hidden" name="intent" value="check" />
        <div className={`field${error ? " has-error" : ""}`}>
          <label htmlFor="findings-file">Findings file (CSV or XLSX)</label>
          <input id="findings-file" type="file" name="file" accept=".csv,.xlsx,text/csv" required />
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
        <SubmitButton busy={busy}>Check the file</SubmitButton>
      </Form>
    </section>
  );
}

export function NewFindingForm({ severityWords }: { severityWords: readonly string[] }) {
  const { form, onSubmit, errorFor, formError, busy, actionData } = useZodForm(FindingSchema, {
    defaultValues: {
      description: "",
      severity: severityWords.includes("Major") ? "Major" : (severityWords[0] ?? ""),
      touches: "",
      recommendation: "",
    },
  });
  const { register } = form;
  const mine = (actionData as { intent?: string } | undefined)?.intent === "finding";
  return (
    <section className="card" aria-labelledby="new-finding-h">
      <h2 id="new-finding-h">Add a finding</h2>
      <Form method="post" noValidate onSubmit={onSubmit} className="stack">
        {mine ? <FormError message={formError} /> : null}
        <input type="hidden" name="intent" value="finding" />
        <TextArea label="Description" registration={register("description")} error={errorFor("description")} rows={3} maxLength={2000} />
        <Select label="Severity (as the standard names it)" registration={register("severity")} error={errorFor("severity")}>
          {severityWords.map((w) => (
            <option key={w} value={w}>
              {w}
            </option>
          ))}
        </Select>
        <Select label="ILO indicator or Athens principle" registration={register("touches")} error={errorFor("touches")}>
          <option value="">Choose…</option>
          <optgroup label="ILO indicators">
            {FLAG_INDICATORS.map((i) => (
              <option key={i} value={i}>
                {INDICATOR_LABELS[i]}
              </option>
            ))}
          </optgroup>
          <optgroup label="Athens principles">
            {PRINCIPLES.map((p) => (
              <option key={p} value={p}>
                {p} {PRINCIPLE_NAMES[p]}
              </option>
            ))}
          </optgroup>
        </Select>
        <Field
          label="Recommended fix (optional)"
          registration={register("recommendation")}
          error={errorFor("recommendation")}
          maxLength={2000}
        />
        <SubmitButton busy={busy}>Add the finding</SubmitButton>
      </Form>
    </section>
  );
}
