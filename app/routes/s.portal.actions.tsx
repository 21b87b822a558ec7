// The supplier's corrective actions, in its portal session: the open, in-progress and done actions of
// the supplier the session's assessment is about (never another supplier's), each with its history,
// and a reply form (a note and evidence files). Texts in the supplier's language; the red flag behind
// an action is named by its ILO indicator and question, translated.
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { STATUS_OF } from "~/lib/http.server";
import { PORTAL_HEADERS, keysWith, longDate, messagesFor, portalLocale, requireSupplierPage } from "~/lib/portal.server";
import { PortalReplySchema } from "~/schemas/action";
import { MAX_FILES_PER_ENTRY } from "~/services/actions.server";
import { addActionNote } from "~/services/action-notes.server";
import { supplierActionsView } from "~/services/action-followup.server";
import { readActionForm, refusalHeaders } from "~/services/action-upload.server";
import { makeT, type T } from "~/components/portal/i18n";
import { isDbId } from "~/schemas/fields";
import { languageT } from "~/domain/questionnaire/language-texts";
import { redirectWithToast } from "~/lib/toast.server";
import { orgNameById } from "~/models/portal.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.messages["ui.actions.heading"]} — ${data.orgName}` : "Lantern" },
  { name: "robots", content: "noindex" },
];

export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return { ...PORTAL_HEADERS, ...(retryAfter ? { "Retry-After": retryAfter } : {}) };
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const s = await requireSupplierPage(request, context);
  const view = await supplierActionsView(context.db, s);
  if (!view) throw json(null, { status: 404, headers: PORTAL_HEADERS });
  const locale = portalLocale(request, s.language);
  const keys = new Set([...keysWith("ui.actions.", "ui.upload.", "ui.error."), "ui.link.too_many_attempts"]);
  for (const a of view.actions) {
    if (a.indicator) keys.add(`ilo.${a.indicator}`);
    if (a.questionKey) keys.add(`q.${a.questionKey}.text`);
  }
  return json(
    {
      locale,
      messages: messagesFor(locale, keys),
      orgName: view.orgName,
      supplierName: view.supplierName,
      maxFiles: MAX_FILES_PER_ENTRY,
      actions: view.actions.map((a) => ({
        ...a,
        due: longDate(a.dueAt, locale) ?? a.dueAt,
        timeline: a.timeline.map((e) => ({ ...e, when: longDate(e.at, locale) ?? e.at })),
      })),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

type Reply = { actionId?: number; messageKey?: string; params?: Record<string, string | number> };

export async function action({ request, context }: ActionFunctionArgs) {
  const s = await requireSupplierPage(request, context);
  // Replies with files count against the upload limits of this IP and this portal session (429).
  const body = await readActionForm(request, { db: context.db, uploader: { ip: context.clientIp, who: `assessment:${s.assessmentId}` } });
  if (!body.ok) {
    // The body was not read: the form's URL says which action it was for, so the card shows why.
    const q = new URL(request.url).searchParams.get("actionId") ?? "";
    const forAction = isDbId(q) ? Number(q) : undefined;
    return json<Reply>(
      { actionId: forAction, messageKey: body.messageKey, params: body.params },
      { status: STATUS_OF[body.kind], headers: { ...PORTAL_HEADERS, ...refusalHeaders(body) } },
    );
  }
  const { fields, files } = body.value;
  const parsed = PortalReplySchema.safeParse(fields);
  const actionId = isDbId(fields.actionId) ? Number(fields.actionId) : undefined;
  if (!parsed.success)
    return json<Reply>({ actionId, messageKey: "ui.upload.failed", params: { name: "" } }, { status: 400, headers: PORTAL_HEADERS });
  const r = await addActionNote(
    context.db,
    { kind: "supplier", s },
    parsed.data.actionId,
    { version: parsed.data.version, body: parsed.data.body, files },
    context.clientIp,
  );
  if (!r.ok) {
    return json<Reply>(
      { actionId, messageKey: r.messageKey ?? "ui.upload.failed", params: { name: "", ...r.params } },
      { status: STATUS_OF[r.kind], headers: PORTAL_HEADERS },
    );
  }
  // The page reloads: the toast says it in the supplier's language.
  const orgName = (await orgNameById(context.db, s.orgId)) ?? "";
  const t = languageT(portalLocale(request, s.language));
  return redirectWithToast("/s/portal/actions", t("ui.actions.reply.sent", { buyer: orgName }), { headers: PORTAL_HEADERS });
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function PortalActions() {
  const d = useLoaderData<typeof loader>();
  const t = makeT(d.messages, d.locale);
  return (
    <main className="portal-main" id="questions" tabIndex={-1}>
      <h1>{t("ui.actions.heading")}</h1>
      {d.actions.length ? (
        <>
          <p className="lead">{t("ui.actions.intro", { buyer: d.orgName, supplier: d.supplierName })}</p>
          {d.actions.map((a) => (
            <ActionCard key={a.id} a={a} t={t} maxFiles={d.maxFiles} />
          ))}
        </>
      ) : (
        <p className="lead">{t("ui.actions.none", { supplier: d.supplierName })}</p>
      )}
    </main>
  );
}

function ActionCard({ a, t, maxFiles }: { a: Data["actions"][number]; t: T; maxFiles: number }) {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const sending = navigation.state === "submitting" && navigation.formData?.get("actionId") === String(a.id);
  const mine = result && result.actionId === a.id ? result : undefined;
  const headingId = `action-${a.id}`;
  const flagged = a.source === "red_flag" && a.indicator;
  return (
    <article className="portal-q portal-action" aria-labelledby={headingId} style={{ margin: "1rem 0" }}>
      <h2 id={headingId} className="portal-q-text">
        {flagged ? t("ui.actions.concern", { indicator: t(`ilo.${a.indicator}`) }) : a.title}
      </h2>
      {flagged && a.questionKey ? <p>{t("ui.actions.about_answer", { question: t(`q.${a.questionKey}.text`) })}</p> : null}
      {a.details ? <p>{a.details}</p> : null}
      <p className="small">
        <strong>{t(`ui.actions.status.${a.status}`)}</strong> ·{" "}
        <span className={a.overdue ? "portal-due overdue" : undefined}>
          {t(a.overdue ? "ui.actions.overdue" : "ui.actions.due", { date: a.due })}
        </span>
      </p>

      {a.timeline.length ? (
        <details>
          <summary>{t("ui.actions.history")}</summary>
          <ol className="portal-files">
            {a.timeline.map((e) => (
              <li key={e.id}>
                <span className="muted small">{e.when} — </span>
                {e.kind === "created"
                  ? t("ui.actions.event.created", { name: e.by })
                  : e.kind === "status"
                    ? t("ui.actions.event.status", { name: e.by, status: t(`ui.actions.status.${e.statusTo ?? ""}`) })
                    : t("ui.actions.event.reply", { name: e.by })}
                {e.body ? <p className="portal-answer-comment">{e.body}</p> : null}
                {e.files.length ? <p className="small">{e.files.join(", ")}</p> : null}
              </li>
            ))}
          </ol>
        </details>
      ) : null}

      {mine?.messageKey ? (
        <div className="alert error" role="alert">
          {t(mine.messageKey, { max: maxFiles, mb: 10, ...mine.params })}
        </div>
      ) : null}

      <Form
        method="post"
        action={`/s/portal/actions?actionId=${a.id}`}
        encType="multipart/form-data"
        className="stack"
        key={`reply-${a.id}-${a.version}`}
        aria-label={t("ui.actions.reply.heading")}
      >
        <input type="hidden" name="actionId" value={a.id} />
        <input type="hidden" name="version" value={a.version} />
        <div className="field">
          <label htmlFor={`reply-${a.id}`}>{t("ui.actions.reply.body")}</label>
          <p className="hint" id={`reply-${a.id}-hint`}>
            {t("ui.actions.reply.hint")}
          </p>
          <textarea id={`reply-${a.id}`} name="body" rows={3} maxLength={4000} aria-describedby={`reply-${a.id}-hint`} />
        </div>
        <div className="field">
          <label htmlFor={`reply-${a.id}-files`}>{t("ui.actions.reply.files")}</label>
          <p className="hint" id={`reply-${a.id}-files-hint`}>
            {t("ui.actions.reply.files_hint", { max: maxFiles })}
          </p>
          <input id={`reply-${a.id}-files`} name="files" type="file" multiple aria-describedby={`reply-${a.id}-files-hint`} />
        </div>
        <div className="actions">
          <button type="submit" className="button portal-big" disabled={sending} aria-busy={sending || undefined}>
            {sending ? t("ui.actions.reply.sending") : t("ui.actions.reply.send")}
          </button>
        </div>
      </Form>
    </article>
  );
}
