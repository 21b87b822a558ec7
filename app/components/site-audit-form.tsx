// The "record an audit" form: react-hook-form + the zod schema of app/schemas/site-audit.ts (the
// action parses the same schema); the report file travels with it as multipart.
import { Form, Link } from "@remix-run/react";
import { AUDIT_TYPES, AUDIT_TYPE_LABELS } from "~/domain/site-audit/standards";
import { SiteAuditSchema } from "~/schemas/site-audit";
import { Select, TextArea } from "./action-form";
import { Field, FormError, SubmitButton, useZodForm } from "./forms";

interface Props {
  standards: ReadonlyArray<{ key: string; label: string; validityMonths: number }>;
  cancelHref: string;
  reportError?: string;
}

export function SiteAuditForm({ standards, cancelHref, reportError }: Props) {
  const { form, onSubmit, errorFor, formError, busy } = useZodForm(SiteAuditSchema, {
    defaultValues: { standard: "smeta_4", auditType: "announced", firm: "", auditDate: "", validUntil: "" },
  });
  const { register, watch } = form;
  const standard = watch("standard");
  const months = standards.find((s) => s.key === standard)?.validityMonths ?? 24;
  return (
    <Form method="post" encType="multipart/form-data" noValidate onSubmit={onSubmit} className="card stack">
      <FormError message={formError} />
      <Select label="Standard" registration={register("standard")} error={errorFor("standard")}>
        {standards.map((s) => (
          <option key={s.key} value={s.key}>
            {s.label}
          </option>
        ))}
      </Select>
      {standard === "other" ? (
        <Field label="Name of the standard" registration={register("standardOther")} error={errorFor("standardOther")} maxLength={120} />
      ) : null}
      <Field label="Audit firm" registration={register("firm")} error={errorFor("firm")} maxLength={200} required />
      <Field label="Audit date" type="date" registration={register("auditDate")} error={errorFor("auditDate")} required />
      <Select label="Type" registration={register("auditType")} error={errorFor("auditType")}>
        {AUDIT_TYPES.map((t) => (
          <option key={t} value={t}>
            {AUDIT_TYPE_LABELS[t]}
          </option>
        ))}
      </Select>
      <TextArea
        label="Scope (optional)"
        registration={register("scope")}
        error={errorFor("scope")}
        rows={3}
        maxLength={1000}
        hint="Pillars, buildings, workers interviewed."
      />
      <Field
        label="Result or grade (optional)"
        registration={register("result")}
        error={errorFor("result")}
        maxLength={200}
        hint="As the standard gives it, e.g. “B”, “Certified”, “Acceptable”."
      />
      <Field
        label="In force until (optional)"
        type="date"
        registration={register("validUntil")}
        error={errorFor("validUntil")}
        hint={`Left empty: the audit date + ${months} months, the standard's usual validity.`}
      />
      <div className={`field${reportError ? " has-error" : ""}`}>
        <label htmlFor="audit-report">Report (optional)</label>
        <p className="hint" id="audit-report-hint">
          PDF, image or Office document, up to 10 MB.
        </p>
        <input id="audit-report" type="file" name="report" aria-describedby="audit-report-hint" />
        {reportError ? (
          <p className="field-error" role="alert">
            {reportError}
          </p>
        ) : null}
      </div>
      <div className="actions">
        <SubmitButton busy={busy}>Record the audit</SubmitButton>
        <Link to={cancelHref} className="button link">
          Cancel
        </Link>
      </div>
    </Form>
  );
}
