// The worker's side of the voice channel: file a report, open one's case with the case number and
// passphrase, add information. The public path knows only the channel's code, so the channel is found
// as a named crossing path (asSystem) and everything after runs as its organisation (runAsOrg).
// Nothing stored identifies the reporter: the address only feeds the rate limits, as a keyed hash of
// the day (~/lib/voice-source.server); no user agent and no cookie is read or set.
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import { fail, ok, type Result } from "~/domain/result";
import { newCaseNumber, newPassphrase, normalizeCaseNumber, normalizePassphrase } from "~/domain/voice/case-codes";
import type { CaseStatus } from "~/domain/voice/case-status";
import type { ReportInput } from "~/schemas/voice";
import { asSystem, runAsOrg } from "~db/scope";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "~/lib/password.server";
import { checkAll, hit, type Limit } from "~/lib/rate-limit.server";
import { nowIso } from "~/lib/time";
import {
  VOICE_CASE_NUMBER,
  VOICE_CASE_SOURCE,
  VOICE_CHANNEL_HOUR,
  VOICE_SOURCE_DAY,
  VOICE_SOURCE_HOUR,
  sourceHash,
} from "~/lib/voice-source.server";
import { channelByCode, type ChannelRow } from "~/models/voice-channel.server";
import { caseByNumber, caseNumberTaken, firstRepeat, insertCase, insertMessage, messagesOf } from "~/models/grievance.server";
import { emitGrievanceReceived } from "./webhook-events.server";

type DB = Kysely<Database>;

/** Reports of the same channel, category and words within this many days are grouped as repeats. */
const REPEAT_DAYS = 7;

/** The channel behind a public code: its organisation is not known before this look-up. */
export function channelOf(db: DB, code: string): Promise<ChannelRow | undefined> {
  if (!/^[a-z0-9]{4,16}$/.test(code)) return Promise.resolve(undefined);
  return asSystem("worker voice: the channel of a public report link", () => channelByCode(db, code));
}

async function limited(db: DB, checks: Array<[Limit, string]>): Promise<number> {
  const wait = await checkAll(db, checks);
  if (wait > 0) return wait;
  for (const [l, key] of checks) await hit(db, l, key);
  return 0;
}

export interface Filed {
  caseNumber: string;
  passphrase: string;
}

/** Stores a report and answers the case number and passphrase, shown once. */
export async function fileReport(db: DB, code: string, input: ReportInput, clientIp: string, now = new Date()): Promise<Result<Filed>> {
  const channel = await channelOf(db, code);
  if (!channel) return fail("not_found", "No such channel", { messageKey: "error.not_found" });
  const source = await sourceHash(db, clientIp, now);
  const wait = await limited(db, [
    [VOICE_SOURCE_HOUR, source],
    [VOICE_SOURCE_DAY, source],
    [VOICE_CHANNEL_HOUR, `channel:${channel.id}`],
  ]);
  if (wait > 0) return fail("throttled", "Too many reports", { messageKey: "error.too_many", params: { retryAfter: wait } });
  const passphrase = newPassphrase();
  const passphraseHash = await hashPassword(passphrase);
  const detailsHash = createHash("sha256")
    .update(`${channel.id}\u0000${input.category}\u0000${input.details.toLowerCase().replace(/\s+/g, " ")}`)
    .digest("hex");
  return runAsOrg(channel.orgId, async () => {
    const at = nowIso(now);
    const since = nowIso(new Date(now.getTime() - REPEAT_DAYS * 86_400_000));
    let caseNumber = newCaseNumber();
    while (await caseNumberTaken(db, channel.orgId, caseNumber)) caseNumber = newCaseNumber();
    await db.transaction().execute(async (trx) => {
      const repeatOf = await firstRepeat(trx, channel.orgId, channel.id, detailsHash, since);
      const caseId = await insertCase(trx, channel.orgId, {
        channelId: channel.id,
        supplierId: channel.supplierId,
        caseNumber,
        passphraseHash,
        language: input.lang,
        category: input.category,
        happened: input.happened,
        details: input.details === "" ? null : input.details,
        detailsHash,
        repeatOf,
        at,
      });
      // Ids, channel, category and time only: nothing of the reporter or their words leaves for another system.
      await emitGrievanceReceived(trx, channel.orgId, {
        id: caseId,
        channelId: channel.id,
        supplierId: channel.supplierId,
        category: input.category,
        receivedAt: at,
      });
    });
    return ok({ caseNumber, passphrase });
  });
}

export interface ReporterView {
  caseNumber: string;
  status: CaseStatus;
  language: string;
  category: string;
  receivedAt: string;
  messages: Array<{ id: number; fromReporter: boolean; body: string | null; createdAt: string }>;
}

/**
 * The case if the case number and passphrase match (limits per source and per case number, and the
 * same work whether or not the number exists, so the answer does not say which one was wrong).
 */
async function openCase(db: DB, channel: ChannelRow, rawNumber: string, rawPassphrase: string, clientIp: string) {
  const caseNumber = normalizeCaseNumber(rawNumber) ?? "";
  const source = await sourceHash(db, clientIp);
  const wait = await limited(db, [
    [VOICE_CASE_SOURCE, source],
    [VOICE_CASE_NUMBER, `${channel.orgId}:${caseNumber}`],
  ]);
  if (wait > 0) return fail("throttled", "Too many attempts", { messageKey: "error.too_many", params: { retryAfter: wait } });
  const found = caseNumber ? await runAsOrg(channel.orgId, () => caseByNumber(db, channel.orgId, caseNumber)) : undefined;
  const passphrase = normalizePassphrase(rawPassphrase);
  const good = found ? await verifyPassword(found.passphraseHash, passphrase) : await verifyAgainstDummy(passphrase);
  if (!found || !good) return fail("not_found", "Wrong case number or passphrase", { messageKey: "case.wrong" });
  return ok(found);
}

async function viewOf(
  db: DB,
  orgId: number,
  c: { id: number; caseNumber: string; status: string; language: string; category: string; receivedAt: string },
) {
  const messages = await runAsOrg(orgId, () => messagesOf(db, orgId, c.id));
  return {
    caseNumber: c.caseNumber,
    status: c.status as CaseStatus,
    language: c.language,
    category: c.category,
    receivedAt: c.receivedAt,
    messages,
  } satisfies ReporterView;
}

/** The channel behind the code and the case its number and passphrase open (both reporter paths start here). */
async function openByCode(db: DB, code: string, caseNumber: string, passphrase: string, clientIp: string) {
  const channel = await channelOf(db, code);
  if (!channel) return fail("not_found", "No such channel", { messageKey: "error.not_found" });
  const opened = await openCase(db, channel, caseNumber, passphrase, clientIp);
  return opened.ok ? ok({ channel, case: opened.value }) : opened;
}

/** The reporter reads their case: its status and the thread with the officers. */
export async function readCase(
  db: DB,
  code: string,
  caseNumber: string,
  passphrase: string,
  clientIp: string,
): Promise<Result<ReporterView>> {
  const opened = await openByCode(db, code, caseNumber, passphrase, clientIp);
  if (!opened.ok) return opened;
  return ok(await viewOf(db, opened.value.channel.orgId, opened.value.case));
}

/** The reporter adds information to their case. */
export async function addToCase(
  db: DB,
  code: string,
  caseNumber: string,
  passphrase: string,
  message: string,
  clientIp: string,
): Promise<Result<ReporterView>> {
  const opened = await openByCode(db, code, caseNumber, passphrase, clientIp);
  if (!opened.ok) return opened;
  if (message === "") return fail("invalid", "Empty message", { messageKey: "case.empty", field: "message" });
  const { channel, case: c } = opened.value;
  await runAsOrg(channel.orgId, () =>
    insertMessage(db, channel.orgId, { caseId: c.id, fromReporter: true, authorUserId: null, body: message, at: nowIso() }),
  );
  return ok(await viewOf(db, channel.orgId, c));
}
