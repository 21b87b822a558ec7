// The supplier's questionnaire, one section at a time (?section=<key>; by default the first section
// with required answers missing). Answers autosave (components/portal/autosave.ts); follow-up
// questions appear as answers change (the questionnaire logic is pure and runs in the browser);
// evidence uploads at once; the last section submits. After submission: a read-only copy to print,
// until the reviewer asks for changes (then their comments show next to the answers).
import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData, useLocation, useRevalidator, useSearchParams } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { allQuestions } from "~/domain/questionnaire/template";
import { completeness, evidenceRequested, validateAnswer, visibleQuestions } from "~/domain/questionnaire";
import {
  EVIDENCE_LIMITS,
  type Answers,
  type Attachments,
  type Question,
  type QuestionnaireTemplate,
  type ReviewComment,
} from "~/domain/questionnaire/types";
import { nowIso } from "~/lib/time";
import { portalFile } from "~/lib/portal-evidence.server";
import { takesDocuments } from "~/domain/questionnaire/evidence";
import {
  PORTAL_HEADERS,
  keysWith,
  longDate,
  messagesFor,
  portalLocale,
  publicAuthor,
  publicTemplate,
  requireSupplierPage,
  supplierMayEdit,
  templateKeys,
} from "~/lib/portal.server";
import { orgNameById } from "~/models/portal.server";
import { assessmentView } from "~/services/assessments.server";
import { useAutosave, type Autosave } from "~/components/portal/autosave";
import type { SavedAnswer } from "~/components/question/types";
import { PortalEvidence, type PortalFile } from "~/components/portal/evidence";
import { makeT, formatClock, type T } from "~/components/portal/i18n";
import { PortalQuestion } from "~/components/portal/question";
import { SubmitBox } from "~/components/portal/submit";
import { SubmittedView } from "~/components/portal/submitted";
import { questionId } from "~/components/question/types";
import { portalShouldRevalidate, sectionHref } from "~/components/portal/revalidate";

export const headers: HeadersFunction = () => ({ ...PORTAL_HEADERS });

export const shouldRevalidate = portalShouldRevalidate;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const s = await requireSupplierPage(request, context);
  const view = await assessmentView(context.db, { kind: "supplier", s }, s.assessmentId);
  if (!view) throw json(null, { status: 404, headers: PORTAL_HEADERS });
  const orgName = (await orgNameById(context.db, s.orgId)) ?? "";
  const locale = portalLocale(request, s.language);
  const { template, assessment: a } = view;
  const editable = supplierMayEdit(a.status);
  const requested = new URL(request.url).searchParams.get("section");
  const chosen = template.sections.find((x) => x.key === requested);
  if (requested !== null && !chosen) throw redirect("/s/portal");
  const firstMissing = view.completeness.bySection.find((b) => b.missingRequired.length > 0)?.sectionKey;
  // Sent back for changes: open where the reviewer's first open comment is, not on the last section.
  const commented = a.status === "changes_requested" ? view.comments.find((c) => !c.resolved_at)?.question_key : undefined;
  const commentedSection = commented ? allQuestions(template).find((e) => e.question.key === commented)?.section.key : undefined;
  const section =
    chosen ??
    template.sections.find((x) => x.key === (commentedSection ?? firstMissing)) ??
    template.sections[template.sections.length - 1]!;
  const answers: Record<string, SavedAnswer> = {};
  for (const x of view.answers) {
    answers[x.questionKey] = {
      value: x.value,
      comment: x.comment,
      revision: x.revision,
      updatedBy: publicAuthor(x.updatedBy, orgName),
      updatedAt: x.updatedAt,
    };
  }
  return json({
    assessmentId: a.id,
    status: a.status,
    editable,
    sectionKey: section.key,
    template: publicTemplate(template),
    answers,
    files: view.files.map((f): PortalFile => portalFile(f, locale)),
    // The supplier sees the buying organization as the author, never an officer's address.
    comments: view.comments.map((c): ReviewComment => ({ ...c, author_label: orgName })),
    orgName,
    locale,
    messages: messagesFor(locale, [...keysWith("ui."), ...templateKeys(template, template.sections)]),
    dates: {
      submitted: longDate(a.submittedAt, locale),
      approved: longDate(a.approvedAt, locale),
      validUntil: longDate(a.validUntil, locale),
      today: longDate(nowIso(), locale),
    },
    maxBytes: EVIDENCE_LIMITS.maxBytes,
    today: nowIso().slice(0, 10),
    // Every control question takes documents (the public template carries no weights to tell them by).
    takesDocuments: allQuestions(template)
      .filter((e) => takesDocuments(e.section, e.question))
      .map((e) => e.question.key),
  });
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function PortalQuestionnaire() {
  const data = useLoaderData<typeof loader>();
  const t = makeT(data.messages, data.locale);
  // The loader's JSON is the template as published (minus scoring): the domain types describe it.
  const template = data.template as unknown as QuestionnaireTemplate;
  if (!data.editable) {
    return (
      <SubmittedView
        t={t}
        template={template}
        status={data.status}
        orgName={data.orgName}
        answers={data.answers as Record<string, SavedAnswer>}
        files={data.files}
        comments={data.comments}
        dates={data.dates}
      />
    );
  }
  return <Editor data={data} t={t} template={template} />;
}

/** Another section replaces the questions without a page load: move the focus to their top, or a
 * keyboard user would be left on the pager at the bottom of the new section. A link to one question
 * (the banner's, the missing list's) brings it into view with the focus on it. */
function useSectionFocus(sectionKey: string) {
  const mainRef = useRef<HTMLElement>(null);
  const shownSection = useRef(sectionKey);
  useEffect(() => {
    if (shownSection.current === sectionKey) return;
    shownSection.current = sectionKey;
    if (!window.location.hash) mainRef.current?.focus();
  }, [sectionKey]);
  const location = useLocation();
  useEffect(() => {
    if (!location.hash) return;
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!target) return;
    target.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  }, [location.key, location.hash]);
  return mainRef;
}

/** Where the supplier is: the section shown (?section, else the one the page opened with) and the progress. */
function usePosition(data: Data, template: QuestionnaireTemplate, autosave: Autosave, questions: ReadonlyMap<string, Question>) {
  const current = autosave.current() as Answers;
  const attachments: Record<string, string[]> = {};
  for (const f of data.files) if (questions.get(f.questionKey)?.type !== "evidence") (attachments[f.questionKey] ??= []).push(String(f.id));
  const progress = completeness(template, current, attachments as Attachments);
  const [search] = useSearchParams();
  // Without ?section the page stays on the section it opened with, even when a reload after an
  // upload would now pick another one.
  const [opened] = useState(data.sectionKey);
  const chosen = template.sections.findIndex((s) => s.key === search.get("section"));
  const index =
    chosen >= 0
      ? chosen
      : Math.max(
          0,
          template.sections.findIndex((s) => s.key === opened),
        );
  const section = template.sections[index]!;
  const href = (sectionKey: string, hash = "") => sectionHref(search.toString(), sectionKey, hash);
  return { current, progress, index, section, visible: visibleQuestions(template, current, section.key), href };
}
type Position = ReturnType<typeof usePosition>;

function Editor({ data, t, template }: { data: Data; t: T; template: QuestionnaireTemplate }) {
  const revalidator = useRevalidator();
  const [ended, setEnded] = useState(false);
  const questions = useMemo(() => new Map(allQuestions(template).map((e) => [e.question.key, e.question])), [template]);
  const sectionOf = useMemo(() => new Map(allQuestions(template).map((e) => [e.question.key, e.section.key])), [template]);
  const autosave = useAutosave({
    assessmentId: data.assessmentId,
    questions,
    loaded: data.answers as Record<string, SavedAnswer>,
    editable: true,
  });
  const pos = usePosition(data, template, autosave, questions);
  const { index, section, progress } = pos;
  const openComments = data.comments.filter((c) => !c.resolved_at);
  // The commented questions in the questionnaire's order: the banner links to each of them.
  const commentedKeys = allQuestions(template)
    .map((e) => e.question.key)
    .filter((k) => openComments.some((c) => c.question_key === k));
  const sessionEnded = ended || autosave.sessionEnded;
  // Answers kept from an earlier visit that need a decision, on other sections than this one.
  const elsewhere = autosave.attention.filter((k) => sectionOf.get(k) !== section.key);
  const mainRef = useSectionFocus(section.key);
  const next = template.sections[index + 1];
  const linkTo = (k: string) => pos.href(sectionOf.get(k)!, `#${questionId(k)}`);
  return (
    <main className="portal-main" id="questions" tabIndex={-1} ref={mainRef}>
      <Notices t={t} data={data} sessionEnded={sessionEnded} commentedKeys={commentedKeys} elsewhere={elsewhere} linkTo={linkTo} />
      <Progress t={t} template={template} pos={pos} openComments={openComments} />
      <h1>{t(`s.${section.key}.title`)}</h1>
      {t.has(`s.${section.key}.intro`) ? <p className="lead">{t(`s.${section.key}.intro`)}</p> : null}
      <p className="muted small">
        {t("ui.required_legend")} {t("ui.autosave.note")}
      </p>
      <form className="portal-form" noValidate onSubmit={(e) => e.preventDefault()}>
        {pos.visible.map((q) => (
          <QuestionItem key={q.key} q={q} t={t} data={data} autosave={autosave} commented={commentedKeys.includes(q.key)} />
        ))}
      </form>
      <Pager t={t} template={template} pos={pos} />
      {next ? null : (
        <SubmitBox
          t={t}
          assessmentId={data.assessmentId}
          orgName={data.orgName}
          missing={progress.missingRequired}
          hrefFor={pos.href}
          unsent={autosave.unsent}
          invalid={autosave.invalid.length}
          onSubmitted={() => revalidator.revalidate()}
          onSessionEnded={() => setEnded(true)}
        />
      )}
      <SaveBar t={t} autosave={autosave} sessionEnded={sessionEnded} locale={data.locale} />
    </main>
  );
}

function QuestionItem({ q, t, data, autosave, commented }: { q: Question; t: T; data: Data; autosave: Autosave; commented: boolean }) {
  const revalidator = useRevalidator();
  const checked = validateAnswer(q, autosave.value(q.key), { draft: true });
  const own = data.files.filter((f) => f.questionKey === q.key);
  // A reviewer's open comment may ask for a document; every control question takes one (folded).
  const requested = q.type === "evidence" || commented || (checked.ok && evidenceRequested(q, checked.value));
  return (
    <PortalQuestion
      q={q}
      t={t}
      autosave={autosave}
      reviewComments={data.comments.filter((c) => c.question_key === q.key)}
      evidence={<PortalEvidence q={q} t={t} page={data} files={own} requested={requested} onChanged={() => revalidator.revalidate()} />}
    />
  );
}

function Notices(p: {
  t: T;
  data: Data;
  sessionEnded: boolean;
  commentedKeys: readonly string[];
  elsewhere: readonly string[];
  linkTo: (questionKey: string) => string;
}) {
  const { t, data, commentedKeys, elsewhere, linkTo } = p;
  const links = (keys: readonly string[], className?: string) => (
    <ul className={className}>
      {keys.map((k) => (
        <li key={k}>
          <Link to={linkTo(k)}>{t(`q.${k}.text`)}</Link>
        </li>
      ))}
    </ul>
  );
  return (
    <>
      {p.sessionEnded ? (
        <div className="alert error" role="alert">
          <p className="alert-title">{t("ui.portal.session_expired")}</p>
          <p>{t("ui.kept_on_device")}</p>
        </div>
      ) : null}
      {data.status === "changes_requested" ? (
        <div className="alert note portal-changes" role="status">
          <p className="alert-title">{t("ui.review.changes_requested.heading")}</p>
          <p>{t("ui.review.changes_requested.body", { buyer: data.orgName })}</p>
          {commentedKeys.length ? (
            <>
              <p>{t.plural("ui.review.comments", commentedKeys.length)}</p>
              {links(commentedKeys, "portal-changes-list")}
            </>
          ) : null}
        </div>
      ) : null}
      {elsewhere.length ? (
        <div className="alert note" role="status">
          <p>{t("ui.needs_attention")}</p>
          {links(elsewhere)}
        </div>
      ) : null}
    </>
  );
}

function Progress({
  t,
  template,
  pos,
  openComments,
}: {
  t: T;
  template: QuestionnaireTemplate;
  pos: Position;
  openComments: ReviewComment[];
}) {
  const { progress, index } = pos;
  const sectionProgress = progress.bySection[index]!;
  return (
    <>
      <div className="portal-progress">
        <p className="portal-position">
          <strong>{t("ui.section.position", { n: index + 1, total: template.sections.length })}</strong> —{" "}
          {t("ui.progress.answered", { percent: progress.percent })}
        </p>
        <progress max={100} value={progress.percent} aria-label={t("ui.progress.label")} />
        <p className="muted small">{t("ui.progress.section", { answered: sectionProgress.answered, total: sectionProgress.total })}</p>
      </div>
      <details className="portal-sections">
        <summary>{t("ui.overview.heading")}</summary>
        <ol>
          {template.sections.map((s, i) => {
            const b = progress.bySection[i]!;
            const state =
              b.missingRequired.length === 0 && b.answered === b.total
                ? t("ui.overview.section_done")
                : b.answered === 0
                  ? t("ui.overview.section_todo")
                  : t("ui.overview.section_partial", { answered: b.answered, total: b.total });
            const commented = openComments.some((c) => s.questions.some((q) => q.key === c.question_key));
            return (
              <li key={s.key}>
                <Link to={pos.href(s.key)} aria-current={i === index ? "step" : undefined}>
                  {t(`s.${s.key}.title`)}
                </Link>{" "}
                <span className="muted small">
                  {state}
                  {commented ? ` · ${t("ui.review.comment_label")}` : ""}
                </span>
              </li>
            );
          })}
        </ol>
      </details>
    </>
  );
}

function Pager({ t, template, pos }: { t: T; template: QuestionnaireTemplate; pos: Position }) {
  const prev = template.sections[pos.index - 1];
  const next = template.sections[pos.index + 1];
  return (
    <nav className="portal-pager" aria-label={t("ui.overview.heading")}>
      {prev ? (
        <Link className="button secondary portal-big" to={pos.href(prev.key)} rel="prev">
          ← {t("ui.previous_section")}
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link className="button portal-big" to={pos.href(next.key)} rel="next">
          {t("ui.next_section")} →
        </Link>
      ) : null}
    </nav>
  );
}

function saveState(t: T, autosave: Autosave, sessionEnded: boolean, locale: string): string {
  if (sessionEnded) return t("ui.not_sent");
  if (autosave.offline) return t("ui.offline");
  if (autosave.reconnecting) return t("ui.back_online");
  if (autosave.saving) return t("ui.saving");
  if (autosave.failed) return t("ui.save_failed");
  if (autosave.invalid.length > 0) return t.plural("ui.invalid_answers", autosave.invalid.length);
  if (autosave.unsent > 0) return t("ui.unsent_changes");
  if (autosave.lastSavedAt) return t("ui.saved_at", { time: formatClock(autosave.lastSavedAt, locale) });
  return t("ui.autosave.note");
}

function SaveBar({ t, autosave, sessionEnded, locale }: { t: T; autosave: Autosave; sessionEnded: boolean; locale: string }) {
  return (
    <div className="portal-savebar" role="status" aria-live="polite">
      {saveState(t, autosave, sessionEnded, locale)}
    </div>
  );
}
