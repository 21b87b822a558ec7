// The worker's report form (docs/architecture.md, "Worker voice"): reached from a site's poster, no
// account, no JavaScript (handle.bare: the page is plain HTML and one small stylesheet), no cookie set,
// and left out of the request log. A report needs what happened and when; the answer shows the case
// number and passphrase once, in the worker's language.
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useParams } from "@remix-run/react";
import { CATEGORIES, WHEN } from "~/domain/voice/categories";
import { voiceLanguage } from "~/domain/voice/i18n";
import type { VoiceKey } from "~/domain/voice/i18n/en";
import { formObject } from "~/lib/http.server";
import { PORTAL_HEADERS } from "~/lib/portal.server";
import { MAX_DETAILS, ReportSchema } from "~/schemas/voice";
import { channelFace, textsOf } from "~/services/voice-pages.server";
import { fileReport } from "~/services/voice-report.server";
import { VoicePage, fill } from "~/components/voice/voice-page";

export const handle = { bare: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.texts["page.title"] ?? "Speak up safely" },
  { name: "robots", content: "noindex" },
];

export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After") ?? loaderHeaders.get("Retry-After");
  return { ...PORTAL_HEADERS, ...(retryAfter ? { "Retry-After": retryAfter } : {}) };
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const face = await channelFace(context.db, params.code ?? "", new URL(request.url).searchParams.get("lang"));
  const formError = face.channel ? null : face.texts["error.not_found"];
  return json({ ...face, formError }, { status: face.channel ? 200 : 404, headers: PORTAL_HEADERS });
}

type Field = "category" | "happened" | "details";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await formObject(request);
  const lang = voiceLanguage(form.lang);
  const t = textsOf(lang).texts;
  const values = { category: String(form.category ?? ""), happened: String(form.happened ?? ""), details: String(form.details ?? "") };
  const parsed = ReportSchema.safeParse(form);
  if (!parsed.success) {
    const errors: Partial<Record<Field, string>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as Field;
      errors[field] ??= fill(t[issue.message as VoiceKey] ?? t["error.heading"], { max: MAX_DETAILS });
    }
    return json({ formError: t["error.heading"], fieldErrors: errors, values, filed: null }, { status: 400, headers: PORTAL_HEADERS });
  }
  const r = await fileReport(context.db, params.code ?? "", parsed.data, context.clientIp);
  if (!r.ok) {
    const status = r.kind === "throttled" ? 429 : r.kind === "not_found" ? 404 : 400;
    const headers: Record<string, string> = { ...PORTAL_HEADERS };
    if (r.kind === "throttled") headers["Retry-After"] = String(r.params?.retryAfter ?? 60);
    const formError = t[(r.messageKey as VoiceKey) ?? "error.heading"];
    return json({ formError, fieldErrors: {} as Partial<Record<Field, string>>, values, filed: null }, { status, headers });
  }
  return json({ formError: null, fieldErrors: null, values: null, filed: r.value }, { headers: PORTAL_HEADERS });
}

export default function ReportForm() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = data.texts;
  const path = `/v/${encodeURIComponent(useParams().code ?? "")}`;
  if (!data.channel) {
    return (
      <VoicePage {...data} path={path}>
        <h1>{t["page.title"]}</h1>
        <p className="error">{t["error.not_found"]}</p>
      </VoicePage>
    );
  }
  if (result?.filed) {
    return (
      <VoicePage {...data} path={path}>
        <h1>{t["done.title"]}</h1>
        <p>
          <strong>{t["done.keep"]}</strong>
        </p>
        <dl className="keys">
          <dt>{t["done.case_number"]}</dt>
          <dd data-testid="case-number">{result.filed.caseNumber}</dd>
          <dt>{t["done.passphrase"]}</dt>
          <dd data-testid="passphrase">{result.filed.passphrase}</dd>
        </dl>
        <p>
          <a href={`${path}/case?lang=${data.lang}`}>{t["done.read_link"]}</a>
        </p>
      </VoicePage>
    );
  }
  const errors: Partial<Record<Field, string>> = result?.fieldErrors ?? {};
  const values = result?.values ?? { category: "", happened: "", details: "" };
  return (
    <VoicePage {...data} path={path}>
      <h1>{t["page.title"]}</h1>
      <div className="safe">
        <p>{fill(t["page.intro"], { site: data.channel.site })}</p>
        <p>
          <strong>{t["page.anonymous"]}</strong>
        </p>
        <p>{fill(t["page.retaliation"], { org: data.channel.org })}</p>
      </div>
      {result?.formError ? (
        <div className="errors" role="alert">
          <p className="error">{result.formError}</p>
        </div>
      ) : null}
      <form method="post">
        <input type="hidden" name="lang" value={data.lang} />
        <fieldset aria-describedby={errors.category ? "category-error" : undefined}>
          <legend>{t["form.category"]}</legend>
          {errors.category ? (
            <p className="error" id="category-error">
              {errors.category}
            </p>
          ) : null}
          {CATEGORIES.map((c) => (
            <label className="choice" key={c}>
              <input type="radio" name="category" value={c} defaultChecked={values.category === c} />
              {t[`cat.${c}`]}
            </label>
          ))}
        </fieldset>
        <fieldset aria-describedby={errors.happened ? "happened-error" : undefined}>
          <legend>{t["form.when"]}</legend>
          {errors.happened ? (
            <p className="error" id="happened-error">
              {errors.happened}
            </p>
          ) : null}
          {WHEN.map((w) => (
            <label className="choice" key={w}>
              <input type="radio" name="happened" value={w} defaultChecked={values.happened === w} />
              {t[`when.${w}`]}
            </label>
          ))}
        </fieldset>
        <p>
          <strong>{t["form.site"]}:</strong> {data.channel.site}
        </p>
        <label className="field" htmlFor="details">
          {t["form.details"]}
        </label>
        <p className="hint" id="details-hint">
          {t["form.details_hint"]}
        </p>
        {errors.details ? (
          <p className="error" id="details-error">
            {errors.details}
          </p>
        ) : null}
        <textarea
          id="details"
          name="details"
          maxLength={MAX_DETAILS}
          defaultValue={values.details}
          aria-describedby={errors.details ? "details-hint details-error" : "details-hint"}
        />
        <button type="submit">{t["form.submit"]}</button>
      </form>
    </VoicePage>
  );
}
