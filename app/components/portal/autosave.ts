// Autosave of the supplier portal's answers. Every change is written to localStorage first (key per
// assessment and question), then POSTed to /s/portal/answer on the revision it was made on; it leaves
// localStorage only once the server has it. So nothing is lost on reload, on a lost network (retried
// when `online` fires, every few seconds while offline, and on the next load) or when the session
// ends (kept until the supplier opens the link again). A save on a stale revision gets 409 with the
// saved answer: both are shown and the supplier keeps one. A value the questionnaire refuses (a
// notice period of 620 days, checked here first and again by the server's 400) is a field error, not
// a failed send: it stays in this browser and next to its question until corrected, and is not
// counted among the answers "not sent yet" (nothing is wrong with the network).
import { useCallback, useEffect, useRef, useState } from "react";
import { validateAnswer } from "~/domain/questionnaire/logic";
import type { Question } from "~/domain/questionnaire/types";

/** What an input holds: text as typed (numbers too), option keys, "na", or null (empty). */
export type RawValue = string | string[] | null;

export interface SavedAnswer {
  value: unknown;
  comment: string | null;
  revision: number;
  updatedBy: string;
  updatedAt: string;
}

export type Phase = "editing" | "saving" | "saved" | "waiting" | "invalid" | "conflict" | "error" | "ended";
export interface QuestionStatus {
  phase: Phase;
  messageKey?: string;
  params?: Record<string, string | number>;
  /** On a conflict: the answer saved meanwhile. */
  theirs?: SavedAnswer;
}

interface Draft {
  value: RawValue;
  comment: string | null;
  /** The revision the change was made on. */
  base: number;
}

const RETRY_MS = 5_000;
const TYPING_MS = 1_200;

export function storageKey(assessmentId: number, questionKey: string): string {
  return `lantern.answer.${assessmentId}.${questionKey}`;
}

export function toRaw(v: unknown): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return String(v);
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v.map(String);
  return null;
}

function normalized(q: Question, v: unknown): string {
  const r = validateAnswer(q, v, { draft: true });
  return JSON.stringify(r.ok ? r.value : v);
}

function store(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // storage disabled: autosave still works, only the offline safety net is gone
  }
}

export function useAutosave(opts: {
  assessmentId: number;
  questions: ReadonlyMap<string, Question>;
  /** The answers as loaded (revalidation may bring newer ones). */
  loaded: Readonly<Record<string, SavedAnswer>>;
  editable: boolean;
}) {
  const { assessmentId, questions, loaded, editable } = opts;
  const saved = useRef<Record<string, SavedAnswer>>({ ...loaded });
  const drafts = useRef(new Map<string, Draft>());
  const inflight = useRef(new Set<string>());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const [statuses, setStatuses] = useState<Record<string, QuestionStatus>>({});
  const statusesRef = useRef(statuses);
  statusesRef.current = statuses;
  const [, setVersion] = useState(0);
  const [offline, setOffline] = useState(false);
  const [sessionEnded, setSessionEnded] = useState(false);
  const [lastSavedAt, setLastSavedAt] = useState<string | null>(null);
  const [reconnecting, setReconnecting] = useState(false);
  const rerender = useCallback(() => setVersion((v) => v + 1), []);
  const setStatus = useCallback((key: string, s: QuestionStatus | null) => {
    setStatuses((prev) => {
      const next = { ...prev };
      if (s) next[key] = s;
      else delete next[key];
      return next;
    });
  }, []);

  // Newer answers from a revalidation (after an upload, a section change…) replace older ones.
  useEffect(() => {
    for (const [k, a] of Object.entries(loaded)) {
      const mine = saved.current[k];
      if (!mine || a.revision >= mine.revision) saved.current[k] = a;
    }
    rerender();
  }, [loaded, rerender]);

  const persist = useCallback(
    (key: string, d: Draft | null) => {
      const s = store();
      try {
        if (d) s?.setItem(storageKey(assessmentId, key), JSON.stringify(d));
        else s?.removeItem(storageKey(assessmentId, key));
      } catch {
        // quota exceeded: the answer is still sent
      }
    },
    [assessmentId],
  );

  const send = useCallback(
    async (key: string): Promise<void> => {
      const d = drafts.current.get(key);
      const q = questions.get(key);
      if (!d || !q || inflight.current.has(key) || !editable) return;
      const checked = validateAnswer(q, d.value, { draft: true });
      if (!checked.ok) {
        setStatus(key, { phase: "invalid", messageKey: checked.messageKey, params: { ...checked.params } });
        return;
      }
      inflight.current.add(key);
      setStatus(key, { phase: "saving" });
      const body = new FormData();
      body.set("assessmentId", String(assessmentId));
      body.set("questionKey", key);
      body.set("value", JSON.stringify(d.value));
      body.set("comment", d.comment ?? "");
      body.set("baseRevision", String(d.base));
      let res: Response;
      let data: Record<string, unknown> = {};
      try {
        res = await fetch("/s/portal/answer", {
          method: "POST",
          body,
          headers: { Accept: "application/json" },
          credentials: "same-origin",
        });
        data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      } catch {
        // The network is gone: the draft stays in localStorage and is sent when it comes back.
        inflight.current.delete(key);
        setOffline(true);
        setStatus(key, { phase: "waiting" });
        return;
      }
      inflight.current.delete(key);
      if (res.ok && typeof data.revision === "number") {
        saved.current[key] = {
          value: checked.value,
          comment: d.comment,
          revision: data.revision,
          updatedBy: "",
          updatedAt: new Date().toISOString(),
        };
        setOffline(false);
        setLastSavedAt(new Date().toISOString());
        if (drafts.current.size <= 1) setReconnecting(false);
        const current = drafts.current.get(key);
        if (current === d) {
          drafts.current.delete(key);
          persist(key, null);
          setStatus(key, { phase: "saved" });
        } else if (current) {
          // Changed again while this save was on its way: send the newer answer on the new revision.
          current.base = data.revision;
          persist(key, current);
          void send(key);
        }
        rerender();
        return;
      }
      if (res.status === 409 && data.conflict && typeof data.conflict === "object") {
        const theirs = data.conflict as SavedAnswer;
        saved.current[key] = theirs;
        setStatus(key, { phase: "conflict", theirs });
        return;
      }
      if (res.status === 400) {
        setStatus(key, {
          phase: "invalid",
          messageKey: String(data.messageKey ?? "ui.save_failed"),
          params: (data.params as Record<string, string | number>) ?? {},
        });
        return;
      }
      if (res.status === 401 || res.status === 404) {
        // Session over (or this browser now holds the session of another questionnaire): keep it here.
        setSessionEnded(true);
        setStatus(key, { phase: "ended" });
        return;
      }
      if (res.status === 409) {
        setStatus(key, { phase: "error", messageKey: "ui.error.read_only" });
        return;
      }
      setStatus(key, { phase: "error", messageKey: "ui.save_failed" });
    },
    [assessmentId, editable, persist, questions, rerender, setStatus],
  );

  const flushAll = useCallback(() => {
    for (const key of drafts.current.keys()) {
      const phase = statusesRef.current[key]?.phase;
      if (phase !== "conflict" && phase !== "invalid") void send(key);
    }
  }, [send]);

  const schedule = useCallback(
    (key: string, ms: number) => {
      clearTimeout(timers.current.get(key));
      if (ms <= 0) void send(key);
      else
        timers.current.set(
          key,
          setTimeout(() => void send(key), ms),
        );
    },
    [send],
  );

  // On load: answers kept in this browser that the server does not have yet.
  useEffect(() => {
    const s = store();
    if (!s || !editable) return;
    const prefix = storageKey(assessmentId, "");
    for (let i = 0; i < s.length; i++) {
      const k = s.key(i);
      if (!k?.startsWith(prefix)) continue;
      const key = k.slice(prefix.length);
      const q = questions.get(key);
      let d: Draft | null = null;
      try {
        d = JSON.parse(s.getItem(k) ?? "null") as Draft | null;
      } catch {
        d = null;
      }
      if (!q || !d || typeof d.base !== "number") continue;
      const server = saved.current[key];
      const rev = server?.revision ?? 0;
      if (
        d.base !== rev &&
        server &&
        normalized(q, d.value) === normalized(q, server.value) &&
        (d.comment ?? null) === (server.comment ?? null)
      ) {
        continue; // it did arrive; the answer to the save was what got lost
      }
      drafts.current.set(key, { value: d.value, comment: d.comment ?? null, base: d.base > rev ? rev : d.base });
    }
    // Remove the ones that arrived after the loop (removing while iterating shifts the indexes).
    for (let i = s.length - 1; i >= 0; i--) {
      const k = s.key(i);
      if (k?.startsWith(prefix) && !drafts.current.has(k.slice(prefix.length)) && questions.has(k.slice(prefix.length))) s.removeItem(k);
    }
    rerender();
    for (const key of drafts.current.keys()) void send(key);
    // Only once per page load of this assessment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [assessmentId]);

  // Retry when the network comes back, and every few seconds while answers wait.
  useEffect(() => {
    const online = () => {
      setOffline(false);
      if (drafts.current.size > 0) setReconnecting(true);
      flushAll();
    };
    const gone = () => setOffline(true);
    window.addEventListener("online", online);
    window.addEventListener("offline", gone);
    const waiting = Object.values(statuses).some((s) => s.phase === "waiting" || s.phase === "error");
    const timer = waiting ? setInterval(flushAll, RETRY_MS) : undefined;
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("offline", gone);
      if (timer) clearInterval(timer);
    };
  }, [flushAll, statuses]);

  useEffect(() => {
    const all = timers.current;
    return () => all.forEach((t) => clearTimeout(t));
  }, []);

  const edit = useCallback(
    (key: string, patch: { value?: RawValue; comment?: string | null }, when: "now" | "typing" | "later" = "now") => {
      const prev = drafts.current.get(key);
      const server = saved.current[key];
      const inConflict = statusesRef.current[key]?.phase === "conflict";
      const d: Draft = {
        value: patch.value !== undefined ? patch.value : (prev?.value ?? toRaw(server?.value)),
        comment: patch.comment !== undefined ? patch.comment : (prev?.comment ?? server?.comment ?? null),
        // A new edit after a conflict answers it: it is made on the answer now saved.
        base: inConflict ? (server?.revision ?? 0) : (prev?.base ?? server?.revision ?? 0),
      };
      drafts.current.set(key, d);
      persist(key, d);
      setStatus(key, { phase: "editing" });
      rerender();
      if (when !== "later") schedule(key, when === "now" ? 0 : TYPING_MS);
    },
    [persist, rerender, schedule, setStatus],
  );

  const keepMine = useCallback(
    (key: string) => {
      const d = drafts.current.get(key);
      if (!d) return;
      d.base = saved.current[key]?.revision ?? 0;
      persist(key, d);
      void send(key);
    },
    [persist, send],
  );

  const keepTheirs = useCallback(
    (key: string) => {
      drafts.current.delete(key);
      persist(key, null);
      setStatus(key, null);
      rerender();
    },
    [persist, rerender, setStatus],
  );

  // Drafts the questionnaire refused: shown at their question, not waiting for the network.
  const invalid = [...drafts.current.keys()].filter((k) => statuses[k]?.phase === "invalid");
  return {
    value: (key: string): RawValue => (drafts.current.has(key) ? drafts.current.get(key)!.value : toRaw(saved.current[key]?.value)),
    comment: (key: string): string => (drafts.current.has(key) ? drafts.current.get(key)!.comment : saved.current[key]?.comment) ?? "",
    /** The value as stored on the server (evidence file lists). */
    savedValue: (key: string): unknown => saved.current[key]?.value ?? null,
    status: (key: string): QuestionStatus | undefined => statuses[key],
    /** The current value of every question: drafts over saved answers. */
    current: (): Record<string, RawValue> => {
      const out: Record<string, RawValue> = {};
      for (const [k, a] of Object.entries(saved.current)) out[k] = toRaw(a.value);
      for (const [k, d] of drafts.current) out[k] = d.value;
      return out;
    },
    edit,
    flush: (key: string) => schedule(key, 0),
    keepMine,
    keepTheirs,
    /** Drafts waiting to be sent (refused values excluded: see `invalid`). */
    unsent: drafts.current.size - invalid.length,
    /** Questions whose value was refused (out of range, not a number…): the supplier must correct them. */
    invalid,
    /** Questions whose answer needs the supplier: a conflict, an invalid value, a refused save. */
    attention: Object.entries(statuses)
      .filter(([, s]) => s.phase === "conflict" || s.phase === "invalid" || s.phase === "error")
      .map(([k]) => k),
    saving: Object.values(statuses).some((s) => s.phase === "saving"),
    failed: Object.values(statuses).some((s) => s.phase === "error"),
    offline,
    reconnecting: reconnecting && drafts.current.size > 0,
    sessionEnded,
    lastSavedAt,
  };
}

export type Autosave = ReturnType<typeof useAutosave>;
