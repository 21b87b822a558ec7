// The statement templates: one data file per law and version (templates/*.ts), so a new law or a
// new version of a template is a new file and a line here. A statement pins key + version.
// Pure module: no node, kysely, remix or react imports.
import { AU_MSA_V1 } from "./templates/au-msa-v1";
import { CA_S211_V1 } from "./templates/ca-s211-v1";
import { LKSG_CSDDD_V1 } from "./templates/lksg-csddd-v1";
import { UK_MSA_S54_V1 } from "./templates/uk-msa-s54-v1";
import type { StatementTemplate } from "./types";

export const TEMPLATES: readonly StatementTemplate[] = [UK_MSA_S54_V1, AU_MSA_V1, CA_S211_V1, LKSG_CSDDD_V1];

/** The newest version of each template: what a new statement is drafted from. */
export function latestTemplates(): StatementTemplate[] {
  const m = new Map<string, StatementTemplate>();
  for (const t of TEMPLATES) if ((m.get(t.key)?.version ?? 0) < t.version) m.set(t.key, t);
  return [...m.values()];
}

export function findTemplate(key: string, version?: number): StatementTemplate | null {
  const all = TEMPLATES.filter((t) => t.key === key);
  if (version !== undefined) return all.find((t) => t.version === version) ?? null;
  return all.sort((a, b) => b.version - a.version)[0] ?? null;
}
