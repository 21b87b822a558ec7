// The reporter's case page: the case number and passphrase open the case (status and the thread with
// the officers) and let the reporter add information. No session, no cookie: every post carries the
// number and passphrase again (the form keeps them after a successful post). No JavaScript.
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useParams } from "@remix-run/react";
import { voiceLanguage } from "~/domain/voice/i18n";
import type { VoiceKey } from "~/domain/voice/i18n/en";
import { formObject } from "~/lib/http.server";
import { PORTAL_HEADERS } from "~/lib/portal.server";
import { CaseLookupSchema, MAX_DETAILS } from "~/schemas/voice";
import { channelFace, textsOf } from "~/services/voice-pages.server";
import { addToCase, readCase } from "~/services/voice-report.server";
import { VoicePage, fill } from "~/components/voice/voice-page";

export const handle = { bare: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.texts["case.title"] ?? "Your case" },
  { name: "robots", content: "noindex" },
];

export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return { ...PORTAL_HEADERS, ...(retryAfter ? { "Retry-After": retryAfter } : {}) };
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const face = await channelFace(context.db, params.code ?? "", new URL(request.url).searchParams.get("lang"));
  const formError = face.channel ? null : face.texts["error.not_found"];
  return json({ ...face, formError }, { status: face.channel ? 200 : 404, headers: PORTAL_HEADERS });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await formObject(request);
  const parsed = CaseLookupSchema.safeParse(form);
  const t = textsOf(voiceLanguage(form.lang)).texts;
  const keys = { caseNumber: String(form.caseNumber ?? "").slice(0, 40), passphrase: String(form.passphrase ?? "").slice(0, 200) };
  if (!parsed.success) {
    const key = parsed.error.issues[0]?.message as VoiceKey;
    return json(
      { formError: fill(t[key] ?? t["case.wrong"], { max: MAX_DETAILS }), keys, view: null, added: false },
      { status: 400, headers: PORTAL_HEADERS },
    );
  }
  const { caseNumber, passphrase, message, intent } = parsed.data;
  const code = params.code ?? "";
  const r =
    intent === "add"
      ? await addToCase(context.db, code, caseNumber, passphrase, message, context.clientIp)
      : await readCase(context.db, code, caseNumber, passphrase, context.clientIp);
  if (!r.ok) {
    const status = r.kind === "throttled" ? 429 : r.kind === "invalid" ? 400 : 404;
    const headers: Record<string, string> = { ...PORTAL_HEADERS };
    if (r.kind === "throttled") headers["Retry-After"] = String(r.params?.retryAfter ?? 60);
    return json({ formError: t[(r.messageKey as VoiceKey) ?? "case.wrong"], keys, view: null, added: false }, { status, headers });
  }
  return json({ formError: null, keys, view: r.value, added: intent === "add" }, { headers: PORTAL_HEADERS });
}

export default function ReporterCase() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = data.texts;
  const path = `/v/${encodeURIComponent(useParams().code ?? "")}/case`;
  const view = result?.view ?? null;
  const hidden = (
    <>
      <input type="hidden" name="lang" value={data.lang} />
      <input type="hidden" name="caseNumber" value={result?.keys.caseNumber ?? ""} />
      <input type="hidden" name="passphrase" value={result?.keys.passphrase ?? ""} />
    </>
  );
  return (
    <VoicePage {...data} path={path}>
      <h1>{t["case.title"]}</h1>
      {result?.formError || data.formError ? (
        <p className="error" role="alert">
          {result?.formError ?? data.formError}
        </p>
      ) : null}
      {view ? (
        <>
          <p>
            {t["done.case_number"]}: <strong>{view.caseNumber}</strong>
          </p>
          <p>
            {t["case.status"]}: <span className="status">{t[`status.${view.status}`]}</span>
          </p>
          {result?.added ? <p role="status">{t["case.added"]}</p> : null}
          <h2>{t["case.messages"]}</h2>
          {view.messages.length === 0 ? <p>{t["case.none"]}</p> : null}
          {view.messages.map((m) => (
            <div key={m.id} className={m.fromReporter ? "msg mine" : "msg"}>
              <small>
                {m.fromReporter ? t["case.you"] : t["case.officer"]} · {m.createdAt.slice(0, 10)}
              </small>
              {m.body ?? t["case.redacted"]}
            </div>
          ))}
          <form method="post">
            {hidden}
            <input type="hidden" name="intent" value="add" />
            <label className="field" htmlFor="message">
              {t["case.add"]}
            </label>
            <textarea id="message" name="message" maxLength={MAX_DETAILS} />
            <button type="submit">{t["case.add_button"]}</button>
          </form>
        </>
      ) : (
        <form method="post">
          <p>{t["case.intro"]}</p>
          <input type="hidden" name="lang" value={data.lang} />
          <input type="hidden" name="intent" value="read" />
          <label className="field" htmlFor="caseNumber">
            {t["done.case_number"]}
          </label>
          <input
            type="text"
            id="caseNumber"
            name="caseNumber"
            autoComplete="off"
            autoCapitalize="characters"
            defaultValue={result?.keys.caseNumber}
          />
          <label className="field" htmlFor="passphrase">
            {t["done.passphrase"]}
          </label>
          <input type="text" id="passphrase" name="passphrase" autoComplete="off" autoCapitalize="none" spellCheck={false} />
          <button type="submit">{t["case.open"]}</button>
        </form>
      )}
    </VoicePage>
  );
}
