// The forms of an action's page for admins and compliance officers: move its status, change owner and
// due date, add a note with files. Each carries the version the page was loaded at (a change made
// meanwhile by someone else is refused) and shows the server's field errors for its own intent.
import { Form } from "@remix-run/react";
import { ACTION_MOVE_LABELS } from "./action-display";

type Errors = Readonly<Record<string, string>> | undefined;

function FieldError({ message }: { message: string | undefined }) {
  return message ? <p className="field-error">{message}</p> : null;
}

const fieldClass = (error: string | undefined) => `field${error ? " has-error" : ""}`;

export function ActionStatusForm({
  status,
  version,
  next,
  errors,
  busy,
}: {
  status: string;
  version: number;
  next: readonly string[];
  errors: Errors;
  busy: boolean;
}) {
  return (
    <section className="card" aria-labelledby="status-h">
      <h2 id="status-h">Status</h2>
      <Form method="post" className="stack" preventScrollReset key={`s${version}`}>
        <input type="hidden" name="intent" value="status" />
        <input type="hidden" name="version" value={version} />
        <div className={fieldClass(errors?.note)}>
          <label htmlFor="status-note">Note on this change (optional)</label>
          <textarea id="status-note" name="note" rows={2} maxLength={4000} />
          <FieldError message={errors?.note} />
        </div>
        <div className="actions">
          {next.map((s) => {
            const reopen = s === "in_progress" && status === "done";
            return (
              <button key={s} type="submit" name="status" value={s} className={reopen ? "button secondary" : "button"} disabled={busy}>
                {reopen ? "Reopen (back to in progress)" : ACTION_MOVE_LABELS[s]}
              </button>
            );
          })}
        </div>
      </Form>
    </section>
  );
}

export function ActionOwnerDueForm({
  ownerUserId,
  dueAt,
  version,
  owners,
  today,
  errors,
  busy,
}: {
  ownerUserId: number | null;
  dueAt: string;
  version: number;
  owners: ReadonlyArray<{ id: number; name: string }>;
  today: string;
  errors: Errors;
  busy: boolean;
}) {
  return (
    <section className="card" aria-labelledby="owner-h">
      <h2 id="owner-h">Owner and due date</h2>
      <Form method="post" className="filters" preventScrollReset>
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="version" value={version} />
        <div className={fieldClass(errors?.ownerUserId)}>
          <label htmlFor="owner">Owner</label>
          <select id="owner" name="ownerUserId" defaultValue={ownerUserId ?? ""} key={`o${version}`}>
            <option value="">Nobody</option>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <FieldError message={errors?.ownerUserId} />
        </div>
        <div className={fieldClass(errors?.dueAt)}>
          <label htmlFor="due">Due date</label>
          <input id="due" name="dueAt" type="date" min={today} defaultValue={dueAt.slice(0, 10)} key={`d${version}`} required />
          <FieldError message={errors?.dueAt} />
        </div>
        <button type="submit" className="button secondary" disabled={busy}>
          Save
        </button>
      </Form>
    </section>
  );
}

export function ActionNoteForm({ version, maxFiles, errors, busy }: { version: number; maxFiles: number; errors: Errors; busy: boolean }) {
  return (
    <section className="card" aria-labelledby="note-h">
      <h2 id="note-h">Add a note</h2>
      <Form method="post" encType="multipart/form-data" className="stack" preventScrollReset key={`n${version}`}>
        <input type="hidden" name="intent" value="note" />
        <input type="hidden" name="version" value={version} />
        <div className={fieldClass(errors?.body)}>
          <label htmlFor="note-body">Note</label>
          <textarea id="note-body" name="body" rows={3} maxLength={4000} />
          <FieldError message={errors?.body} />
        </div>
        <div className={fieldClass(errors?.files)}>
          <label htmlFor="note-files">Files (optional)</label>
          <p className="hint">Up to {maxFiles} at a time: PDF, images or Office documents, 10 MB each.</p>
          <input id="note-files" name="files" type="file" multiple />
          <FieldError message={errors?.files} />
        </div>
        <div className="actions">
          <button type="submit" className="button secondary" disabled={busy}>
            Add note
          </button>
        </div>
      </Form>
    </section>
  );
}
