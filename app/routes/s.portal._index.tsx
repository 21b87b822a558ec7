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
import { completeness, evidenceRequested, validateAnswer, visibleQuestions } from "~/domain/questionnaire/logic";
import { EVIDENCE_LIMITS, type Answers, type Attachments, type QuestionnaireTemplate } from "~/domain/questionnaire/types";
import { nowIso } from "~/lib/time";
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
import { useAutosave, type SavedAnswer } from "~/components/portal/autosave";
import { EvidenceBox, type PortalFile } from "~/components/portal/evidence";
import { makeT, formatClock, type T } from "~/components/portal/i18n";
import { QuestionField, type ReviewComment } from "~/components/portal/question";
import { SubmitBox } from "~/components/portal/submit";
import { SubmittedView } from "~/components/portal/submitted";
import { questionId } from "~/components/portal/format";
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
    files: view.files.map((f): PortalFile => ({ id: f.id, questionKey: f.question_key, filename: f.filename, size: Number(f.size_bytes) })),
    comments: view.comments.map((c): ReviewComment => ({
      id: c.id,
      questionKey: c.question_key,
      author: orgName,
      body: c.body,
      createdAt: c.created_at,
      resolved: Boolean(c.resolved_at),
    })),
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
  const sectionProgress = progress.bySection[index]!;
  const visible = visibleQuestions(template, current, section.key);
  const prev = template.sections[index - 1];
  const next = template.sections[index + 1];
  const openComments = data.comments.filter((c) => !c.resolved);
  // The commented questions in the questionnaire's order: the banner links to each of them.
  const commentedKeys = allQuestions(template)
    .map((e) => e.question.key)
    .filter((k) => openComments.some((c) => c.questionKey === k));
  const sessionEnded = ended || autosave.sessionEnded;
  // Answers kept from an earlier visit that need a decision, on other sections than this one.
  const elsewhere = autosave.attention.filter((k) => sectionOf.get(k) !== section.key);
  // Another section replaces the questions without a page load: move the focus to their top, or a
  // keyboard user would be left on the pager at the bottom of the new section.
  const mainRef = useRef<HTMLElement>(null);
  const shownSection = useRef(section.key);
  useEffect(() => {
    if (shownSection.current === section.key) return;
    shownSection.current = section.key;
    if (!window.location.hash) mainRef.current?.focus();
  }, [section.key]);
  // A link to one question (the banner's, the missing list's): bring it into view and put the focus
  // on it, so a keyboard or screen-reader user lands on the question, not at the top of the page.
  const location = useLocation();
  useEffect(() => {
    if (!location.hash) return;
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!target) return;
    target.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  }, [location.key, location.hash]);

  return (
    <main className="portal-main" id="questions" tabIndex={-1} ref={mainRef}>
      {sessionEnded ? (
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
              <ul className="portal-changes-list">
                {commentedKeys.map((k) => (
                  <li key={k}>
                    <Link to={sectionHref(search.toString(), sectionOf.get(k)!, `#${questionId(k)}`)}>{t(`q.${k}.text`)}</Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}

      {elsewhere.length ? (
        <div className="alert note" role="status">
          <p>{t("ui.needs_attention")}</p>
          <ul>
            {elsewhere.map((k) => (
              <li key={k}>
                <Link to={sectionHref(search.toString(), sectionOf.get(k)!, `#${questionId(k)}`)}>{t(`q.${k}.text`)}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

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
            const commented = openComments.some((c) => s.questions.some((q) => q.key === c.questionKey));
            return (
              <li key={s.key}>
                <Link to={sectionHref(search.toString(), s.key)} aria-current={i === index ? "step" : undefined}>
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

      <h1>{t(`s.${section.key}.title`)}</h1>
      {t.has(`s.${section.key}.intro`) ? <p className="lead">{t(`s.${section.key}.intro`)}</p> : null}
      <p className="muted small">
        {t("ui.required_legend")} {t("ui.autosave.note")}
      </p>

      <form className="portal-form" noValidate onSubmit={(e) => e.preventDefault()}>
        {visible.map((q) => {
          const raw = autosave.value(q.key);
          const checked = validateAnswer(q, raw, { draft: true });
          const own = data.files.filter((f) => f.questionKey === q.key);
          // A reviewer's open comment may ask for a document: offer the upload next to that question.
          const commentedHere = commentedKeys.includes(q.key);
          const showEvidence =
            q.type === "evidence" || own.length > 0 || commentedHere || (checked.ok && evidenceRequested(q, checked.value));
          return (
            <QuestionField
              key={q.key}
              q={q}
              t={t}
              value={raw}
              comment={autosave.comment(q.key)}
              status={autosave.status(q.key)}
              reviewComments={data.comments.filter((c) => c.questionKey === q.key)}
              onValue={(value, when) => autosave.edit(q.key, { value }, when)}
              onComment={(comment) => autosave.edit(q.key, { comment }, "typing")}
              onBlur={() => autosave.flush(q.key)}
              keepMine={() => autosave.keepMine(q.key)}
              keepTheirs={() => autosave.keepTheirs(q.key)}
              evidence={
                showEvidence ? (
                  <EvidenceBox
                    q={q}
                    t={t}
                    assessmentId={data.assessmentId}
                    files={own}
                    editable
                    maxBytes={data.maxBytes}
                    inputId={`${questionId(q.key)}-file`}
                    onChanged={() => revalidator.revalidate()}
                  />
                ) : null
              }
            />
          );
        })}
      </form>

      <nav className="portal-pager" aria-label={t("ui.overview.heading")}>
        {prev ? (
          <Link className="button secondary portal-big" to={sectionHref(search.toString(), prev.key)} rel="prev">
            ← {t("ui.previous_section")}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link className="button portal-big" to={sectionHref(search.toString(), next.key)} rel="next">
            {t("ui.next_section")} →
          </Link>
        ) : null}
      </nav>

      {next ? null : (
        <SubmitBox
          t={t}
          assessmentId={data.assessmentId}
          orgName={data.orgName}
          missing={progress.missingRequired}
          hrefFor={(sectionKey, hash) => sectionHref(search.toString(), sectionKey, hash)}
          unsent={autosave.unsent}
          invalid={autosave.invalid.length}
          onSubmitted={() => revalidator.revalidate()}
          onSessionEnded={() => setEnded(true)}
        />
      )}

      <div className="portal-savebar" role="status" aria-live="polite">
        {sessionEnded
          ? t("ui.not_sent")
          : autosave.offline
            ? t("ui.offline")
            : autosave.reconnecting
              ? t("ui.back_online")
              : autosave.saving
                ? t("ui.saving")
                : autosave.failed
                  ? t("ui.save_failed")
                  : autosave.invalid.length > 0
                    ? t.plural("ui.invalid_answers", autosave.invalid.length)
                    : autosave.unsent > 0
                      ? t("ui.unsent_changes")
                      : autosave.lastSavedAt
                        ? t("ui.saved_at", { time: formatClock(autosave.lastSavedAt, data.locale) })
                        : t("ui.autosave.note")}
      </div>
    </main>
  );
}
