import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { todayIso } from "~/domain/dates";
import { requireOrg } from "~/lib/auth.server";
import { redirectWithToast } from "~/lib/toast.server";
import { STATUS_OF, badRequest, formObject, notFound, zodFieldErrors } from "~/lib/http.server";
import { findQuestion, visibleQuestions } from "~/domain/questionnaire";
import type { Question } from "~/domain/questionnaire/types";
import type { T } from "~/domain/questionnaire/texts";
import { AnswerBaseSchema, OFFICER_EDITABLE, answerSchema } from "~/schemas/assessment";
import { getAssessment } from "~/models/assessment.server";
import { answersMap, templateOfVersion } from "~/services/assessment-core.server";
import { assessmentView } from "~/services/assessments.server";
import { saveAnswer, submitAssessment } from "~/services/assessment-answers.server";
import { removeEvidence } from "~/services/evidence.server";
import { takesDocuments } from "~/domain/questionnaire/evidence";
import { englishT, fillTexts } from "~/services/assessment-texts.server";
import { AssessmentStatusBadge, DueDate, textsT } from "~/components/assessment-display";
import { QuestionCard, type SaveData } from "~/components/assessment-question";
import { questionId } from "~/components/question/types";
import { useOrg } from "./o.$org";
import { isDbId } from "~/schemas/fields";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Fill in: ${data?.assessment.supplierName ?? "assessment"} — Lantern` },
];

function assessmentId(raw: string | undefined): number {
  if (!raw || !isDbId(raw)) throw notFound("No such assessment");
  return Number(raw);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "assessments.manage");
  const id = assessmentId(params.id);
  const view = await assessmentView(context.db, { kind: "officer", id: ident }, id);
  if (!view) throw notFound("No such assessment");
  const a = view.assessment;
  // Submitted or approved: nothing to fill in any more; the assessment page shows the answers.
  if (!(OFFICER_EDITABLE as readonly string[]).includes(a.status)) throw redirect(`/o/${ident.org.slug}/assessments/${id}`);
  const { template, completeness: c } = view;
  const asked = new URL(request.url).searchParams.get("section");
  const index = Math.max(
    0,
    template.sections.findIndex((s) => s.key === asked),
  );
  const section = template.sections[index]!;
  const questions = visibleQuestions(template, answersMap(view.answers), section.key);
  const shown = new Set(questions.map((q) => q.key));
  return json({
    assessment: { id: a.id, supplierId: a.supplierId, supplierName: a.supplierName, status: a.status, dueAt: a.dueAt },
    sections: c.bySection.map((s) => ({
      key: s.sectionKey,
      percent: s.percent,
      answered: s.answered,
      total: s.total,
      missing: s.missingRequired.length,
    })),
    section: { key: section.key, index },
    questions,
    // Every control question takes documents, whether or not its answer asks for one.
    takesDocuments: questions.filter((q) => takesDocuments(section, q)).map((q) => q.key),
    answers: view.answers.filter((x) => shown.has(x.questionKey)),
    files: view.files
      .filter((f) => shown.has(f.question_key))
      .map((f) => ({ id: f.id, question_key: f.question_key, filename: f.filename, size_bytes: f.size_bytes })),
    comments: view.comments.filter((x) => !x.resolved_at && shown.has(x.question_key)),
    missing: c.missingRequired,
    progress: { percent: c.percent, answered: c.answered, total: c.total },
    texts: fillTexts(
      template,
      questions,
      c.missingRequired.map((m) => m.questionKey),
    ),
    today: todayIso(),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "assessments.manage");
  const id = assessmentId(params.id);
  const body = await formObject(request);
  const actor = { kind: "officer", id: ident } as const;
  if (body.intent === "submit") return submitIntent(context, actor, id);
  if (body.intent === "remove-file") return removeFileIntent(context, actor, id, body.fileId);
  return saveIntent(context, actor, id, body);
}

type Ctx = ActionFunctionArgs["context"];
type Officer = { kind: "officer"; id: Awaited<ReturnType<typeof requireOrg>> };

async function submitIntent(context: Ctx, actor: Officer, id: number) {
  const r = await submitAssessment(context.db, actor, id, context.clientIp);
  if (r.ok) return redirectWithToast(`/o/${actor.id.org.slug}/assessments/${id}`, "Submitted: the answers are now read-only.");
  if (r.detail) {
    const missing = r.detail.map((m) => ({ ...m, text: englishT(`q.${m.questionKey}.text`) }));
    const count = `${missing.length} required ${missing.length === 1 ? "item is" : "items are"}`;
    return json({ intent: "submit", formError: `Not submitted: ${count} missing (listed below).`, missing }, { status: 400 });
  }
  if (r.kind === "not_found") throw notFound("No such assessment");
  return json({ intent: "submit", formError: r.message, missing: [] }, { status: STATUS_OF[r.kind] });
}

async function removeFileIntent(context: Ctx, actor: Officer, id: number, rawFileId: FormValue) {
  const fileId = typeof rawFileId === "string" && isDbId(rawFileId) ? Number(rawFileId) : 0;
  if (!(await getAssessment(context.db, actor.id.org.id, id))) throw notFound("No such assessment");
  const r = await removeEvidence(context.db, actor, id, fileId, context.clientIp);
  if (!r.ok) return json<SaveData>({ intent: "remove-file", formError: r.message }, { status: STATUS_OF[r.kind] });
  return json<SaveData>({ intent: "remove-file", ok: true, message: "File removed." });
}

/** One answer: the same schema as the browser's, built for this question. */
async function saveIntent(context: Ctx, actor: Officer, id: number, body: Record<string, FormValue>) {
  const base = AnswerBaseSchema.safeParse(body);
  if (!base.success)
    return badRequest({ fieldErrors: zodFieldErrors(base.error), formError: "That answer could not be read. Reload the page." });
  const a = await getAssessment(context.db, actor.id.org.id, id);
  if (!a) throw notFound("No such assessment");
  const found = findQuestion(await templateOfVersion(context.db, a.versionId), base.data.questionKey);
  const questionKey = base.data.questionKey;
  if (!found)
    return json<SaveData>({ intent: "save", questionKey, formError: "This question is not part of the questionnaire." }, { status: 400 });
  const parsed = answerSchema(found.question, englishT).safeParse(body);
  if (!parsed.success) return json<SaveData>({ intent: "save", questionKey, fieldErrors: zodFieldErrors(parsed.error) }, { status: 400 });
  const { value, comment, baseRevision } = parsed.data;
  const r = await saveAnswer(context.db, actor, id, questionKey, { value, comment, baseRevision }, context.clientIp);
  if (r.ok) return json<SaveData>({ intent: "save", questionKey, ok: true, revision: r.value.revision });
  if (r.detail) return json<SaveData>({ intent: "save", questionKey, conflict: { yours: value, theirs: r.detail } }, { status: 409 });
  if (r.kind === "not_found" && r.message === "No such assessment") throw notFound(r.message);
  const message = r.messageKey ? englishT(r.messageKey, r.params) : r.message;
  return json<SaveData>(
    r.kind === "invalid"
      ? { intent: "save", questionKey, fieldErrors: { value: message } }
      : { intent: "save", questionKey, formError: message },
    { status: STATUS_OF[r.kind] },
  );
}

type FormValue = string | string[] | undefined;
type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Missing = Data["missing"];

export default function FillAssessment() {
  const data = useLoaderData<typeof loader>();
  const { assessment: a, sections, section, progress } = data;
  const { org } = useOrg();
  const t = textsT(data.texts);
  const page = `/o/${org.slug}/assessments/${a.id}`;
  const fileHref = (fileId: number) => `${page}/files/${fileId}`;
  const answers = new Map(data.answers.map((x) => [x.questionKey, x]));
  const prev = sections[section.index - 1];
  const next = sections[section.index + 1];
  const intro = t(`s.${section.key}.intro`);
  return (
    <main className="page asm-fill">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={`/o/${org.slug}/assessments`}>Assessments</Link> / <Link to={page}>{a.supplierName}</Link>
      </nav>
      <div className="page-head">
        <div>
          <h1>Fill in for {a.supplierName}</h1>
          <p className="badges">
            <AssessmentStatusBadge status={a.status} /> <span className="small">Due</span>{" "}
            <DueDate dueAt={a.dueAt} status={a.status} today={data.today} />
          </p>
        </div>
        <div className="asm-progress">
          <span className="asm-percent">{progress.percent}%</span>{" "}
          <span className="muted small">
            answered ({progress.answered} of {progress.total})
          </span>
          <progress max={100} value={progress.percent} aria-label="Answered" />
        </div>
      </div>
      <p className="muted">
        You are answering on the supplier's behalf. Each answer is saved on its own with its Save button; every revision is kept with your
        name.
      </p>
      <SectionNav sections={sections} current={section.index} t={t} />
      <section aria-labelledby="section-h" className="asm-section-fill">
        <p className="eyebrow">
          Section {section.index + 1} of {sections.length}
        </p>
        <h2 id="section-h">{t(`s.${section.key}.title`)}</h2>
        {intro !== `s.${section.key}.intro` ? <p className="muted">{intro}</p> : null}
        {data.questions.length ? (
          (data.questions as unknown as Question[]).map((q) => (
            <QuestionCard
              key={q.key}
              question={q}
              stored={answers.get(q.key)}
              t={t}
              files={data.files.filter((f) => f.question_key === q.key)}
              fileHref={fileHref}
              uploadAction={`${page}/files`}
              takesDocuments={data.takesDocuments.includes(q.key)}
              today={data.today}
              comments={data.comments.filter((c) => c.question_key === q.key)}
            />
          ))
        ) : (
          <p className="empty">No question of this section applies, given the answers so far.</p>
        )}
        <nav className="pager" aria-label="Previous and next section">
          {prev ? <Link to={`?section=${prev.key}`}>← {t(`s.${prev.key}.title`)}</Link> : <span />}
          {next ? <Link to={`?section=${next.key}`}>{t(`s.${next.key}.title`)} →</Link> : <span />}
        </nav>
      </section>
      <SubmitCard data={data} fill={`${page}/fill`} t={t} />
    </main>
  );
}

function SectionNav({ sections, current, t }: { sections: Data["sections"]; current: number; t: T }) {
  return (
    <nav aria-label="Sections" className="asm-sections">
      <ol>
        {sections.map((s, i) => (
          <li key={s.key}>
            <Link
              to={`?section=${s.key}`}
              aria-current={i === current ? "step" : undefined}
              className={i === current ? "current" : undefined}
            >
              <span>{t(`s.${s.key}.title`)}</span>
              <span className={`small ${s.missing ? "muted" : "asm-done"}`}>{s.total ? `${s.answered}/${s.total}` : "—"}</span>
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function MissingList({ data, fill, t }: { data: Data; fill: string; t: T }) {
  const missing: Missing = data.missing;
  return (
    <ul className="asm-missing">
      {data.sections
        .filter((s) => s.missing > 0)
        .map((s) => (
          <li key={s.key}>
            <details open={s.key === data.section.key || missing.length <= 8}>
              <summary>
                {t(`s.${s.key}.title`)} <span className="muted small">({s.missing} missing)</span>
              </summary>
              <ul>
                {missing
                  .filter((m) => m.sectionKey === s.key)
                  .map((m) => (
                    <li key={`${m.questionKey}:${m.reason}`}>
                      <Link to={`${fill}?section=${m.sectionKey}#${questionId(m.questionKey)}`}>{t(`q.${m.questionKey}.text`)}</Link>{" "}
                      <span className="muted small">
                        — {m.reason === "evidence" ? "a supporting document is missing" : "not answered yet"}
                      </span>
                    </li>
                  ))}
              </ul>
            </details>
          </li>
        ))}
    </ul>
  );
}

function SubmitCard({ data, fill, t }: { data: Data; fill: string; t: T }) {
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const formError = result && "formError" in result ? result.formError : undefined;
  const count = data.missing.length;
  return (
    <section className="card asm-submit" aria-labelledby="submit-h">
      <h2 id="submit-h">Submit</h2>
      {formError ? (
        <div className="alert error" role="alert">
          {formError}
        </div>
      ) : null}
      {count ? (
        <>
          <p>
            {count} required {count === 1 ? "item is" : "items are"} still missing:
          </p>
          <MissingList data={data} fill={fill} t={t} />
        </>
      ) : (
        <p>Everything required has been answered. Submitting makes the answers read-only until a reviewer asks for changes.</p>
      )}
      <Form method="post" preventScrollReset>
        <input type="hidden" name="intent" value="submit" />
        <button type="submit" className="button" disabled={busy}>
          Submit the questionnaire
        </button>
      </Form>
    </section>
  );
}
