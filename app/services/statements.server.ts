// Yearly statements: an officer drafts one from a template for a reporting year (each section
// pre-filled with the template's text and its figure tokens), edits the words around the figures
// (every save kept as a revision), an admin records the board's approval — which freezes the figures
// and the rows of every list behind them — and publishes it. An approved statement never changes:
// a save or a second approval answers 409. Edit: statements.edit; approve and publish: statements.approve.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import type { OrgIdentity } from "~/lib/auth.server";
import { todayIso } from "~/domain/dates";
import { emptyOrgProfile } from "~/domain/org-profile";
import { can } from "~/domain/permissions";
import { fail, ok, type Failure, type Result } from "~/domain/result";
import { computeFigures, isFigureKey } from "~/domain/statement/figures";
import { findTemplate } from "~/domain/statement/templates";
import { tokenProblem } from "~/domain/statement/tokens";
import { reportingPeriod } from "~/domain/statement/year";
import { nowIso } from "~/lib/time";
import { recordAudit } from "~/models/audit.server";
import { getOrgProfile } from "~/models/org-profile.server";
import { freezeLists } from "~/models/statement-lists.server";
import {
  getStatement,
  insertRevision,
  insertStatement,
  markApproved,
  markPublished,
  updateSections,
  yearFacts,
} from "~/models/statement.server";
import type { ApproveStatementInput, DraftStatementInput, SaveStatementInput } from "~/schemas/statement";

type DB = Kysely<Database>;

const NO_STATEMENT: Failure = fail("not_found", "No such statement");
const FROZEN: Failure = fail(
  "conflict",
  "This statement is approved: its text and figures are frozen. Draft a new statement to change anything.",
);
const STALE: Failure = fail("conflict", "Someone saved this statement after you opened it: reload the page to see their changes.");

function who(id: OrgIdentity, ip: string | null) {
  return { orgId: id.org.id, actorUserId: id.user.userId, actorLabel: id.user.email, ip };
}

/** The latest year a statement may be drafted for: the current one and the next (drafts start early). */
export function maxDraftYear(now: Date): number {
  return Number(todayIso(now).slice(0, 4)) + 1;
}

export async function draftStatement(
  db: DB,
  id: OrgIdentity,
  input: DraftStatementInput,
  ip: string | null,
  now = new Date(),
): Promise<Result<{ statementId: number }>> {
  if (!can(id.role, "statements.edit")) return fail("forbidden", "Your role does not allow drafting statements.");
  const template = findTemplate(input.template);
  if (!template) return fail("invalid", "Choose one of the laws listed.", { field: "template" });
  if (input.year > maxDraftYear(now)) return fail("invalid", `Choose a year up to ${maxDraftYear(now)}.`, { field: "year" });
  const profile = await getOrgProfile(db, id.org.id);
  const period = reportingPeriod(input.year, profile?.profile.financialYearEnd);
  const sections = Object.fromEntries(template.sections.map((s) => [s.key, s.draft]));
  const statementId = await db.transaction().execute(async (trx) => {
    const at = nowIso(now);
    const sid = await insertStatement(
      trx,
      id.org.id,
      { templateKey: template.key, templateVersion: template.version, year: input.year, period, sections },
      { userId: id.user.userId, now: at },
    );
    await insertRevision(trx, id.org.id, sid, sections, {
      note: "Drafted from the template",
      userId: id.user.userId,
      label: id.user.email,
      now: at,
    });
    await recordAudit(trx, {
      ...who(id, ip),
      action: "statement.drafted",
      entity: "statement",
      entityId: sid,
      diff: { template: template.key, version: template.version, year: input.year, period },
    });
    return sid;
  });
  return ok({ statementId });
}

export async function saveStatement(
  db: DB,
  id: OrgIdentity,
  statementId: number,
  input: SaveStatementInput,
  ip: string | null,
  now = new Date(),
): Promise<Result<{ revision: number }>> {
  if (!can(id.role, "statements.edit")) return fail("forbidden", "Your role does not allow editing statements.");
  const s = await getStatement(db, id.org.id, statementId);
  if (!s) return NO_STATEMENT;
  if (s.status !== "draft") return FROZEN;
  const template = findTemplate(s.templateKey, s.templateVersion);
  if (!template) return fail("invalid", "This statement's template is no longer known.");
  const sections = { ...s.sections };
  for (const [key, text] of Object.entries(input.sections)) {
    const section = template.sections.find((x) => x.key === key);
    if (!section) return fail("invalid", `The template has no section "${key}".`, { field: `section.${key}` });
    const problem = tokenProblem(text, isFigureKey);
    if (problem) return fail("invalid", `${section.heading}: ${problem}`, { field: `section.${key}` });
    sections[key] = text.trim();
  }
  const revision = await db.transaction().execute(async (trx) => {
    const at = nowIso(now);
    if (!(await updateSections(trx, id.org.id, statementId, sections, { expectedVersion: input.expectedVersion, now: at }))) return null;
    const rev = await insertRevision(trx, id.org.id, statementId, sections, {
      note: input.note,
      userId: id.user.userId,
      label: id.user.email,
      now: at,
    });
    const changed = Object.keys(sections).filter((k) => sections[k] !== s.sections[k]);
    await recordAudit(trx, {
      ...who(id, ip),
      action: "statement.saved",
      entity: "statement",
      entityId: statementId,
      diff: { revision: rev, changed },
    });
    return rev;
  });
  if (revision === null) return (await getStatement(db, id.org.id, statementId))?.status === "draft" ? STALE : FROZEN;
  return ok({ revision });
}

/**
 * Records the board's approval and freezes the statement: the figures as computed now, and the rows
 * of every list behind them (INSERT … SELECT, so this stays fast at 100,000 suppliers).
 */
export async function approveStatement(
  db: DB,
  id: OrgIdentity,
  statementId: number,
  input: ApproveStatementInput,
  ip: string | null,
  now = new Date(),
): Promise<Result<{ frozenRows: number }>> {
  if (!can(id.role, "statements.approve")) return fail("forbidden", "Only an admin can record the board's approval.");
  const s = await getStatement(db, id.org.id, statementId);
  if (!s) return NO_STATEMENT;
  if (s.status !== "draft") return FROZEN;
  if (input.approvedOn > todayIso(now)) return fail("invalid", "The approval date cannot be in the future.", { field: "approvedOn" });
  const r = await db.transaction().execute(async (trx) => {
    const at = nowIso(now);
    const [facts, profile] = await Promise.all([yearFacts(trx, id.org.id, s.year, s.period), getOrgProfile(trx, id.org.id)]);
    const figures = computeFigures(facts, profile?.profile ?? emptyOrgProfile(id.org.name));
    const done = await markApproved(
      trx,
      id.org.id,
      statementId,
      { ...input, figures },
      {
        expectedVersion: input.expectedVersion,
        userId: id.user.userId,
        now: at,
      },
    );
    if (!done) return null;
    const frozenRows = await freezeLists(trx, id.org.id, statementId, s.period);
    await recordAudit(trx, {
      ...who(id, ip),
      action: "statement.approved",
      entity: "statement",
      entityId: statementId,
      diff: { ...input, frozenRows },
    });
    return frozenRows;
  });
  if (r === null) return (await getStatement(db, id.org.id, statementId))?.status === "draft" ? STALE : FROZEN;
  return ok({ frozenRows: r });
}

export async function publishStatement(
  db: DB,
  id: OrgIdentity,
  statementId: number,
  expectedVersion: number,
  ip: string | null,
  now = new Date(),
): Promise<Result> {
  if (!can(id.role, "statements.approve")) return fail("forbidden", "Only an admin can publish a statement.");
  const s = await getStatement(db, id.org.id, statementId);
  if (!s) return NO_STATEMENT;
  if (s.status === "draft") return fail("conflict", "Record the board's approval before publishing.");
  if (s.status === "published") return fail("conflict", "This statement is already published.");
  const done = await db.transaction().execute(async (trx) => {
    if (!(await markPublished(trx, id.org.id, statementId, { expectedVersion, now: nowIso(now) }))) return false;
    await recordAudit(trx, { ...who(id, ip), action: "statement.published", entity: "statement", entityId: statementId });
    return true;
  });
  return done ? ok() : STALE;
}
