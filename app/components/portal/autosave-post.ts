// One autosave request: POST the draft of one question to /s/portal/answer on the revision it was
// made on, and say what came of it (the JSON endpoint's statuses, or a lost network).
import type { SavedAnswer } from "~/components/question/types";
import type { Draft } from "./autosave-store";

export type PostOutcome =
  | { kind: "saved"; revision: number }
  | { kind: "offline" }
  | { kind: "conflict"; theirs: SavedAnswer }
  | { kind: "invalid"; messageKey: string; params: Record<string, string | number> }
  /** Session over (or this browser now holds the session of another questionnaire). */
  | { kind: "ended" }
  | { kind: "readOnly" }
  | { kind: "failed" };

function formOf(assessmentId: number, key: string, d: Draft): FormData {
  const body = new FormData();
  body.set("assessmentId", String(assessmentId));
  body.set("questionKey", key);
  body.set("value", JSON.stringify(d.value));
  body.set("comment", d.comment ?? "");
  body.set("baseRevision", String(d.base));
  return body;
}

function outcomeOf(res: Response, data: Record<string, unknown>): PostOutcome {
  if (res.ok && typeof data.revision === "number") return { kind: "saved", revision: data.revision };
  if (res.status === 409 && data.conflict && typeof data.conflict === "object")
    return { kind: "conflict", theirs: data.conflict as SavedAnswer };
  if (res.status === 400) {
    const params = (data.params as Record<string, string | number>) ?? {};
    return { kind: "invalid", messageKey: String(data.messageKey ?? "ui.save_failed"), params };
  }
  if (res.status === 401 || res.status === 404) return { kind: "ended" };
  if (res.status === 409) return { kind: "readOnly" };
  return { kind: "failed" };
}

export async function postDraft(assessmentId: number, key: string, d: Draft): Promise<PostOutcome> {
  let res: Response;
  let data: Record<string, unknown> = {};
  try {
    res = await fetch("/s/portal/answer", {
      method: "POST",
      body: formOf(assessmentId, key, d),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  } catch {
    return { kind: "offline" };
  }
  return outcomeOf(res, data);
}
