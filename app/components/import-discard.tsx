// "Discard" for an import that was never committed: posts to the import's own page (its action
// handles the intent), from the import page itself and from the list of recent imports.
import { Form } from "@remix-run/react";

export function DiscardImportButton({ action, label, small }: { action?: string; label?: string; small?: boolean }) {
  return (
    <Form method="post" action={action} className="inline">
      <input type="hidden" name="intent" value="discard" />
      <button type="submit" className={small ? "button secondary small" : "button secondary"} aria-label={label}>
        {small ? "Discard" : "Discard this import"}
      </button>
    </Form>
  );
}
