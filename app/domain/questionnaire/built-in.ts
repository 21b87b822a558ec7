// The built-in questionnaire versions, and which one a new assessment starts on.
// Pure module: no node, kysely, remix or react imports.
import { ATHENS_V1 } from "./athens-v1";
import { ATHENS_V2 } from "./athens-v2";
import type { QuestionnaireTemplate } from "./types";

/** Every built-in template version, oldest first. Never remove a version: assessments pin them. */
export const BUILT_IN_TEMPLATES: readonly QuestionnaireTemplate[] = Object.freeze([ATHENS_V1, ATHENS_V2]);

/** The built-in template with this key and version, if any. */
export function findBuiltInTemplate(key: string, version: number): QuestionnaireTemplate | undefined {
  return BUILT_IN_TEMPLATES.find((t) => t.key === key && t.version === version);
}

/** The newest built-in version of a template key (what new assessments start on). */
export function latestBuiltInTemplate(key: string): QuestionnaireTemplate | undefined {
  return BUILT_IN_TEMPLATES.filter((t) => t.key === key).reduce<QuestionnaireTemplate | undefined>(
    (best, t) => (best === undefined || t.version > best.version ? t : best),
    undefined,
  );
}
