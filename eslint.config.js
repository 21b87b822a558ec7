// Lint is where the house rules live: the layers (docs/architecture.md, "What may import what"),
// the sizes that keep code readable, and formatting (`npm run lint` runs Prettier after ESLint).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

// Data, not code: language catalogues, questionnaire templates, migrations, reference tables and
// the schema types. They are exempt from the size rules because their length is their content.
const DATA_FILES = [
  "app/domain/questionnaire/i18n/{en,es,fr,zh-Hans}.ts",
  "app/components/portal/i18n.ts",
  "app/domain/voice/i18n/{en,es,fr,zh-Hans,bn,vi}.ts",
  "app/domain/voice/words.ts",
  "app/domain/questionnaire/athens-v1.ts",
  "app/domain/questionnaire/athens-v2.ts",
  "db/migrations/**",
  "db/types.ts",
  "db/seed/demo-data/{acme,borealis,city-centres}.ts",
  "app/domain/statement/templates/*.ts",
];

// Tests may be long (one file per subject); they keep the line-length rule.
const TEST_FILES = ["**/*.test.{ts,tsx}", "e2e/**/*.spec.ts"];

// Files allowed to render an HTML string (none today: React renders every page).
const RAW_HTML_ALLOWED = [];

const ALIAS = { group: ["../*"], message: 'Inside app/, import with the ~/ alias ("~/lib/time"), not a ../ chain.' };
const SERVER_ONLY = { group: ["**/*.server", "~db/*"], message: "Components run in the browser too: no server modules here." };
const layer = (files, patterns, extra = {}) => ({
  files,
  ignores: extra.ignores ?? [],
  rules: { "no-restricted-imports": ["error", { patterns: [ALIAS, ...patterns] }] },
});
const not = (what, why) => ({ group: what, message: why });

// What may import what. Routes sit on top and may use every layer below them.
const layers = [
  layer(["app/**/*.{ts,tsx}"], []),
  layer(
    ["app/components/**/*.{ts,tsx}"],
    [
      not(["~/models/*", "~/services/*", "~/routes/*"], "Components get data through props: models and services are for routes."),
      SERVER_ONLY,
    ],
  ),
  layer(
    ["app/domain/**/*.ts"],
    [
      {
        // The domain is pure: only itself and plain-JavaScript libraries (CSV parsing and writing).
        regex: "^(?!\\./|~/domain/|papaparse$|csv-stringify/sync$|vitest$|node:(assert|test)$).*",
        message: "app/domain imports only app/domain (no Node, Remix, Kysely, React or other layers).",
      },
    ],
    { ignores: ["app/domain/**/*.test.ts"] },
  ),
  layer(
    ["app/models/**/*.ts"],
    [
      not(
        ["~/services/*", "~/routes/*", "~/components/*", "~/server/*"],
        "Models run SQL and return rows: they use domain, lib and db only.",
      ),
    ],
  ),
  layer(
    ["app/services/**/*.ts"],
    [not(["~/routes/*", "~/components/*", "~/server/*"], "Services return data and results; presentation lives in components.")],
  ),
  layer(
    ["app/lib/**/*.ts"],
    [not(["~/services/*", "~/routes/*", "~/components/*"], "lib is infrastructure below the services: it never calls them.")],
  ),
  layer(
    ["app/schemas/**/*.ts"],
    [not(["~/models/*", "~/services/*", "~/routes/*", "~/components/*", "~/server/*"], "Schemas are zod only.")],
  ),
];

// Only app/models (and db/, which owns migrations, seeds and backups) talk SQL; React renders every
// page, so raw HTML is refused outside RAW_HTML_ALLOWED.
const QUERY_METHODS = "selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom";
const SQL = [
  {
    selector: `CallExpression[callee.property.name=/^(${QUERY_METHODS})$/]`,
    message: "SQL belongs in app/models/*.server.ts: add or extend a model function that takes the organisation id.",
  },
  {
    selector: "ImportDeclaration[source.value='kysely'][importKind!='type'] ImportSpecifier[imported.name='sql']",
    message: "SQL belongs in app/models/*.server.ts.",
  },
];
const RAW_HTML = [
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: "Render with JSX; raw HTML is allowed only in the files named in RAW_HTML_ALLOWED (eslint.config.js).",
  },
];
const restricted = (files, selectors, ignores = []) => ({ files, ignores, rules: { "no-restricted-syntax": ["error", ...selectors] } });
const APP = ["app/**/*.{ts,tsx}"];
const APP_TESTS = ["app/**/*.test.{ts,tsx}", "app/test/**"];
const SERVER_FILE_IN_COMPONENTS = [
  { selector: "Program", message: "Server modules do not live in app/components: move it to app/services or app/lib." },
];
const syntaxRules = [
  restricted(APP, [...SQL, ...RAW_HTML], ["app/models/**", ...APP_TESTS]),
  restricted(["app/components/**/*.server.{ts,tsx}"], SERVER_FILE_IN_COMPONENTS),
  restricted(["app/models/**/*.ts"], RAW_HTML, APP_TESTS),
  ...(RAW_HTML_ALLOWED.length ? [restricted(RAW_HTML_ALLOWED, SQL)] : []),
];

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "node_modules/**", ".cache/**", "test-results/**", "playwright-report/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-control-regex": "off",
      "max-len": ["error", { code: 140, ignoreUrls: true }],
      "max-lines": ["error", { max: 400 }],
      "max-lines-per-function": ["error", { max: 120 }],
    },
  },
  { files: ["**/*.{js,mjs}"], languageOptions: { globals: globals.node } },
  ...layers,
  ...syntaxRules,
  { files: DATA_FILES, rules: { "max-lines": "off", "max-lines-per-function": "off", "max-len": "off" } },
  { files: TEST_FILES, rules: { "max-lines": "off", "max-lines-per-function": "off" } },
  // A Playwright fixture that depends on no other fixture must still destructure its first argument: `({}, provide)`.
  { files: ["e2e/**/*.ts"], rules: { "no-empty-pattern": ["error", { allowObjectPatternsAsParameters: true }] } },
);
