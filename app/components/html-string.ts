// HTML built as a string, for markup rendered in bulk (the supplier list's rows): escaping exactly
// as React escapes text and attribute values. Pure module.

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
const HAS_SPECIAL = /[&<>"']/;
const SPECIAL = /[&<>"']/g;

/** Text or an attribute value (always quoted with ") as HTML. */
export function escapeHtml(value: string): string {
  return HAS_SPECIAL.test(value) ? value.replace(SPECIAL, (c) => ENTITIES[c]!) : value;
}

/** <span class="…">text</span> */
export function spanHtml(className: string, text: string): string {
  return `<span class="${escapeHtml(className)}">${escapeHtml(text)}</span>`;
}
