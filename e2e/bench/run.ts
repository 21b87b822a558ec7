// Lantern bench runner: prints ONE JSON LINE PER FIGURE on stdout (everything else goes to stderr).
//
//   npx tsx e2e/bench/run.ts [--quick] [--only <prefix>[,<prefix>…]]… [--check] [--list] [--help]
//
// --check: exit with 1 when a printed figure misses its goal (each miss is named on stderr).
//
// Each registry entry is an async function returning records; app figures compare themselves with
// floors measured in the same run via ctx.floor(). See e2e/bench/README.md.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { appFigures } from "./app";
import { floorFigures } from "./floors";
import { registryFigures, registryFloorFigures } from "./registry";
import { portalFigures } from "./portal";
import { voiceFigures } from "./voice";
import { screeningFigures } from "./screening";
import { tracingFigures } from "./tracing";
import { dashboardFigures } from "./dashboard";
import { statementFigures } from "./statement";
import { overloadFigures } from "./overload";
import { importFigures } from "./import";
import { postgresFigures } from "./postgres";
import { apiFigures } from "./api";
import { dropPgTenants } from "./postgres-tenant";
import { missedGoals } from "./goals";
import { errorMessage, log, type BenchContext, type BenchRecord, type FigureDef } from "./lib";

/** The registry, in run order: floors first, then figures compared with them (registry figures last: they need app.http.login_page). */
const REGISTRY: FigureDef[] = [
  ...floorFigures,
  ...registryFloorFigures,
  ...appFigures,
  ...registryFigures,
  ...portalFigures,
  ...voiceFigures,
  ...screeningFigures,
  ...tracingFigures,
  ...dashboardFigures,
  ...statementFigures,
  ...importFigures,
  ...apiFigures,
  ...overloadFigures,
  ...postgresFigures,
];

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    only: { type: "string", multiple: true },
    list: { type: "boolean", default: false },
    check: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
  strict: true,
});

if (values.help) {
  process.stderr.write(
    [
      "usage: npx tsx e2e/bench/run.ts [options]   (npm run bench -- [options] builds the app first)",
      "  --quick           shorter runs (a smoke run; numbers are not comparable)",
      "  --only <prefix>   only the figures whose name starts with a prefix (repeatable, or comma-separated)",
      "  --check           exit with 1 when a figure misses its goal, naming each miss",
      "  --list            list the figures and exit",
      "",
    ].join("\n"),
  );
  process.exit(0);
}

if (values.list) {
  for (const def of REGISTRY) process.stderr.write(`${def.figures.join(", ")}\n    ${def.description}\n`);
  process.exit(0);
}

const prefixes = (values.only ?? [])
  .flatMap((o) => o.split(","))
  .map((p) => p.trim())
  .filter(Boolean);
const selected = prefixes.length ? REGISTRY.filter((def) => def.figures.some((f) => prefixes.some((p) => f.startsWith(p)))) : REGISTRY;
if (selected.length === 0) {
  log(`no figure matches --only ${prefixes.join(",")}; known: ${REGISTRY.flatMap((d) => d.figures).join(", ")}`);
  process.exit(2);
}

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-bench-"));
// Also on SIGINT/SIGTERM (http.ts exits the process after stopping its children).
process.on("exit", () => fs.rmSync(tmpRoot, { recursive: true, force: true }));
const results = new Map<string, BenchRecord>();
const running = new Map<FigureDef, Promise<void>>();
let failed = false;

function emit(record: BenchRecord): void {
  results.set(record.figure, record);
  if (record.error !== undefined) failed = true;
  process.stdout.write(JSON.stringify(record) + "\n");
}

const ctx: BenchContext = {
  quick: values.quick,
  tmpDir(label) {
    return fs.mkdtempSync(path.join(tmpRoot, `${label.replace(/[^\w.-]+/g, "_")}-`));
  },
  async floor(figure) {
    if (!results.has(figure)) {
      const def = REGISTRY.find((d) => d.figures.includes(figure));
      if (!def) throw new Error(`unknown floor ${figure}`);
      await runDef(def);
    }
    const record = results.get(figure);
    if (!record) throw new Error(`${figure} produced no record`);
    if (record.error !== undefined || record.value === undefined) throw new Error(`floor ${figure} failed: ${record.error}`);
    return record;
  },
};

/** Runs one entry once per process (a floor requested by several figures is measured once). */
function runDef(def: FigureDef): Promise<void> {
  let p = running.get(def);
  if (!p) {
    p = (async () => {
      const name = def.figures.join(", ");
      log(`running ${name}${ctx.quick ? " (quick)" : ""}`);
      const started = Date.now();
      try {
        const records = await def.run(ctx);
        for (const r of records) emit(r);
        for (const missing of def.figures.filter((f) => !records.some((r) => r.figure === f))) {
          emit({ figure: missing, error: "the figure's function returned no record for it" });
        }
      } catch (e) {
        for (const f of def.figures) emit({ figure: f, error: errorMessage(e) });
      }
      log(`done ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    })();
    running.set(def, p);
  }
  return p;
}

try {
  for (const def of selected) await runDef(def);
} finally {
  await dropPgTenants();
  fs.rmSync(tmpRoot, { recursive: true, force: true });
}

if (failed) {
  log('some figures failed (records with an "error" field)');
  process.exitCode = 1;
}
if (values.check) {
  const missed = missedGoals(results.values());
  for (const line of missed) log(`goal missed: ${line}`);
  log(missed.length ? `${missed.length} goal(s) missed` : "every goal met");
  if (missed.length) process.exitCode = 1;
}
