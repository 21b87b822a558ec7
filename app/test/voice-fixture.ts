// A tenant's worker-voice data for the route sweeps: a channel on a supplier and one report through
// it, whose words carry the tenant's marker.
import type { Db } from "~db/client";
import type { OrgIdentity } from "~/lib/auth.server";
import { ReportSchema } from "~/schemas/voice";
import { fileReport } from "~/services/voice-report.server";
import { createChannel, supplierChannels } from "~/services/voice-channels.server";

export interface VoiceFixture {
  channelId: number; // worker-voice channel of supplierId
  channelCode: string;
  caseId: number; // a worker's report through that channel, with the marker in its words
  caseNumber: string;
  casePassphrase: string;
}

export async function voiceFixture(db: Db, ident: OrgIdentity, supplierId: number, marker: string): Promise<VoiceFixture> {
  const channel = await createChannel(db.db, ident, supplierId, ["bn", "en"]);
  if (!channel.ok) throw new Error(channel.message);
  const channelCode = (await supplierChannels(db.db, ident, supplierId))[0]!.code;
  const report = ReportSchema.parse({ category: "fees", happened: "this_month", details: `${marker} worker paid fees`, lang: "bn" });
  const filed = await fileReport(db.db, channelCode, report, "192.0.2.11");
  if (!filed.ok) throw new Error(filed.message);
  const row = await db.db
    .selectFrom("grievance_cases")
    .select("id")
    .where("case_number", "=", filed.value.caseNumber)
    .where("org_id", "=", ident.org.id)
    .executeTakeFirstOrThrow();
  return {
    channelId: channel.value.channelId,
    channelCode,
    caseId: row.id,
    caseNumber: filed.value.caseNumber,
    casePassphrase: filed.value.passphrase,
  };
}
