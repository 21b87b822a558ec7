// Tracing pack figure (products issue): building the tracing pack ZIP (chain data read, PDF laid out,
// evidence copied, manifest hashed, ZIP written to disk and its generation recorded) for a product
// whose chain has 1,000 suppliers, in a child process (tracing-child.ts) so its peak RSS is its own.
import path from "node:path";
import fs from "node:fs";
import { runToCompletion } from "./http";
import { log, median, round, TSX_BIN, type BenchRecord, type FigureDef } from "./lib";

const SUPPLIERS = 1000;

export const tracingFigures: FigureDef[] = [
  {
    figures: ["tracing.pack_1000"],
    description: "tracing pack ZIP (PDF + evidence + manifest) for a product whose chain has 1,000 suppliers: median s of 3, peak RSS",
    async run(ctx): Promise<BenchRecord[]> {
      const dir = ctx.tmpDir("tracing");
      const out = path.join(dir, "result.json");
      const evidence = path.join(dir, "evidence");
      fs.mkdirSync(evidence, { recursive: true });
      await runToCompletion(
        "tracing child",
        TSX_BIN,
        ["e2e/bench/tracing-child.ts", path.join(dir, "tracing.db"), evidence, String(SUPPLIERS), out],
        process.env,
        600_000,
      );
      const r = JSON.parse(fs.readFileSync(out, "utf8")) as {
        runs: number[];
        rssBeforeMb: number;
        peakMb: number;
        size: number;
        files: number;
        suppliers: number;
        gaps: number;
      };
      const value = round(median(r.runs) / 1000, 2);
      log(`tracing: pack of ${r.suppliers} suppliers in ${value} s, peak ${r.peakMb} MB, ZIP ${round(r.size / 1024 / 1024, 1)} MB`);
      return [
        {
          figure: "tracing.pack_1000",
          unit: "s",
          value,
          goal: "< 3",
          runs: r.runs.map((x) => round(x / 1000, 2)),
          peak_rss_mb: r.peakMb,
          peak_rss_goal: "< 500",
          rss_before_pack_mb: r.rssBeforeMb,
          suppliers: r.suppliers,
          zip_mb: round(r.size / 1024 / 1024, 1),
          zip_files: r.files,
          gaps: r.gaps,
          note: "makeTracingPack end to end on SQLite (a 200 KB evidence file for one supplier in ten); peak RSS of the whole child",
        },
      ];
    },
  },
];
