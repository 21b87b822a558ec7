// How the list of recent imports describes each one. A check that was never committed is
// "abandoned" once nobody acted on it for ABANDON_AFTER_HOURS, or as soon as another import was
// committed after it was uploaded (its check was made against data that has changed since).
// Pure module: no node, kysely or remix imports.

export const ABANDON_AFTER_HOURS = 72;

export interface ImportListItem {
  id: number;
  status: string;
  created_at: string;
}

export interface ImportState {
  label: string;
  /** Why it counts as abandoned, when it does. */
  abandoned: string | null;
  /** The officer may discard it (it was never committed and is not running). */
  discardable: boolean;
}

const LABEL: Record<string, string> = {
  uploaded: "waiting for column mapping",
  check_queued: "checking",
  checking: "checking",
  checked: "checked",
  commit_queued: "importing",
  committing: "importing",
  committed: "imported",
  failed: "failed",
  discarded: "discarded",
};

export function importState(
  item: ImportListItem,
  lastCommitted: { id: number; filename: string; finished_at: string | null } | undefined,
  now: Date,
): ImportState {
  const label = LABEL[item.status] ?? item.status;
  const open = item.status === "uploaded" || item.status === "checked";
  const discardable = open || item.status === "failed";
  if (!open) return { label, abandoned: null, discardable };
  if (lastCommitted && lastCommitted.id !== item.id && lastCommitted.finished_at !== null && lastCommitted.finished_at > item.created_at) {
    return { label: "abandoned", abandoned: `superseded by “${lastCommitted.filename}”, imported after it`, discardable };
  }
  const hours = (now.getTime() - Date.parse(item.created_at)) / 3_600_000;
  if (hours >= ABANDON_AFTER_HOURS) {
    return { label: "abandoned", abandoned: `not imported for ${Math.floor(hours / 24)} days`, discardable };
  }
  return { label, abandoned: null, discardable };
}
