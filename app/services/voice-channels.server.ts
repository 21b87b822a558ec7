// A supplier site's worker-voice channel (its short public link and printable poster), the
// organisation's retention setting, and the counts executives see (counts only; under 5 → "fewer than 5").
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import { fail, ok, type Result } from "~/domain/result";
import { CATEGORIES, CATEGORY_LABELS, REMEDY_LABELS, type RemedyKind } from "~/domain/voice/categories";
import { maskedCount } from "~/domain/voice/case-status";
import type { Count, GrievanceCounts } from "~/domain/voice/counts";
import { REVIEWED, isVoiceLanguage, voiceT, type VoiceLanguage } from "~/domain/voice/i18n";
import { can } from "~/domain/permissions";
import type { OrgIdentity } from "~/lib/auth.server";
import { env } from "~/lib/env.server";
import { qrPath } from "~/lib/qr.server";
import { nowIso } from "~/lib/time";
import { recordAudit } from "~/models/audit.server";
import { getSupplier } from "~/models/supplier.server";
import { acknowledgementTimes, casesByCategory, openCasesBySite, remediesDelivered } from "~/models/grievance-stats.server";
import { channelById, channelsOfSupplier, codeTaken, insertChannel } from "~/models/voice-channel.server";
import { retentionYears, setRetentionYears } from "~/models/voice-settings.server";

type DB = Kysely<Database>;

const CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Eight lower-case characters: short enough to type from a poster, 40 bits so links are not guessed. */
function newCode(): string {
  return Array.from(randomBytes(8), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join("");
}

export function channelUrl(code: string): string {
  return `${env().appUrl}/v/${code}`;
}

export async function supplierChannels(db: DB, id: OrgIdentity, supplierId: number) {
  const rows = await channelsOfSupplier(db, id.org.id, supplierId);
  return rows.map((c) => ({ id: c.id, code: c.code, url: channelUrl(c.code), languages: c.languages.split(","), createdAt: c.createdAt }));
}

export async function createChannel(
  db: DB,
  id: OrgIdentity,
  supplierId: number,
  languages: string[],
): Promise<Result<{ channelId: number }>> {
  const supplier = await getSupplier(db, id.org.id, supplierId);
  if (!supplier) return fail("not_found", "No such supplier");
  let code = newCode();
  while (await codeTaken(db, code)) code = newCode();
  // The workers' own language leads (the QR code opens the form in it); English, when chosen, comes second.
  languages = [...languages].sort((x, y) => Number(x === "en") - Number(y === "en"));
  const channelId = await db.transaction().execute(async (trx) => {
    const cid = await insertChannel(trx, id.org.id, {
      supplierId,
      code,
      languages: languages.join(","),
      createdBy: id.user.userId,
      at: nowIso(),
    });
    await recordAudit(trx, {
      orgId: id.org.id,
      actorUserId: id.user.userId,
      actorLabel: id.user.email,
      action: "voice.channel_created",
      entity: "supplier",
      entityId: supplierId,
      diff: { languages },
    });
    return cid;
  });
  return ok({ channelId });
}

/** The poster of a channel: its link, its QR code, and the texts of its two languages. */
export async function posterOf(db: DB, id: OrgIdentity, channelId: number) {
  const c = await channelById(db, id.org.id, channelId);
  if (!c) return null;
  const url = channelUrl(c.code);
  const langs = c.languages.split(",").filter(isVoiceLanguage);
  const side = (lang: VoiceLanguage) => {
    const t = voiceT(lang);
    return {
      lang,
      reviewed: REVIEWED.has(lang),
      title: t("poster.title"),
      for: t("poster.for", { site: c.supplierName }),
      anonymous: t("poster.anonymous"),
      retaliation: t("poster.retaliation"),
      scan: t("poster.scan"),
      review: t("page.review"),
    };
  };
  return {
    supplierId: c.supplierId,
    supplierName: c.supplierName,
    orgName: c.orgName,
    url,
    qr: qrPath(`${url}?lang=${langs[0] ?? "en"}`),
    sides: langs.map(side),
  };
}

export async function retentionOf(db: DB, id: OrgIdentity): Promise<number> {
  return retentionYears(db, id.org.id);
}

export async function saveRetention(db: DB, id: OrgIdentity, years: number): Promise<Result> {
  await setRetentionYears(db, id.org.id, years);
  await recordAudit(db, {
    orgId: id.org.id,
    actorUserId: id.user.userId,
    actorLabel: id.user.email,
    action: "voice.retention_changed",
    entity: "organization",
    entityId: id.org.id,
    diff: { years },
  });
  return ok();
}

/**
 * Grievance counts for the dashboard and the case list's head. Who may handle cases sees exact
 * numbers; everyone else (executives) sees counts only, with every count under 5 as "fewer than 5".
 */
export async function grievanceCounts(db: DB, id: OrgIdentity): Promise<GrievanceCounts> {
  const orgId = id.org.id;
  const masked = !can(id.role, "grievances.handle");
  const show = (n: number): Count => (masked ? maskedCount(n) : n);
  const [cats, sites, acks, remedies] = await Promise.all([
    casesByCategory(db, orgId),
    openCasesBySite(db, orgId),
    acknowledgementTimes(db, orgId),
    remediesDelivered(db, orgId),
  ]);
  const days = acks.map((a) => (Date.parse(a.acknowledgedAt!) - Date.parse(a.receivedAt)) / 86_400_000).sort((a, b) => a - b);
  const median = days.length === 0 ? null : Math.round(days[Math.floor((days.length - 1) / 2)]! * 10) / 10;
  return {
    masked,
    byCategory: CATEGORIES.map((c) => ({
      category: c,
      label: CATEGORY_LABELS[c],
      count: show(cats.find((r) => r.category === c)?.count ?? 0),
    })),
    openBySite: sites.map((s) => ({ ...s, count: show(s.count) })),
    // A median over fewer than 5 cases would tell an executive about one worker's case.
    medianDaysToAcknowledge: masked && days.length < 5 ? null : median,
    acknowledged: show(days.length),
    remedies: remedies.map((r) => ({
      kind: r.kind,
      label: REMEDY_LABELS[r.kind as RemedyKind] ?? r.kind,
      count: show(r.count),
      workers: show(r.workers),
    })),
  };
}
