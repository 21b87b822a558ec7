// Figures of the "Supplier registry" issue: CSV import at 100,000 suppliers, the supplier list at
// 100,000 suppliers (loader and HTTP page), and the incremental tier update after one new link.
// Each is compared with a floor measured in the same run (see README.md).
//
// The 100,000-supplier tenant ("big", compliance@big.test) is built ONCE per bench run, in a child
// process through the real import path (db/seed/large.ts → commitCsv), in a temp file that the list,
// tier and HTTP figures reuse (registry-common.ts). One module per figure:
//   registry-import.ts  1–2. the import and its raw better-sqlite3 floor
//   registry-list.ts    3. the list loader vs the same SQL on raw better-sqlite3
//   registry-tier.ts    4. the tier update after one new link
//   registry-risk.ts    risk: the full recompute vs reading its inputs, the recompute after one approval
//   registry-page.ts    5. the supplier list page under load vs the login page
import type { FigureDef } from "./lib";
import { importFigure, importFloor } from "./registry-import";
import { listFigure } from "./registry-list";
import { tierFigure } from "./registry-tier";
import { listPageFigure } from "./registry-page";
import { approvalFigure, fullRecomputeFigure } from "./registry-risk";

/** In run order: the import floor first, then the app figures (after app.http.login_page, see run.ts). */
export const registryFloorFigures: FigureDef[] = [importFloor];
export const registryFigures: FigureDef[] = [importFigure, listFigure, tierFigure, fullRecomputeFigure, approvalFigure, listPageFigure];
