import { todayIso } from "~/domain/dates";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireOrg } from "~/lib/auth.server";
import { STATUS_OF, forbidden, formObject, notFound, zodFieldErrors } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import type { Failure } from "~/domain/result";
import { can } from "~/domain/permissions";
import { visibleQuestions } from "~/domain/questionnaire";
import type { Question } from "~/domain/questionnaire/types";
import { AssessmentPageActionSchema, OFFICER_EDITABLE } from "~/schemas/assessment";
import { getAssessment } from "~/models/assessment.server";
import { listAssessmentInvites } from "~/models/invite.server";
import { addReviewComment, approveAssessment, reopenAssessment, requestChanges } from "~/services/assessment-review.server";
import { reviewOf } from "~/services/review-page.server";
import { changeThread } from "~/services/review-threads.server";
import { answersMap } from "~/services/assessment-core.server";
import { assessmentView, historyOf } from "~/services/assessments.server";
import { revokeAssessmentLinks, sendAssessmentInvite } from "~/services/invites.server";
import { reviewTexts } from "~/services/assessment-texts.server";
import { AssessmentStatusBadge, DueDate, textsT } from "~/components/assessment-display";
import { AnswerCard, type Revision } from "~/components/assessment-review";
import { InviteCard } from "~/components/assessment-invite";
import { DecisionTimeline, ReopenDecision, ReviewDecision } from "~/components/assessment-decisions";
import { CopyOnceLink } from "~/components/copy-once-link";
import { RetractedFlags } from "~/components/review-changes";
import { EvidenceReview } from "~/components/evidence-review";
import { evidenceReviewOf } from "~/services/evidence-review.server";
import { formatDate, plural } from "~/components/format";
import { useOrg } from "./o.$org";
import { isDbId } from "~/schemas/fields";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Assessment of ${data?.assessment.supplierName ?? "a supplier"} — Lantern` },
];

/** Ids are positive integers; anything else is simply not found. */
function assessmentId(raw: string | undefined): number {
  if (!raw || !isDbId(raw)) throw notFound("No such assessment");
  return Number(raw);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "assessments.view");
  const id = assessmentId(params.id);
  const actor = { kind: "officer", id: ident } as const;
  const view = await assessmentView(context.db, actor, id);
  if (!view) throw notFound("No such assessment");
  const mayManage = can(ident.role, "assessments.manage");
  const [history, invites, review, evidence] = await Promise.all([
    historyOf(context.db, actor, id),
    mayManage ? listAssessmentInvites(context.db, ident.org.id, id) : Promise.resolve([]),
    reviewOf(context.db, ident, view.assessment, view.template),
    evidenceReviewOf(context.db, ident, id),
  ]);
  const { completeness: c } = view;
  return json({
    assessment: view.assessment,
    sections: view.template.sections,
    visible: visibleQuestions(view.template, answersMap(view.answers)).map((q) => q.key),
    answers: view.answers,
    files: view.files.map((f) => ({ id: f.id, question_key: f.question_key, filename: f.filename, size_bytes: f.size_bytes })),
    progress: {
      percent: c.percent,
      answered: c.answered,
      total: c.total,
      missing: c.missingRequired.length,
      bySection: c.bySection.map((s) => ({ key: s.sectionKey, percent: s.percent })),
    },
    redFlags: view.redFlags.map((f) => ({ questionKey: f.questionKey, indicator: f.indicator, severity: f.severity })),
    history: history ?? [],
    invites,
    ...review,
    evidence,
    texts: reviewTexts(view.template),
    may: { manage: mayManage, review: can(ident.role, "assessments.review"), actions: can(ident.role, "actions.edit") },
    today: todayIso(),
    now: new Date().toISOString(),
  });
}

type ActionData = {
  intent: string;
  ok?: boolean;
  message?: string;
  questionKey?: string;
  formError?: string;
  fieldErrors?: Record<string, string>;
  /** Without SMTP: the new questionnaire link, shown once to the officer who sent it. */
  copyLink?: string;
};
const reply = (data: ActionData, init?: ResponseInit) => json<ActionData>(data, init);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "assessments.view");
  const id = assessmentId(params.id);
  const body = await formObject(request);
  const intent = typeof body.intent === "string" ? body.intent : "";
  // Links are the manager's business; comments and decisions the reviewer's.
  if (!can(ident.role, intent === "invite" || intent === "revoke" ? "assessments.manage" : "assessments.review")) throw forbidden();
  const questionKey = typeof body.questionKey === "string" ? body.questionKey : undefined;
  const parsed = AssessmentPageActionSchema.safeParse(body);
  if (!parsed.success) {
    const fieldErrors = zodFieldErrors(parsed.error);
    const formError = fieldErrors.intent ? "That request could not be understood." : undefined;
    return reply({ intent, questionKey, fieldErrors, formError }, { status: 400 });
  }
  if (!(await getAssessment(context.db, ident.org.id, id))) throw notFound("No such assessment");
  const input = parsed.data;
  const ip = context.clientIp;
  const page = `/o/${ident.org.slug}/assessments/${id}`;
  const failed = (r: Failure) =>
    reply(r.field ? { intent, questionKey, fieldErrors: { [r.field]: r.message } } : { intent, questionKey, formError: r.message }, {
      status: STATUS_OF[r.kind],
    });
  switch (input.intent) {
    case "invite": {
      const r = await sendAssessmentInvite(context.db, ident, id, { email: input.email, language: input.language }, ip);
      if (!r.ok) return failed(r);
      // Without SMTP the link is shown in this answer only (never carried in a cookie to the next page).
      if (r.value.copyLink) {
        const message =
          `No mail server is configured, so the questionnaire link for ${input.email} was not mailed. ` +
          "Copy it below and pass it on: it is shown only this once. Any earlier link no longer works.";
        return reply({ intent, ok: true, copyLink: r.value.copyLink, message });
      }
      return redirectWithToast(page, `The questionnaire link was mailed to ${input.email}. Any earlier link no longer works.`);
    }
    case "revoke": {
      const r = await revokeAssessmentLinks(context.db, ident, id, ip);
      if (!r.ok) return failed(r);
      return redirectWithToast(
        page,
        r.value.revoked ? "The link was revoked: it no longer opens the questionnaire." : "There was no live link to revoke.",
      );
    }
    case "comment": {
      // Posted by the answer's comment form through a fetcher: it answers in JSON and stays on the answer.
      const r = await addReviewComment(context.db, ident, id, input.questionKey, input.body, ip);
      if (!r.ok) return failed(r);
      return reply({ intent, ok: true, questionKey: input.questionKey, message: "Comment added." });
    }
    case "reply":
    case "resolve-thread":
    case "reopen-thread": {
      // Posted by a thread's forms through fetchers: JSON, and the page stays where it was.
      const r = await changeThread(context.db, ident, id, input, ip);
      if (!r.ok) return failed(r);
      return reply({ intent, ok: true, questionKey: r.value.questionKey, message: r.value.message });
    }
    case "request-changes": {
      const r = await requestChanges(context.db, ident, id, { reason: input.reason }, ip);
      if (!r.ok) return failed(r);
      return redirectWithToast(
        page,
        "Sent back to the supplier with your comments. The supplier's contact was notified by mail (if a link was sent).",
      );
    }
    case "approve": {
      const acknowledged = [
        ...(input.ackComments ? (["unresolved_comments"] as const) : []),
        ...(input.ackFlags ? (["severe_flags"] as const) : []),
        ...(input.ackRetracted ? (["retracted_flags"] as const) : []),
      ];
      const r = await approveAssessment(context.db, ident, id, { reason: input.reason, acknowledged }, ip);
      if (!r.ok) return failed(r);
      if (!r.value.approved) {
        return redirectWithToast(
          page,
          "Your approval is recorded. It lowers the supplier by two bands or more, so a second reviewer must confirm it.",
        );
      }
      return redirectWithToast(page, `Approved. The assessment is valid until ${formatDate(r.value.validUntil)}.`);
    }
    case "reopen": {
      const r = await reopenAssessment(context.db, ident, id, { reason: input.reason }, ip);
      if (!r.ok) return failed(r);
      return redirectWithToast(page, "Reopened: the questionnaire is submitted again and no longer counts in the supplier's score.");
    }
  }
}

type PageData = SerializeFrom<typeof loader>;

export default function AssessmentPage() {
  const data = useLoaderData<typeof loader>();
  const { assessment: a, redFlags, may, now } = data;
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { org } = useOrg();
  const t = textsT(data.texts);
  const base = `/o/${org.slug}/assessments`;
  const editable = (OFFICER_EDITABLE as readonly string[]).includes(a.status);
  // Comment results belong to their answer's form; the page shows the rest.
  const pageResult = result && !result.questionKey ? result : undefined;
  const questions = new Map(data.sections.flatMap((s) => (s.questions as unknown as Question[]).map((q) => [q.key, q] as const)));
  return (
    <main className="page wide assessment-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={base}>Assessments</Link>
      </nav>
      <div className="page-head">
        <div>
          <h1>Assessment of {a.supplierName}</h1>
          <p className="asm-subhead">
            <AssessmentStatusBadge status={a.status} />
            <span className="muted small">Athens Ethical Principles questionnaire, started {formatDate(a.createdAt)}</span>
            <Link to={`/o/${org.slug}/suppliers/${a.supplierId}`} className="small">
              Supplier page
            </Link>
          </p>
        </div>
        {may.manage && editable ? (
          <div className="actions">
            <Link to={`${base}/${a.id}/fill`} className="button">
              Fill in for the supplier
            </Link>
          </div>
        ) : null}
      </div>
      {pageResult ? (
        <div className={`alert ${pageResult.ok ? "success" : "error"}`} role={pageResult.ok ? "status" : "alert"}>
          {pageResult.ok ? pageResult.message : (pageResult.formError ?? "Please check the form.")}
        </div>
      ) : null}
      {pageResult?.copyLink ? <CopyOnceLink link={pageResult.copyLink} label="Questionnaire link for the supplier" /> : null}

      <Summary data={data} />
      {data.changes.since ? (
        <RetractedFlags
          retracted={data.changes.retracted}
          since={data.changes.since}
          questions={questions}
          t={t}
          underReview={a.status === "submitted"}
        />
      ) : null}
      {a.status === "submitted" && may.review ? (
        <ReviewDecision
          openComments={data.threads.filter((c) => !c.resolvedAt).length}
          severeFlags={redFlags.filter((f) => f.severity === "severe").length}
          retractedFlags={data.changes.retracted.length}
          awaiting={data.awaiting}
          approveBlocked={data.approveBlocked}
          result={pageResult}
          busy={busy}
        />
      ) : null}
      {a.status === "approved" && may.review ? <ReopenDecision result={pageResult} busy={busy} /> : null}
      <DecisionTimeline decisions={data.decisions} submissions={data.submissions} />
      {may.manage ? (
        <InviteCard
          invites={data.invites}
          defaultEmail={a.contactEmail ?? ""}
          defaultLanguage={data.invites[0]?.language ?? a.language}
          canSend={a.status !== "approved"}
          now={now}
          busy={busy}
        />
      ) : null}
      {redFlags.length ? <RedFlags flags={redFlags} t={t} /> : null}
      <EvidenceReview
        items={data.evidence}
        t={t}
        fileHref={(fileId) => `${base}/${a.id}/files/${fileId}`}
        decisionAction={(fileId) => `${base}/${a.id}/evidence/${fileId}`}
        mayReview={may.review}
      />
      <Answers
        data={data}
        t={t}
        fileHref={(fileId) => `${base}/${a.id}/files/${fileId}`}
        actionsBase={may.actions ? `/o/${org.slug}/actions` : null}
      />
    </main>
  );
}

function Summary({ data }: { data: PageData }) {
  const { assessment: a, progress, redFlags, today } = data;
  const severe = redFlags.filter((f) => f.severity === "severe").length;
  return (
    <section className="card asm-summary" aria-label="Summary">
      <dl className="details">
        <div className="details-item">
          <dt>Due date</dt>
          <dd>
            <DueDate dueAt={a.dueAt} status={a.status} today={today} />
          </dd>
        </div>
        <div className="details-item">
          <dt>Completeness</dt>
          <dd>
            <span className="asm-percent">{progress.percent}%</span>{" "}
            <span className="muted small">
              {progress.answered} of {progress.total} answered{progress.missing ? `, ${progress.missing} required missing` : ""}
            </span>
            <progress max={100} value={progress.percent} aria-label="Completeness" />
          </dd>
        </div>
        <div className="details-item">
          <dt>Red flags</dt>
          <dd>
            {redFlags.length ? (
              <a href="#red-flags" className="asm-flag-count">
                {redFlags.length} {plural(redFlags.length, "red flag", "red flags")}
                {severe ? `, ${severe} severe` : ""}
              </a>
            ) : (
              <span>None</span>
            )}
          </dd>
        </div>
        <div className="details-item">
          <dt>Timeline</dt>
          <dd className="small">
            {a.sentAt ? <div>Sent {formatDate(a.sentAt)}</div> : null}
            {a.submittedAt ? <div>Submitted {formatDate(a.submittedAt)}</div> : null}
            {a.changesRequestedAt ? <div>Changes requested {formatDate(a.changesRequestedAt)}</div> : null}
            {a.approvedAt ? <div>Approved {formatDate(a.approvedAt)}</div> : null}
            {a.validUntil ? <div>Valid until {formatDate(a.validUntil)}</div> : null}
            {!a.sentAt && !a.submittedAt ? <div className="muted">Not sent yet</div> : null}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function RedFlags({ flags, t }: { flags: PageData["redFlags"]; t: ReturnType<typeof textsT> }) {
  return (
    <section className="card asm-redflags" aria-labelledby="red-flags">
      <h2 id="red-flags">Red flags</h2>
      <ul>
        {flags.map((f) => (
          <li key={`${f.questionKey}:${f.indicator}`} className={`asm-flag ${f.severity}`}>
            <strong>{t(`ilo.${f.indicator}`)}</strong> ({f.severity === "severe" ? "severe" : "other indicator"}) —{" "}
            <a href={`#q-${f.questionKey}`}>{t(`q.${f.questionKey}.text`)}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Answers({
  data,
  t,
  fileHref,
  actionsBase,
}: {
  data: PageData;
  t: ReturnType<typeof textsT>;
  fileHref: (fileId: number) => string;
  actionsBase: string | null;
}) {
  const { assessment: a, progress, redFlags, may } = data;
  const visible = new Set(data.visible);
  const answers = new Map(data.answers.map((x) => [x.questionKey, x]));
  const revised = new Map(data.changes.revised.map((r) => [r.questionKey, r]));
  return (
    <>
      <h2>Answers</h2>
      {data.sections.map((s) => {
        const qs = (s.questions as unknown as Question[]).filter((q) => visible.has(q.key));
        const pct = progress.bySection.find((b) => b.key === s.key)?.percent ?? 0;
        return (
          <section key={s.key} className="card asm-section" aria-labelledby={`s-${s.key}`}>
            <h3 id={`s-${s.key}`} className="asm-section-title">
              {t(`s.${s.key}.title`)} <span className="muted small">{pct}% answered</span>
            </h3>
            {qs.map((q) => (
              <AnswerCard
                key={q.key}
                question={q}
                answer={answers.get(q.key)}
                flags={redFlags.filter((f) => f.questionKey === q.key)}
                files={data.files.filter((f) => f.question_key === q.key)}
                threads={data.threads.filter((c) => c.questionKey === q.key)}
                revised={revised.get(q.key)}
                history={(data.history as Revision[]).filter((r) => r.questionKey === q.key)}
                t={t}
                fileHref={fileHref}
                mayComment={may.review && a.status !== "approved" && a.status !== "draft"}
                actionHref={actionsBase ? (commentId) => `${actionsBase}/new?comment=${commentId}` : undefined}
              />
            ))}
          </section>
        );
      })}
    </>
  );
}
