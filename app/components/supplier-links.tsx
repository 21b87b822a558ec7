// The supplier page's forms: adding and removing supply links, and deleting the supplier. A refused
// request comes back as { intent, formError } and shows next to the form that sent it; a successful
// one redirects with a toast.
import { Form } from "@remix-run/react";
import { SupplierPicker } from "./supplier-picker";

/** What the page's action answers when it refuses a request. */
export type ActionProblem = { intent: string; formError?: string; fieldErrors?: Record<string, string> };

/** The refusal of one of `intents`, if the last request was one of them. */
export function ResultAlert({ result, intents }: { result: ActionProblem | undefined; intents: string[] }) {
  if (!result || !intents.includes(result.intent) || !result.formError) return null;
  return (
    <div className="alert error" role="alert">
      {result.formError}
    </div>
  );
}

interface RemoveLinkProps {
  /** The supplier whose page this is. */
  name: string;
  otherId: number;
  otherName: string;
  /** Which side the other supplier is on: it supplies this one ("supplier") or buys from it ("buyer"). */
  side: "supplier" | "buyer";
  busy: boolean;
}

export function RemoveLinkButton({ name, otherId, otherName, side, busy }: RemoveLinkProps) {
  const text = side === "supplier" ? `${otherName} supplies ${name}` : `${name} supplies ${otherName}`;
  return (
    <Form method="post" preventScrollReset className="inline">
      <input type="hidden" name="intent" value="remove-link" />
      <input type="hidden" name="otherId" value={otherId} />
      <input type="hidden" name="side" value={side} />
      <button type="submit" className="button small danger" aria-label={`Remove link: ${text}`} disabled={busy}>
        Remove link
      </button>
    </Form>
  );
}

interface LinkFormProps {
  intent: "add-supplier" | "add-buyer";
  title: string;
  button: string;
  pickerLabel: string;
  orgSlug: string;
  exclude: number[];
  result: ActionProblem | undefined;
  busy: boolean;
}

export function LinkForm({ intent, title, button, pickerLabel, orgSlug, exclude, result, busy }: LinkFormProps) {
  return (
    <Form method="post" preventScrollReset className="link-form" aria-label={title}>
      <h3 className="h3">{title}</h3>
      <input type="hidden" name="intent" value={intent} />
      <ResultAlert result={result} intents={[intent]} />
      <SupplierPicker orgSlug={orgSlug} label={pickerLabel} exclude={exclude} />
      <button type="submit" className="button secondary" disabled={busy}>
        {button}
      </button>
    </Form>
  );
}

interface DeleteProps {
  name: string;
  /** Whether suppliers of this one are linked (then deleting is not offered). */
  hasSuppliers: boolean;
  result: ActionProblem | undefined;
  busy: boolean;
}

/** Deleting, for a supplier entered by mistake: asks for a confirmation; archiving is the usual way out. */
export function DeleteSupplier({ name, hasSuppliers, result, busy }: DeleteProps) {
  return (
    <section className="card danger-zone" aria-labelledby="delete-h">
      <h2 id="delete-h">Delete</h2>
      <ResultAlert result={result} intents={["delete"]} />
      {hasSuppliers ? (
        <p className="muted">
          Deleting is for a supplier entered by mistake. It is not offered while suppliers of {name} are linked: remove those links first,
          or archive it — archiving keeps its history.
        </p>
      ) : (
        <details open={result?.intent === "delete"}>
          <summary>Delete this supplier…</summary>
          <Form method="post" className="stack delete-form" preventScrollReset>
            <p>
              Deleting removes {name} and its links for good. It is meant for a supplier entered by mistake; to stop working with a
              supplier, archive it instead.
            </p>
            <input type="hidden" name="intent" value="delete" />
            <label className="checkbox">
              <input type="checkbox" name="confirm" value="yes" required />I understand that {name} will be deleted and this cannot be
              undone.
            </label>
            <div>
              <button type="submit" className="button danger" disabled={busy}>
                Delete supplier
              </button>
            </div>
          </Form>
        </details>
      )}
    </section>
  );
}
