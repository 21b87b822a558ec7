// What the worker-voice pages need beyond the report itself: the channel's site and organisation,
// and the texts of one language (the page is rendered on the server; no JavaScript is sent).
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import { CATALOGUES, REVIEWED, VOICE_LANGUAGES, voiceLanguage, type VoiceLanguage } from "~/domain/voice/i18n";
import type { OrgIdentity } from "~/lib/auth.server";
import { getSupplier } from "~/models/supplier.server";
import { openCasesBySite, substantiatedGrievanceFlags } from "~/models/grievance-stats.server";
import { channelOf } from "./voice-report.server";

type DB = Kysely<Database>;

export function textsOf(lang: VoiceLanguage) {
  return {
    lang,
    texts: CATALOGUES[lang],
    reviewed: REVIEWED.has(lang),
    languages: VOICE_LANGUAGES.map((code) => ({ code, name: CATALOGUES[code]["lang.name"] })),
  };
}

/** The channel's public face, or null when the code is unknown or the channel closed. */
export async function channelFace(db: DB, code: string, rawLang: unknown) {
  const channel = await channelOf(db, code);
  const languages = channel?.languages.split(",") ?? [];
  // No language asked for: the poster's first language.
  const lang = voiceLanguage(rawLang ?? languages[0]);
  return { ...textsOf(lang), channel: channel ? { site: channel.supplierName, org: channel.orgName } : null };
}

/** The supplier's name, or null when it is not this organisation's. */
export async function getSupplierName(db: DB, id: OrgIdentity, supplierId: number): Promise<string | null> {
  return (await getSupplier(db, id.org.id, supplierId))?.name ?? null;
}

/**
 * What the supplier page shows of worker voice, to admins and compliance officers only: the red flags
 * substantiated cases raise (with the case number, never the reporter) and how many cases are open.
 */
export async function supplierGrievanceFlags(db: DB, id: OrgIdentity, supplierId: number) {
  const [flags, open] = await Promise.all([
    substantiatedGrievanceFlags(db, id.org.id, [supplierId]),
    openCasesBySite(db, id.org.id, [supplierId]),
  ]);
  return { flags: flags.get(supplierId) ?? [], openCases: open[0]?.count ?? 0 };
}
