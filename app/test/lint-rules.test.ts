// The house rules are only rules if the linter refuses to break them: each case below is a file a
// newcomer might write, linted with the project's own configuration.
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const eslint = new ESLint({ cwd: ROOT });

async function ruleIds(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? "fatal");
}

describe("the layers the linter enforces", () => {
  it.each([
    [
      "a component importing a model",
      "app/components/x.tsx",
      'import { getSupplier } from "~/models/supplier.server";\nexport const x = getSupplier;\n',
    ],
    [
      "a component importing a service",
      "app/components/x.tsx",
      'import { loadDashboard } from "~/services/dashboard.server";\nexport const x = loadDashboard;\n',
    ],
    ["a component importing a server module", "app/components/x.tsx", 'import { env } from "~/lib/env.server";\nexport const x = env;\n'],
    ["the domain importing Node", "app/domain/x.ts", 'import fs from "node:fs";\nexport const x = fs;\n'],
    ["the domain importing Kysely", "app/domain/x.ts", 'import { sql } from "kysely";\nexport const x = sql;\n'],
    ["the domain importing Remix", "app/domain/x.ts", 'import { json } from "@remix-run/node";\nexport const x = json;\n'],
    ["the domain importing another layer", "app/domain/x.ts", 'import { nowIso } from "~/lib/time";\nexport const x = nowIso;\n'],
    [
      "lib importing a service",
      "app/lib/x.server.ts",
      'import { loadDashboard } from "~/services/dashboard.server";\nexport const x = loadDashboard;\n',
    ],
    [
      "a service importing a component",
      "app/services/x.server.ts",
      'import { formatScore } from "~/components/format";\nexport const x = formatScore;\n',
    ],
    [
      "a model importing a service",
      "app/models/x.server.ts",
      'import { loadDashboard } from "~/services/dashboard.server";\nexport const x = loadDashboard;\n',
    ],
    ["a ../ chain inside app", "app/routes/x.tsx", 'import { nowIso } from "../lib/time";\nexport const x = nowIso;\n'],
  ])("refuses %s", async (_name, file, code) => {
    expect(await ruleIds(file, code)).toContain("no-restricted-imports");
  });

  it("refuses SQL outside app/models", async () => {
    const code = 'import type { Db } from "~db/client";\nexport const f = (db: Db) => db.selectFrom("suppliers").selectAll().execute();\n';
    expect(await ruleIds("app/services/x.server.ts", code)).toContain("no-restricted-syntax");
    expect(await ruleIds("app/routes/x.tsx", code)).toContain("no-restricted-syntax");
    expect(await ruleIds("app/models/x.server.ts", code)).not.toContain("no-restricted-syntax");
  });

  it("refuses raw HTML in JSX", async () => {
    const code = "export const X = ({ html }: { html: string }) => <div dangerouslySetInnerHTML={{ __html: html }} />;\n";
    expect(await ruleIds("app/components/x.tsx", code)).toContain("no-restricted-syntax");
  });

  it("refuses server modules inside components/", async () => {
    expect(await ruleIds("app/components/x.server.ts", "export const x = 1;\n")).toContain("no-restricted-syntax");
  });

  it("refuses long lines and long functions in code, not in data", async () => {
    const long = `export const x = "${"a".repeat(140)}";\n`;
    expect(await ruleIds("app/domain/x.ts", long)).toContain("max-len");
    expect(await ruleIds("app/domain/questionnaire/i18n/en.ts", long)).not.toContain("max-len");
    const body = Array.from({ length: 125 }, (_, i) => `  const v${i} = ${i};`).join("\n");
    const fn = `export function f() {\n${body}\n  return v0;\n}\n`;
    expect(await ruleIds("app/domain/x.ts", fn)).toContain("max-lines-per-function");
  });

  it("accepts what the layers allow", async () => {
    const route = 'import { nowIso } from "~/lib/time";\nimport { isoDay } from "~/domain/dates";\nexport const x = [nowIso, isoDay];\n';
    expect(await ruleIds("app/routes/x.tsx", route)).toEqual([]);
    const domain = 'import { isoDay } from "~/domain/dates";\nimport Papa from "papaparse";\nexport const x = [isoDay, Papa];\n';
    expect(await ruleIds("app/domain/x.ts", domain)).toEqual([]);
  });
});
