// The statement's forms: the text editor (a textarea per section; figures are tokens the officer
// keeps or moves) and the board-approval card (record approval; publish once approved).
import { Form, Link } from "@remix-run/react";
import { todayIso } from "~/domain/dates";
import { TokenHelp, type SectionView } from "./statement-parts";

type Errors = { intent?: unknown; formError?: string; fieldErrors?: Record<string, string> } | null;

export function SectionEditor({
  sections,
  version,
  catalogue,
  errors,
  busy,
  cancelHref,
}: {
  sections: SectionView[];
  version: number;
  catalogue: Array<{ key: string; label: string; token: string }>;
  errors: Errors;
  busy: boolean;
  cancelHref: string;
}) {
  const fe = errors?.intent === "save" ? (errors.fieldErrors ?? {}) : {};
  return (
    <Form method="post" className="card stack statement-editor">
      <h2>Edit the text</h2>
      {errors?.intent === "save" && errors.formError ? (
        <p className="alert error" role="alert">
          {errors.formError}
        </p>
      ) : null}
      <TokenHelp catalogue={catalogue} />
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="expectedVersion" value={version} />
      {sections.map((s) => {
        const err = fe[`section.${s.key}`];
        return (
          <div key={s.key} className={`field${err ? " has-error" : ""}`}>
            {s.group ? <p className="muted small">{s.group}</p> : null}
            <label htmlFor={`section-${s.key}`}>{s.heading}</label>
            <p className="hint" id={`hint-${s.key}`}>
              {s.guidance}
            </p>
            <textarea
              id={`section-${s.key}`}
              name={`section.${s.key}`}
              defaultValue={s.text}
              rows={Math.min(14, 3 + Math.ceil(s.text.length / 90))}
              aria-describedby={`hint-${s.key}`}
              aria-invalid={err ? true : undefined}
            />
            {err ? (
              <p className="field-error" role="alert">
                {err}
              </p>
            ) : null}
          </div>
        );
      })}
      <div className="field">
        <label htmlFor="note">What changed (optional)</label>
        <input id="note" name="note" maxLength={500} />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          Save a new revision
        </button>{" "}
        <Link to={cancelHref} className="button secondary">
          Cancel
        </Link>
      </div>
    </Form>
  );
}

interface Approval {
  approverName: string;
  approverTitle: string;
  approvingBody: string;
  approvedOn: string;
  recordedBy: string | null;
  recordedAt: string;
}

export function ApprovalCard({
  approval,
  approvalNote,
  version,
  can,
  published,
  errors,
  busy,
}: {
  approval: Approval | null;
  approvalNote: string;
  version: number;
  can: { approve: boolean; publish: boolean };
  published: string | null;
  errors: Errors;
  busy: boolean;
}) {
  const fe = errors?.intent === "approve" ? (errors.fieldErrors ?? {}) : {};
  const field = (name: string, label: string, props: Record<string, string | number> = {}) => (
    <div className={`field${fe[name] ? " has-error" : ""}`}>
      <label htmlFor={`approval-${name}`}>{label}</label>
      <input id={`approval-${name}`} name={name} aria-invalid={fe[name] ? true : undefined} {...props} />
      {fe[name] ? <p className="field-error">{fe[name]}</p> : null}
    </div>
  );
  return (
    <section className="card" aria-labelledby="approval-h">
      <h2 id="approval-h">Board approval</h2>
      <p className="muted small">{approvalNote}</p>
      {approval ? (
        <dl className="details statement-approval">
          <dt>Approved by</dt>
          <dd>{approval.approvingBody}</dd>
          <dt>On</dt>
          <dd>{approval.approvedOn}</dd>
          <dt>Signed</dt>
          <dd>
            {approval.approverName}, {approval.approverTitle}
          </dd>
          <dt>Recorded</dt>
          <dd>
            {approval.recordedAt.slice(0, 10)} by {approval.recordedBy ?? "a former member"}
          </dd>
          {published ? (
            <>
              <dt>Published</dt>
              <dd>{published.slice(0, 10)}</dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p>Not approved yet.</p>
      )}
      {can.approve ? (
        <Form method="post" className="stack no-print">
          <input type="hidden" name="intent" value="approve" />
          <input type="hidden" name="expectedVersion" value={version} />
          {field("approvingBody", "Approving body", { defaultValue: "Board of directors", maxLength: 200 })}
          {field("approverName", "Signed by (name)", { maxLength: 200, autoComplete: "name" })}
          {field("approverTitle", "Their role or title", { maxLength: 200, placeholder: "Director" })}
          {field("approvedOn", "Date of approval", { type: "date", defaultValue: todayIso(), max: todayIso() })}
          <p className="hint">Recording the approval freezes the text, the figures and the lists behind them.</p>
          <div>
            <button type="submit" className="button" disabled={busy}>
              Record the board's approval
            </button>
          </div>
        </Form>
      ) : null}
      {can.publish ? (
        <Form method="post" className="no-print">
          <input type="hidden" name="intent" value="publish" />
          <input type="hidden" name="expectedVersion" value={version} />
          <button type="submit" className="button" disabled={busy}>
            Publish
          </button>
        </Form>
      ) : null}
    </section>
  );
}
