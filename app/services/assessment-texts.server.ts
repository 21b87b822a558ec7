// The English texts an officer's assessment page needs, picked by the loader from the catalogue:
// the browser gets only these keys, never the whole catalogue of every language.
import { catalogueKeys, commonKeys, en, textKeys } from "~/domain/questionnaire/i18n";
import { languageT } from "~/domain/questionnaire/language-texts";
import type { Question, QuestionnaireTemplate } from "~/domain/questionnaire/types";

export type Texts = Record<string, string>;

const t = languageT("en");
export { t as englishT };

export function englishTexts(keys: Iterable<string>): Texts {
  const out: Texts = {};
  for (const k of keys) out[k] = t(k);
  return out;
}

const VALIDATION_KEYS = Object.keys(en).filter((k) => k.startsWith("ui.validation."));
/** What the shared question display says around the inputs (hints, review notes, conflicts, save state). */
const QUESTION_UI_PREFIXES = ["ui.question.", "ui.review.comment", "ui.review.re", "ui.conflict.", "ui.percent.", "ui.number.", "ui.date."];
const QUESTION_UI_KEYS = Object.keys(en)
  .filter((k) => QUESTION_UI_PREFIXES.some((p) => k.startsWith(p)))
  .concat("ui.required", "ui.saving", "ui.saved");
/** What answerText needs besides the question's own texts: "No answer", "%", "N/A", file counts; and the kinds of document. */
const ANSWER_KEYS = Object.keys(en)
  .filter((k) => k.startsWith("ui.evidence.files.") || k.startsWith("ui.evidence.kind."))
  .concat("ui.print.no_answer", "ui.unit.percent", "ui.na");

/** What the review page shows: every question, option, unit and section title, and the ILO indicator names. */
export function reviewTexts(template: QuestionnaireTemplate): Texts {
  const keys = catalogueKeys(template).filter((k) => !k.endsWith(".help") && !k.endsWith(".intro"));
  return englishTexts([...keys, ...commonKeys(), ...ANSWER_KEYS]);
}

function questionKeysFull(q: Question): string[] {
  const keys = [textKeys.questionText(q.key), textKeys.questionHelp(q.key)];
  if (q.evidence) keys.push(textKeys.questionEvidence(q.key));
  if (q.allowNa) keys.push(textKeys.questionNa(q.key));
  if (q.type === "single" || q.type === "multi") for (const o of q.options) keys.push(textKeys.option(q.key, o.key));
  if ((q.type === "number" || q.type === "percent") && q.unit) keys.push(textKeys.unit(q.unit));
  return keys;
}

/** What the fill page shows for one section, plus the titles of the others and the missing questions' texts. */
export function fillTexts(template: QuestionnaireTemplate, questions: readonly Question[], alsoQuestionKeys: readonly string[]): Texts {
  const keys = [
    ...template.sections.flatMap((s) => [textKeys.sectionTitle(s.key), textKeys.sectionIntro(s.key)]),
    ...questions.flatMap(questionKeysFull),
    ...alsoQuestionKeys.map(textKeys.questionText),
    ...VALIDATION_KEYS,
    ...ANSWER_KEYS,
    ...QUESTION_UI_KEYS,
    "ui.yes",
    "ui.no",
  ];
  return englishTexts(keys);
}
