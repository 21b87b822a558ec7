// Autosave of the supplier portal's answers. Every change is written to localStorage first (key per
// assessment and question: ./autosave-store), then POSTed to /s/portal/answer on the revision it was
// made on (./autosave-post); it leaves localStorage only once the server has it. So nothing is lost
// on reload, on a lost network (retried when `online` fires, every few seconds while offline, and on
// the next load) or when the session ends (kept until the supplier opens the link again). A save on
// a stale revision gets 409 with the saved answer: both are shown and the supplier keeps one. A value
// the questionnaire refuses (a notice period of 620 days, checked here first and again by the
// server's 400) is a field error, not a failed send: it stays in this browser and next to its
// question until corrected, and is not counted among the answers "not sent yet" (nothing is wrong
// with the network).
import { useCallback, useEffect, useRef, useState, type MutableRefObject } from "react";
import { validateAnswer } from "~/domain/questionnaire";
import type { Question } from "~/domain/questionnaire/types";
import { toRaw, type RawValue, type SavedAnswer, type When } from "~/components/question/types";
import { postDraft, type PostOutcome } from "./autosave-post";
import { persistDraft, restoreDrafts, type Draft } from "./autosave-store";

export type Phase = "editing" | "saving" | "saved" | "waiting" | "invalid" | "conflict" | "error" | "ended";
export interface QuestionStatus {
  phase: Phase;
  messageKey?: string;
  params?: Record<string, string | number>;
  /** On a conflict: the answer saved meanwhile. */
  theirs?: SavedAnswer;
}

const RETRY_MS = 5_000;
const TYPING_MS = 1_200;

type SetStatus = (key: string, s: QuestionStatus | null) => void;

/** The state behind the autosave: what the server has, the drafts, and each question's status. */
function useAutosaveState(loaded: Readonly<Record<string, SavedAnswer>>) {
  const saved = useRef<Record<string, SavedAnswer>>({ ...loaded });
  const drafts = useRef(new Map<string, Draft>());
  const [statuses, setStatuses] = useState<Record<string, QuestionStatus>>({});
  const statusesRef = useRef(statuses);
  statusesRef.current = statuses;
  const [, setVersion] = useState(0);
  const [offline, setOffline] = useState(false);
  const [sessionEnded, setSessionEnded] = useState(false);
  const [lastSavedAt, setLastSavedAt] = useState<string | null>(null);
  const [reconnecting, setReconnecting] = useState(false);
  const rerender = useCallback(() => setVersion((v) => v + 1), []);
  const setStatus: SetStatus = useCallback((key, s) => {
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
  return {
    ...{ saved, drafts, statuses, statusesRef, setStatus, rerender, offline, setOffline, sessionEnded, setSessionEnded },
    ...{ lastSavedAt, setLastSavedAt, reconnecting, setReconnecting },
  };
}
type State = ReturnType<typeof useAutosaveState>;

/** What a finished request does to the state; `resend` sends a newer change made meanwhile. */
function settle(st: State, key: string, d: Draft, value: unknown, outcome: PostOutcome, persist: (k: string, d: Draft | null) => void) {
  switch (outcome.kind) {
    case "offline":
      // The network is gone: the draft stays in localStorage and is sent when it comes back.
      st.setOffline(true);
      st.setStatus(key, { phase: "waiting" });
      return false;
    case "saved": {
      const at = new Date().toISOString();
      st.saved.current[key] = { value, comment: d.comment, revision: outcome.revision, updatedBy: "", updatedAt: at };
      st.setOffline(false);
      st.setLastSavedAt(at);
      if (st.drafts.current.size <= 1) st.setReconnecting(false);
      const current = st.drafts.current.get(key);
      let resend = false;
      if (current === d) {
        st.drafts.current.delete(key);
        persist(key, null);
        st.setStatus(key, { phase: "saved" });
      } else if (current) {
        // Changed again while this save was on its way: send the newer answer on the new revision.
        current.base = outcome.revision;
        persist(key, current);
        resend = true;
      }
      st.rerender();
      return resend;
    }
    case "conflict":
      st.saved.current[key] = outcome.theirs;
      st.setStatus(key, { phase: "conflict", theirs: outcome.theirs });
      return false;
    case "invalid":
      st.setStatus(key, { phase: "invalid", messageKey: outcome.messageKey, params: outcome.params });
      return false;
    case "ended":
      // Session over (or this browser now holds the session of another questionnaire): keep it here.
      st.setSessionEnded(true);
      st.setStatus(key, { phase: "ended" });
      return false;
    case "readOnly":
      st.setStatus(key, { phase: "error", messageKey: "ui.error.read_only" });
      return false;
    case "failed":
      st.setStatus(key, { phase: "error", messageKey: "ui.save_failed" });
      return false;
  }
}

function useSend(
  st: State,
  opts: { assessmentId: number; questions: ReadonlyMap<string, Question>; editable: boolean },
  persist: (k: string, d: Draft | null) => void,
) {
  const { assessmentId, questions, editable } = opts;
  const inflight = useRef(new Set<string>());
  const { drafts, setStatus } = st;
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
      const outcome = await postDraft(assessmentId, key, d);
      inflight.current.delete(key);
      if (settle(st, key, d, checked.value, outcome, persist)) void send(key);
    },
    // `st` holds refs and stable setters: the callback changes with its inputs only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [assessmentId, editable, persist, questions, st.rerender, setStatus],
  );
  return send;
}

/** On load: answers kept in this browser that the server does not have yet are sent. */
function useRestore(st: State, opts: { assessmentId: number; questions: ReadonlyMap<string, Question>; editable: boolean }, send: Send) {
  const { assessmentId, questions, editable } = opts;
  useEffect(() => {
    if (!editable) return;
    const restored = restoreDrafts(assessmentId, questions, st.saved.current);
    if (!restored) return;
    for (const [k, d] of restored) st.drafts.current.set(k, d);
    st.rerender();
    for (const key of st.drafts.current.keys()) void send(key);
    // Only once per page load of this assessment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [assessmentId]);
}
type Send = (key: string) => Promise<void>;

/** Retry when the network comes back, and every few seconds while answers wait. */
function useRetry(st: State, flushAll: () => void) {
  const { statuses, setOffline, setReconnecting, drafts } = st;
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
  }, [flushAll, statuses, setOffline, setReconnecting, drafts]);
}

function useSchedule(send: Send) {
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const all = timers.current;
    return () => all.forEach((t) => clearTimeout(t));
  }, []);
  return useCallback(
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
}

/** The supplier's edits: a change, "keep mine" and "keep theirs" after a conflict. */
function useEdits(st: State, send: Send, schedule: (key: string, ms: number) => void, persist: (k: string, d: Draft | null) => void) {
  const { drafts, saved, statusesRef, setStatus, rerender } = st;
  const edit = useCallback(
    (key: string, patch: { value?: RawValue; comment?: string | null }, when: When = "now") => {
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
    [drafts, saved, statusesRef, persist, rerender, schedule, setStatus],
  );
  const keepMine = useCallback(
    (key: string) => {
      const d = drafts.current.get(key);
      if (!d) return;
      d.base = saved.current[key]?.revision ?? 0;
      persist(key, d);
      void send(key);
    },
    [drafts, saved, persist, send],
  );
  const keepTheirs = useCallback(
    (key: string) => {
      drafts.current.delete(key);
      persist(key, null);
      setStatus(key, null);
      rerender();
    },
    [drafts, persist, rerender, setStatus],
  );
  return { edit, keepMine, keepTheirs };
}

/** What the page reads: each question's value, note and status, and the page-wide save state. */
function summary(st: State) {
  const { drafts, saved, statuses } = st;
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
    offline: st.offline,
    reconnecting: st.reconnecting && drafts.current.size > 0,
    sessionEnded: st.sessionEnded,
    lastSavedAt: st.lastSavedAt,
  };
}

export function useAutosave(opts: {
  assessmentId: number;
  questions: ReadonlyMap<string, Question>;
  /** The answers as loaded (revalidation may bring newer ones). */
  loaded: Readonly<Record<string, SavedAnswer>>;
  editable: boolean;
}) {
  const { assessmentId } = opts;
  const st = useAutosaveState(opts.loaded);
  const persist = useCallback((key: string, d: Draft | null) => persistDraft(assessmentId, key, d), [assessmentId]);
  const send = useSend(st, opts, persist);
  const statusesRef: MutableRefObject<Record<string, QuestionStatus>> = st.statusesRef;
  const flushAll = useCallback(() => {
    for (const key of st.drafts.current.keys()) {
      const phase = statusesRef.current[key]?.phase;
      if (phase !== "conflict" && phase !== "invalid") void send(key);
    }
  }, [send, st.drafts, statusesRef]);
  const schedule = useSchedule(send);
  useRestore(st, opts, send);
  useRetry(st, flushAll);
  const edits = useEdits(st, send, schedule, persist);
  return { ...summary(st), ...edits, flush: (key: string) => schedule(key, 0) };
}

export type Autosave = ReturnType<typeof useAutosave>;
