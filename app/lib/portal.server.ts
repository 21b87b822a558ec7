// Shared server side of the supplier portal (/s/...): the supplier session guard, the language to
// show, the texts a page needs (one language, sent through the loader: the browser never loads the
// catalogues), the public form of the template and of answer authors.
import type { AppLoadContext } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  CATALOGUES,
  LOCALE_NAMES,
  SUPPORTED_LOCALES,
  en,
  isLocale,
  negotiateLocale,
  translate,
  type Locale,
} from "~/domain/questionnaire/i18n";
import { textKeys } from "~/domain/questionnaire/i18n/catalogue";
import type { Question, QuestionnaireTemplate, Section } from "~/domain/questionnaire/types";
import { getSupplierIdentity, type SupplierIdentity } from "./supplier-session.server";
import { env } from "./env.server";
import { setScopeOrg } from "~db/scope";

export const LANG_COOKIE = "lantern_lang";

/** Headers of every portal page: the URL of the link page holds a token, and answers are private. */
export const PORTAL_HEADERS = { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store", "X-Robots-Tag": "noindex" } as const;

/** The explicit language choice of this request: ?lang=, else the lantern_lang cookie; null if none. */
function chosenLanguage(request: Request): Locale | null {
  const fromUrl = new URL(request.url).searchParams.get("lang");
  if (isLocale(fromUrl)) return fromUrl;
  const m = new RegExp(`(?:^|;\\s*)${LANG_COOKIE}=([A-Za-z-]{2,10})(?:;|$)`).exec(request.headers.get("Cookie") ?? "");
  return isLocale(m?.[1]) ? m[1] : null;
}

/** ?lang= → cookie → the invite's language → Accept-Language → English. */
export function portalLocale(request: Request, inviteLanguage?: string | null): Locale {
  return negotiateLocale(request.headers.get("Accept-Language"), chosenLanguage(request) ?? inviteLanguage ?? null);
}

/** The Set-Cookie that remembers a ?lang= switch (Path=/s: the portal only), or null. */
export function languageCookie(request: Request): string | null {
  const lang = new URL(request.url).searchParams.get("lang");
  if (!isLocale(lang)) return null;
  const attrs = ["Path=/s", "SameSite=Lax", `Max-Age=${365 * 24 * 3600}`];
  if (env().cookieSecure) attrs.push("Secure");
  return `${LANG_COOKIE}=${lang}; ${attrs.join("; ")}`;
}

export const LANGUAGES = SUPPORTED_LOCALES.map((code) => ({ code, name: LOCALE_NAMES[code] }));

export type Messages = Record<string, string>;

/** The texts of `keys` in one language (English where a translation is missing). */
export function messagesFor(locale: Locale, keys: Iterable<string>): Messages {
  const out: Messages = {};
  for (const k of keys) out[k] = translate(CATALOGUES[locale], en, k);
  return out;
}

/** Every English key starting with one of the prefixes (e.g. "ui.link."). */
export function keysWith(...prefixes: string[]): string[] {
  return Object.keys(en).filter((k) => prefixes.some((p) => k.startsWith(p)));
}

/** Catalogue keys of the texts of one question (only those English has). */
export function questionTextKeys(q: Question): string[] {
  const keys = [textKeys.questionText(q.key), textKeys.questionHelp(q.key), textKeys.questionEvidence(q.key), textKeys.questionNa(q.key)];
  if (q.type === "single" || q.type === "multi") for (const o of q.options) keys.push(textKeys.option(q.key, o.key));
  return keys.filter((k) => Object.hasOwn(en, k));
}

/** Section titles and intros, and the full texts of the questions of `sections`. */
export function templateKeys(template: QuestionnaireTemplate, sections: readonly Section[]): string[] {
  const keys = [template.title, template.intro];
  for (const s of template.sections) {
    keys.push(textKeys.sectionTitle(s.key), textKeys.sectionIntro(s.key));
    // Question texts of every section: the "what is missing" list names questions of other sections.
    for (const q of s.questions) keys.push(textKeys.questionText(q.key));
  }
  for (const s of sections) for (const q of s.questions) keys.push(...questionTextKeys(q));
  return [...new Set(keys)];
}

/**
 * The template as the browser gets it: structure, conditions and ranges (to show follow-up questions
 * and check answers as they are typed), without points, weights and red-flag rules, which are the
 * buyer's business.
 */
export function publicTemplate(t: QuestionnaireTemplate): QuestionnaireTemplate {
  return {
    key: t.key,
    version: t.version,
    title: t.title,
    intro: t.intro,
    sections: t.sections.map((s) => ({
      key: s.key,
      principle: s.principle,
      weight: 0,
      questions: s.questions.map((q): Question => {
        const base = { key: q.key, required: q.required, weight: 0, allowNa: q.allowNa, showIf: q.showIf, evidence: q.evidence };
        switch (q.type) {
          case "single":
          case "multi":
            return { ...base, type: q.type, options: q.options.map((o) => ({ key: o.key, points: 0, exclusive: o.exclusive })) };
          case "number":
          case "percent":
            return { ...base, type: q.type, min: q.min, max: q.max, integer: q.integer, unit: q.unit };
          case "text":
            return { ...base, type: q.type, maxLength: q.maxLength };
          case "evidence":
            return { ...base, type: q.type, evidence: q.evidence };
          case "yes_no":
          case "date":
            return { ...base, type: q.type };
        }
      }),
    })),
  };
}

/**
 * Who saved an answer or wrote a comment, as the supplier may see it: the supplier's own address,
 * or the buyer organization's name (staff addresses stay inside the tenant).
 */
export function publicAuthor(label: string, orgName: string): string {
  return label.startsWith("supplier ") ? label.slice("supplier ".length) : orgName;
}

// One request runs the layout and page loaders with the same context: look the session up once.
const perRequest = new WeakMap<object, Promise<SupplierIdentity | null>>();
// The request then acts for the organisation of the session's assessment (row-level security, db/scope.ts).
export async function supplierSession(request: Request, context: AppLoadContext): Promise<SupplierIdentity | null> {
  let p = perRequest.get(context);
  if (!p) perRequest.set(context, (p = getSupplierIdentity(context.db, request)));
  const s = await p;
  if (s) setScopeOrg(s.orgId);
  return s;
}

/** Portal pages: the supplier session, or a 401 page in the visitor's language ("open your link again"). */
export async function requireSupplierPage(request: Request, context: AppLoadContext): Promise<SupplierIdentity> {
  const s = await supplierSession(request, context);
  if (s) return s;
  const locale = portalLocale(request);
  throw json(
    { sessionEnded: true, locale, messages: messagesFor(locale, ["ui.portal.title", "ui.portal.session_expired", "ui.kept_on_device"]) },
    { status: 401, headers: PORTAL_HEADERS },
  );
}

/** Portal requests made by the page's scripts (autosave, files, submit): a JSON 401 the page explains. */
export async function requireSupplierApi(request: Request, context: AppLoadContext): Promise<SupplierIdentity> {
  const s = await supplierSession(request, context);
  if (s) return s;
  throw json({ sessionEnded: true, messageKey: "ui.portal.session_expired" }, { status: 401, headers: { "Cache-Control": "no-store" } });
}

/** The catalogue keys of the evidence service's refusals, in the portal catalogue's wording. */
export function uploadMessageKey(serviceKey: string): string {
  const map: Record<string, string> = {
    "ui.upload.tooLarge": "ui.upload.too_large",
    "ui.upload.badType": "ui.upload.wrong_type",
    "ui.upload.empty": "ui.upload.empty",
    "ui.upload.tooMany": "ui.upload.too_many",
    "ui.upload.quota": "ui.upload.quota",
    "ui.error.readOnly": "ui.error.read_only",
    "ui.error.notFound": "ui.error.not_found",
    "ui.evidence.kind_invalid": "ui.evidence.kind_invalid",
    "ui.evidence.valid_until_invalid": "ui.evidence.valid_until_invalid",
    "ui.evidence.valid_until_past": "ui.evidence.valid_until_past",
  };
  return map[serviceKey] ?? "ui.upload.failed";
}

/** Statuses in which the supplier may change answers (the services enforce the same rule). */
export const SUPPLIER_EDITABLE = ["sent", "in_progress", "changes_requested"] as const;
export function supplierMayEdit(status: string): boolean {
  return (SUPPLIER_EDITABLE as readonly string[]).includes(status);
}

/** A date in the reader's language ("31 January 2027"), formatted on the server so both renders agree. */
export function longDate(iso: string | null | undefined, locale: Locale): string | null {
  if (!iso) return null;
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(d);
}
