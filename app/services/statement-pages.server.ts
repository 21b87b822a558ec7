// What the statement pages read: the list of statements, one statement with its sections rendered
// (figures computed now for a draft, frozen for an approved one), last year's figures beside this
// year's, its revisions, and the rows behind one figure. Every role with statements.view reads.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import type { OrgIdentity } from "~/lib/auth.server";
import { todayIso } from "~/domain/dates";
import { emptyOrgProfile, type OrgProfile } from "~/domain/org-profile";
import { can } from "~/domain/permissions";
import { computeFigures, figureCatalogue, FIGURES } from "~/domain/statement/figures";
import { figureHref } from "~/domain/statement/links";
import { findTemplate, latestTemplates } from "~/domain/statement/templates";
import { renderText } from "~/domain/statement/tokens";
import { LIST_LABELS, type Figure, type Paragraph, type StatementList } from "~/domain/statement/types";
import { defaultDraftYear, reportingPeriod } from "~/domain/statement/year";
import { getOrgProfile } from "~/models/org-profile.server";
import { frozenListPage, liveListPage, supplierGroupsForYears } from "~/models/statement-lists.server";
import {
  approvedStatementFor,
  getStatement,
  listRevisions,
  listStatements,
  yearFacts,
  type StatementRecord,
} from "~/models/statement.server";
import { maxDraftYear } from "./statements.server";

type DB = Kysely<Database>;

export async function statementsIndex(db: DB, id: OrgIdentity, now = new Date()) {
  const [rows, profile] = await Promise.all([listStatements(db, id.org.id), getOrgProfile(db, id.org.id)]);
  const templates = latestTemplates().map((t) => ({ key: t.key, law: t.law, title: t.title }));
  return {
    statements: rows.map((s) => {
      const t = findTemplate(s.templateKey, s.templateVersion);
      return {
        id: s.id,
        title: t?.title ?? s.templateKey,
        law: t?.law ?? s.templateKey,
        year: s.year,
        status: s.status,
        updatedAt: s.updatedAt,
      };
    }),
    templates,
    defaultYear: defaultDraftYear(todayIso(now), profile?.profile.financialYearEnd),
    maxYear: maxDraftYear(now),
    canEdit: can(id.role, "statements.edit"),
    hasProfile: profile !== null,
  };
}

/** This year's figures: frozen once approved, else computed now from the year's facts. */
async function figuresOf(db: DB, org: OrgIdentity["org"], s: StatementRecord): Promise<Record<string, Figure>> {
  if (s.figures) return s.figures;
  const [facts, profile] = await Promise.all([yearFacts(db, org.id, s.year, s.period), getOrgProfile(db, org.id)]);
  return computeFigures(facts, profileOrEmpty(profile?.profile, org.name));
}

/** Without a stored profile the figures say what is missing ("No policies are recorded…"), under the organisation's name. */
export function profileOrEmpty(profile: OrgProfile | undefined, orgName: string): OrgProfile {
  return profile ?? emptyOrgProfile(orgName);
}

export interface RenderedSection {
  key: string;
  heading: string;
  guidance: string;
  group: string | null;
  text: string;
  paragraphs: Array<Array<Paragraph[number] & { href?: string }>>;
}

/** A statement's sections as paragraphs of words and figures, each figure with its link in the app. */
export function renderSections(slug: string, s: StatementRecord, figures: Record<string, Figure>): RenderedSection[] {
  const template = findTemplate(s.templateKey, s.templateVersion);
  return (template?.sections ?? []).map((sec) => {
    const text = s.sections[sec.key] ?? "";
    return {
      key: sec.key,
      heading: sec.heading,
      guidance: sec.guidance,
      group: sec.group ?? null,
      text,
      paragraphs: renderText(text, figures).map((p) =>
        p.map((seg) => (seg.kind === "figure" ? { ...seg, href: figureHref(slug, s.id, seg.key, seg.source) } : seg)),
      ),
    };
  });
}

/**
 * This year's figures (frozen once approved, else computed now) and last year's (from its approved
 * statement of the same law when there is one, else computed now). The suppliers list of both years
 * is read in one scan: it is the list that grows with the tenant.
 */
async function bothYears(db: DB, org: OrgIdentity["org"], s: StatementRecord) {
  const [prevStatement, stored] = await Promise.all([
    approvedStatementFor(db, org.id, s.templateKey, s.year - 1),
    getOrgProfile(db, org.id),
  ]);
  const profile = profileOrEmpty(stored?.profile, org.name);
  const prevPeriod = reportingPeriod(s.year - 1, stored?.profile.financialYearEnd);
  const live = [...(s.figures ? [] : [s.period]), ...(prevStatement?.figures ? [] : [prevPeriod])];
  const groups = live.length ? await supplierGroupsForYears(db, org.id, live) : [];
  const figures = s.figures ?? computeFigures(await yearFacts(db, org.id, s.year, s.period, groups[0]), profile);
  const prev = prevStatement?.figures
    ? { year: s.year - 1, from: "approved" as const, statementId: prevStatement.id, figures: prevStatement.figures }
    : {
        year: s.year - 1,
        from: "live" as const,
        statementId: null,
        figures: computeFigures(await yearFacts(db, org.id, s.year - 1, prevPeriod, groups[live.length - 1]), profile),
      };
  return { figures, prev, hasProfile: stored !== null };
}

/**
 * One statement as its page shows it. With `revision`, the text is that saved revision's (read only,
 * with today's figures, or the frozen ones once approved); null when there is no such statement or
 * revision.
 */
export async function statementPage(db: DB, id: OrgIdentity, statementId: number, revision: number | null = null) {
  const s = await getStatement(db, id.org.id, statementId);
  if (!s) return null;
  const template = findTemplate(s.templateKey, s.templateVersion);
  const [{ figures, prev, hasProfile }, revisions] = await Promise.all([bothYears(db, id.org, s), listRevisions(db, id.org.id, s.id)]);
  const compared = Object.values(figures)
    .filter((f) => f.source.kind === "list" || f.source.kind === "grievances")
    .filter((f) => f.value !== null || f.source.kind === "grievances")
    .map((f) => ({ key: f.key, label: f.label, now: f.text, before: prev.figures[f.key]?.text ?? "—" }));
  const viewed = revision === null ? null : revisions.find((r) => r.revision === revision);
  if (viewed === undefined) return null;
  const latest = revisions[0]?.revision ?? null;
  return {
    statement: {
      id: s.id,
      year: s.year,
      period: s.period,
      status: s.status,
      version: s.version,
      approval: s.approval,
      publishedAt: s.publishedAt,
      updatedAt: s.updatedAt,
      frozen: s.figures !== null,
    },
    template: template && {
      key: template.key,
      version: template.version,
      law: template.law,
      title: template.title,
      approvalNote: template.approvalNote,
    },
    sections: renderSections(id.org.slug, viewed ? { ...s, sections: viewed.sections } : s, figures),
    viewing: viewed && { revision: viewed.revision, note: viewed.note, by: viewed.by, at: viewed.at, latest: viewed.revision === latest },
    comparison: { year: prev.year, from: prev.from, statementId: prev.statementId, rows: compared },
    catalogue: figureCatalogue(),
    revisions: revisions.map((r) => ({ revision: r.revision, note: r.note, by: r.by, at: r.at })),
    hasProfile,
    can: {
      edit: s.status === "draft" && can(id.role, "statements.edit"),
      approve: s.status === "draft" && can(id.role, "statements.approve"),
      publish: s.status === "approved" && can(id.role, "statements.approve"),
    },
  };
}

export const FIGURE_PAGE_SIZE = 50;

/** The rows behind one figure: the frozen snapshot of an approved statement, else the year's list now. */
export async function figureListPage(db: DB, id: OrgIdentity, statementId: number, key: string, page: number) {
  const s = await getStatement(db, id.org.id, statementId);
  const def = Object.hasOwn(FIGURES, key) ? FIGURES[key] : undefined;
  if (!s || !def || def.source.kind !== "list") return null;
  const { list, filter } = def.source;
  const at = { offset: (page - 1) * FIGURE_PAGE_SIZE, limit: FIGURE_PAGE_SIZE };
  const r = s.figures
    ? await frozenListPage(db, id.org.id, s.id, list, filter, at)
    : await liveListPage(db, id.org.id, s.period, list, filter, at);
  const figure = s.figures?.[key] ?? null;
  return {
    statement: { id: s.id, year: s.year, status: s.status, frozen: s.figures !== null, period: s.period },
    figure: { key, label: def.label, text: figure?.text ?? null },
    list: { key: list as StatementList, label: LIST_LABELS[list] },
    rows: r.rows,
    total: r.total,
    page,
    pages: Math.max(1, Math.ceil(r.total / FIGURE_PAGE_SIZE)),
  };
}

/** What the print page and the DOCX carry. */
export async function statementDocument(db: DB, id: OrgIdentity, statementId: number) {
  const s = await getStatement(db, id.org.id, statementId);
  if (!s) return null;
  const template = findTemplate(s.templateKey, s.templateVersion);
  const figures = await figuresOf(db, id.org, s);
  return {
    orgName: id.org.name,
    title: template?.title ?? s.templateKey,
    law: template?.law ?? s.templateKey,
    year: s.year,
    period: s.period,
    status: s.status,
    approval: s.approval,
    frozen: s.figures !== null,
    sections: renderSections(id.org.slug, s, figures),
  };
}
export type StatementDocument = NonNullable<Awaited<ReturnType<typeof statementDocument>>>;
