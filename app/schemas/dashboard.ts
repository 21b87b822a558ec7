import { z } from "zod";
import { BANDS } from "~/domain/report/types";
import { PERIOD_PRESETS } from "~/domain/report/period";

// The dashboard's and the board report's URL: the filters (the supplier list's names, so a figure's
// link hands them on as they are) and the period. tier=0 means "not linked to a buyer".
export const DashboardQuerySchema = z.object({
  tier: z.coerce.number().int().min(0).max(50).optional(),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  sector: z.string().trim().max(100).optional(),
  good: z.string().trim().max(100).optional(),
  band: z.enum(BANDS).optional(),
  days: z.coerce
    .number()
    .int()
    .refine((d) => (PERIOD_PRESETS as readonly number[]).includes(d))
    .optional(),
  from: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  to: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
export type DashboardQuery = z.output<typeof DashboardQuerySchema>;

/** What each parameter accepts, for a readable 400. */
export const DASHBOARD_PARAM_HINTS: Record<string, string> = {
  tier: "Tier is a whole number from 1 to 50 (0 for suppliers not linked to a buyer).",
  country: "Country is a two-letter code such as BD.",
  sector: "Sector is at most 100 characters.",
  good: "Goods are at most 100 characters.",
  band: `Band is one of ${BANDS.join(", ")}.`,
  days: `The period is the last ${PERIOD_PRESETS.join(", ")} days.`,
  from: "Dates look like 2026-01-31.",
  to: "Dates look like 2026-01-31.",
};
