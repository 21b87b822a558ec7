// Questionnaire logic over a template and an assessment's answers: show-if visibility, answer
// validation, completeness, red flags, principle maturity (risk model v1, part 2) and the workforce
// profile (input to the inherent-risk part). Every function is deterministic and total: stored
// answers that are unknown, invalid or belong to a hidden question are ignored, never thrown on.
// Pure module: no node, kysely, remix or react imports.
export * from "./validate";
export * from "./visibility";
export * from "./completeness";
export * from "./maturity";
