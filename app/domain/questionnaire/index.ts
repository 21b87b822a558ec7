// The questionnaire domain: template format, the built-in Athens template, and the logic over
// answers: show-if visibility, answer validation, completeness and red flags, principle maturity
// (risk model v1, part 2) and the workforce profile (input to the inherent-risk part). Every function
// is deterministic and total: stored answers that are unknown, invalid or belong to a hidden question
// are ignored, never thrown on. Callers import it all from "~/domain/questionnaire", the one public
// face of this folder. Catalogues are imported separately from ./i18n (they are large).
// Pure module: no node, kysely, remix or react imports.
export * from "./types";
export * from "./template";
export * from "./athens-v1";
export * from "./athens-v2";
export * from "./built-in";
export * from "./validate";
export * from "./visibility";
export * from "./completeness";
export * from "./maturity";
