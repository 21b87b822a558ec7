// The corrective-action forms: a manual action, the list's filters (from the URL), and the forms of an
// action's page (status, owner and due date, note) and of the supplier portal (reply). Each schema is
// used by the browser (react-hook-form resolver, where the form has one) and parsed again on the server.
import { todayIso } from "~/domain/dates";
import { z } from "zod";
import { isValidIsoDate } from "~/domain/questionnaire";
import { isDbId, MAX_DB_INT } from "./fields";

export const ACTION_STATUSES = ["open", "in_progress", "done", "verified"] as const;
export type ActionStatusValue = (typeof ACTION_STATUSES)[number];
export const ACTION_SOURCES = ["red_flag", "review", "manual"] as const;
export type ActionSourceValue = (typeof ACTION_SOURCES)[number];

/**
 * Allowed status changes: open → in progress → done → verified; an open action may be marked done at
 * once; a done action may be reopened (back to in progress); verified is final.
 */
export const ACTION_TRANSITIONS: Readonly<Record<ActionStatusValue, readonly ActionStatusValue[]>> = {
  open: ["in_progress", "done"],
  in_progress: ["done"],
  done: ["verified", "in_progress"],
  verified: [],
};

export function canMove(from: ActionStatusValue, to: ActionStatusValue): boolean {
  return ACTION_TRANSITIONS[from].includes(to);
}

/** Days until a new action is due, unless someone chooses another date. */
export const DEFAULT_DUE_DAYS = 30;

const NO_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const dueDate = z
  .string({ required_error: "Choose a due date" })
  .trim()
  .min(1, "Choose a due date")
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-01-31")
  .refine(isValidIsoDate, "This date does not exist")
  .refine((d) => d >= todayIso(), "The due date cannot be in the past")
  .refine((d) => d <= "2100-12-31", "Choose a date before 2101");

// Not a union: a union's "required" message would win over ours in the browser's resolver.
const id = (message: string) =>
  z.unknown().transform((v, ctx) => {
    const s = typeof v === "string" || typeof v === "number" ? String(v).trim() : "";
    if (!isDbId(s)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message });
      return z.NEVER;
    }
    return Number(s);
  });

/** An owner chosen from a list: a user id, or "" for nobody. */
const owner = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === null || v === "") return null;
    const s = String(v).trim();
    if (!isDbId(s)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "Choose an owner from the list" });
      return z.NEVER;
    }
    return Number(s);
  });

const text = (label: string, min: number, max: number) =>
  z
    .string({ required_error: `Write ${label}` })
    .trim()
    .min(min, min <= 1 ? `Write ${label}` : `Use at least ${min} characters`)
    .max(max, `Use at most ${max} characters`)
    .refine((v) => !NO_CONTROL.test(v), "Remove control characters");

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters`)
    .refine((v) => !NO_CONTROL.test(v), "Remove control characters")
    .optional()
    .transform((v) => (v ? v : null));

const version = z.coerce
  .number({ invalid_type_error: "Reload the page and try again" })
  .int("Reload the page and try again")
  .min(1, "Reload the page and try again")
  .max(MAX_DB_INT, "Reload the page and try again");

export const NewActionSchema = z.object({
  supplierId: id("Choose a supplier"),
  title: text("a title", 3, 200).refine((v) => !/[\r\n]/.test(v), "Keep the title on one line"),
  details: optionalText(4000),
  ownerUserId: owner,
  dueAt: dueDate,
  /** The review comment the action was opened from (source "review"), if any. */
  commentId: z
    .unknown()
    .transform((v) => (v === undefined || v === "" ? undefined : v))
    .pipe(id("Open the action again from the review comment").optional()),
});
export type NewActionInput = z.output<typeof NewActionSchema>;

export const StatusChangeSchema = z.object({
  intent: z.literal("status"),
  version,
  status: z.enum(ACTION_STATUSES, { errorMap: () => ({ message: "Choose a status" }) }),
  note: optionalText(4000),
});

export const ActionUpdateSchema = z.object({
  intent: z.literal("update"),
  version,
  ownerUserId: owner,
  dueAt: dueDate,
});

/** A note (officer) or a reply (supplier): text, files, or both (files are checked by the service). */
export const NoteSchema = z.object({
  intent: z.literal("note"),
  version,
  body: optionalText(4000),
});

/** Every form of an action's page, told apart by `intent`. */
export const ActionPageSchema = z.discriminatedUnion("intent", [StatusChangeSchema, ActionUpdateSchema, NoteSchema]);
export type ActionPageInput = z.output<typeof ActionPageSchema>;

/** A supplier's reply from the portal (files travel alongside in the multipart body). */
export const PortalReplySchema = z.object({
  actionId: id("No such action"),
  version,
  body: optionalText(4000),
});

const yes = z
  .string()
  .optional()
  .transform((v) => v === "1" || v === "true" || v === "on");

/** The list's filters, read from the URL (so a filtered view can be bookmarked and shared). */
export const ActionListQuerySchema = z.object({
  status: z.enum(ACTION_STATUSES).optional(),
  overdue: yes,
  owner: z.union([z.literal("none"), z.coerce.number().int().positive().max(MAX_DB_INT)]).optional(),
  supplier: z.coerce.number().int().positive().max(MAX_DB_INT).optional(),
  source: z.enum(ACTION_SOURCES).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type ActionListQuery = z.output<typeof ActionListQuerySchema>;
