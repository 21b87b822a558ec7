// The questionnaire domain: template format, the built-in Athens template, and the logic over
// answers. Catalogues are imported separately from ./i18n (they are large).
// Pure module: no node, kysely, remix or react imports.
export * from "./types";
export * from "./template";
export * from "./athens-v1";
export * from "./logic";
