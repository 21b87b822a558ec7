// Where a figure of a statement leads in the app: its list page (computed now for a draft, the
// frozen snapshot for an approved statement), or the page its words come from.
// Pure module: no node, kysely, remix or react imports.
import type { FigureSource } from "./types";

export function statementHref(slug: string, statementId: number): string {
  return `/o/${slug}/statements/${statementId}`;
}

export function figureHref(slug: string, statementId: number, key: string, source: FigureSource): string {
  switch (source.kind) {
    case "list":
      return `${statementHref(slug, statementId)}/figures/${encodeURIComponent(key)}`;
    case "profile":
      return `/o/${slug}/settings/profile`;
    case "methodology":
      return `/o/${slug}/methodology`;
    case "grievances":
      return `/o/${slug}/grievances`;
  }
}
