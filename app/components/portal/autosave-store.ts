// The autosave's safety net in this browser: every unsent change is kept in localStorage (key per
// assessment and question) until the server has it, and read back on the next load.
import { validateAnswer } from "~/domain/questionnaire";
import type { Question } from "~/domain/questionnaire/types";
import type { RawValue, SavedAnswer } from "~/components/question/types";

export interface Draft {
  value: RawValue;
  comment: string | null;
  /** The revision the change was made on. */
  base: number;
}

export function storageKey(assessmentId: number, questionKey: string): string {
  return `lantern.answer.${assessmentId}.${questionKey}`;
}

function store(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // storage disabled: autosave still works, only the offline safety net is gone
  }
}

/** Keeps (or, with null, forgets) the draft of one question. */
export function persistDraft(assessmentId: number, key: string, d: Draft | null): void {
  const s = store();
  try {
    if (d) s?.setItem(storageKey(assessmentId, key), JSON.stringify(d));
    else s?.removeItem(storageKey(assessmentId, key));
  } catch {
    // quota exceeded: the answer is still sent
  }
}

function normalized(q: Question, v: unknown): string {
  const r = validateAnswer(q, v, { draft: true });
  return JSON.stringify(r.ok ? r.value : v);
}

function readDraft(s: Storage, k: string): Draft | null {
  try {
    return JSON.parse(s.getItem(k) ?? "null") as Draft | null;
  } catch {
    return null;
  }
}

/**
 * The answers kept in this browser that the server does not have yet, each on a revision the server
 * knows. Kept answers that did arrive (only the answer to the save was lost) are forgotten.
 */
export function restoreDrafts(
  assessmentId: number,
  questions: ReadonlyMap<string, Question>,
  saved: Readonly<Record<string, SavedAnswer>>,
): Map<string, Draft> | null {
  const s = store();
  if (!s) return null;
  const drafts = new Map<string, Draft>();
  const prefix = storageKey(assessmentId, "");
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (!k?.startsWith(prefix)) continue;
    const key = k.slice(prefix.length);
    const q = questions.get(key);
    const d = readDraft(s, k);
    if (!q || !d || typeof d.base !== "number") continue;
    const server = saved[key];
    const rev = server?.revision ?? 0;
    const arrived =
      d.base !== rev &&
      server &&
      normalized(q, d.value) === normalized(q, server.value) &&
      (d.comment ?? null) === (server.comment ?? null);
    if (arrived) continue; // it did arrive; the answer to the save was what got lost
    drafts.set(key, { value: d.value, comment: d.comment ?? null, base: d.base > rev ? rev : d.base });
  }
  // Remove the ones that arrived after the loop (removing while iterating shifts the indexes).
  for (let i = s.length - 1; i >= 0; i--) {
    const k = s.key(i);
    if (k?.startsWith(prefix) && !drafts.has(k.slice(prefix.length)) && questions.has(k.slice(prefix.length))) s.removeItem(k);
  }
  return drafts;
}
