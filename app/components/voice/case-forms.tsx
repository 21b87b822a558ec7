// The officer's forms on a grievance case: plain posts (they work before the page's script loads),
// each carrying the version the page was loaded at.
import { Form } from "@remix-run/react";
import { CATEGORIES, CATEGORY_LABELS, REMEDY_KINDS, REMEDY_LABELS, SEVERITIES } from "~/domain/voice/categories";

type Errors = Record<string, string> | undefined;

function Err({ errors, name }: { errors: Errors; name: string }) {
  const e = errors?.[name];
  return e ? (
    <p className="field-error" id={`${name}-error`}>
      {e}
    </p>
  ) : null;
}

export function TriageForm(p: { version: number; category: string; severity: string | null; errors: Errors }) {
  return (
    <Form method="post" className="card stack" preventScrollReset aria-labelledby="triage-h">
      <h2 id="triage-h">Triage</h2>
      <input type="hidden" name="intent" value="triage" />
      <input type="hidden" name="version" value={p.version} />
      <label className="field">
        Category
        <select name="category" defaultValue={p.category}>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABELS[c]}
            </option>
          ))}
        </select>
      </label>
      <Err errors={p.errors} name="category" />
      <label className="field">
        Severity
        <select name="severity" defaultValue={p.severity ?? ""}>
          <option value="" disabled>
            Choose…
          </option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <Err errors={p.errors} name="severity" />
      <button className="button" type="submit">
        Save triage
      </button>
    </Form>
  );
}

export function AssignForm(p: { version: number; assignee: number | null; officers: Array<{ id: number; name: string }> }) {
  return (
    <Form method="post" className="card stack" preventScrollReset aria-labelledby="assign-h">
      <h2 id="assign-h">Assignment</h2>
      <input type="hidden" name="intent" value="assign" />
      <input type="hidden" name="version" value={p.version} />
      <label className="field">
        Officer
        <select name="assignee" defaultValue={p.assignee ?? "none"}>
          <option value="none">Nobody</option>
          {p.officers.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <button className="button" type="submit">
        Assign
      </button>
    </Form>
  );
}

export function StatusForm(p: { version: number; next: Array<{ value: string; label: string }>; errors: Errors }) {
  if (p.next.length === 0) return null;
  return (
    <Form method="post" className="card stack" preventScrollReset aria-labelledby="status-h">
      <h2 id="status-h">Status</h2>
      <input type="hidden" name="intent" value="status" />
      <input type="hidden" name="version" value={p.version} />
      <label className="field">
        Move to
        <select name="to" defaultValue={p.next[0]!.value}>
          {p.next.map((n) => (
            <option key={n.value} value={n.value}>
              {n.label}
            </option>
          ))}
        </select>
      </label>
      <Err errors={p.errors} name="to" />
      <label className="field">
        Note (internal, optional)
        <textarea name="note" rows={2} maxLength={2000} />
      </label>
      {p.next.some((n) => n.value === "substantiated") ? (
        <label className="check">
          <input type="checkbox" name="openAction" /> When substantiated, open an internal corrective action (the supplier never sees it)
        </label>
      ) : null}
      <button className="button" type="submit">
        Change status
      </button>
    </Form>
  );
}

export function TextForm(p: {
  intent: "note" | "reply" | "followup";
  version: number;
  title: string;
  hint: string;
  button: string;
  errors: Errors;
}) {
  const name = p.intent === "followup" ? "note" : "body";
  return (
    <Form method="post" className="card stack" preventScrollReset aria-labelledby={`${p.intent}-h`}>
      <h2 id={`${p.intent}-h`}>{p.title}</h2>
      <p className="muted small">{p.hint}</p>
      <input type="hidden" name="intent" value={p.intent} />
      <input type="hidden" name="version" value={p.version} />
      <label className="field">
        Text
        <textarea name={name} rows={3} maxLength={4000} required />
      </label>
      <Err errors={p.errors} name={name} />
      <button className="button" type="submit">
        {p.button}
      </button>
    </Form>
  );
}

export function RemedyForm(p: { version: number; errors: Errors; today: string }) {
  return (
    <Form method="post" className="card stack" preventScrollReset aria-labelledby="remedy-h">
      <h2 id="remedy-h">Record a remedy</h2>
      <input type="hidden" name="intent" value="remedy" />
      <input type="hidden" name="version" value={p.version} />
      <label className="field">
        What was given
        <select name="kind" defaultValue="fees_repaid">
          {REMEDY_KINDS.map((k) => (
            <option key={k} value={k}>
              {REMEDY_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        Amount
        <input name="amount" inputMode="decimal" placeholder="36000" />
      </label>
      <Err errors={p.errors} name="amount" />
      <label className="field">
        Currency
        <input name="currency" maxLength={3} placeholder="USD" />
      </label>
      <Err errors={p.errors} name="currency" />
      <label className="field">
        Number of workers
        <input name="workers" inputMode="numeric" />
      </label>
      <Err errors={p.errors} name="workers" />
      <label className="field">
        Date given
        <input name="deliveredOn" type="date" defaultValue={p.today} required />
      </label>
      <Err errors={p.errors} name="deliveredOn" />
      <label className="field">
        Evidence (what proves it)
        <textarea name="evidence" rows={2} maxLength={2000} />
      </label>
      <button className="button" type="submit">
        Record remedy
      </button>
    </Form>
  );
}

export function RedactForm({ version }: { version: number }) {
  return (
    <Form method="post" className="card stack" preventScrollReset aria-labelledby="redact-h">
      <h2 id="redact-h">Redact</h2>
      <p className="muted small">
        Removes the reporter&apos;s free text from the case and their messages, for good (for instance when it names them).
      </p>
      <input type="hidden" name="intent" value="redact" />
      <input type="hidden" name="version" value={version} />
      <button className="button secondary" type="submit">
        Remove the reporter&apos;s free text
      </button>
    </Form>
  );
}
