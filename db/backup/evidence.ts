// Evidence files copied next to a backup, and back on a restore.
import { createHash, randomBytes } from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import type { EvidenceCopy } from "./common";

/**
 * Copies an evidence tree (<org id>/<sha256>), leaving out half-written *.tmp files and files the
 * destination already has (same name and size: names are content hashes). Each file is written under
 * a temporary name and renamed, like the app does.
 */
export async function copyEvidence(from: string, to: string): Promise<EvidenceCopy> {
  const result: EvidenceCopy = { dir: path.resolve(to), files: 0, bytes: 0, skipped: 0, damaged: [] };
  async function walk(rel: string): Promise<void> {
    for (const entry of await fsp.readdir(path.join(from, rel), { withFileTypes: true })) {
      const r = path.join(rel, entry.name);
      if (entry.isDirectory()) {
        await walk(r);
        continue;
      }
      if (!entry.isFile() || entry.name.endsWith(".tmp")) continue;
      const dest = path.join(to, r);
      const bytes = await fsp.readFile(path.join(from, r));
      const existing = await fsp.stat(dest).catch(() => null);
      if (existing && existing.size === bytes.length) {
        result.skipped++;
        continue;
      }
      if (/^[a-f0-9]{64}$/.test(entry.name) && createHash("sha256").update(bytes).digest("hex") !== entry.name) result.damaged.push(r);
      await fsp.mkdir(path.dirname(dest), { recursive: true });
      const tmp = `${dest}.${randomBytes(6).toString("hex")}.tmp`;
      await fsp.writeFile(tmp, bytes, { flag: "wx" });
      await fsp.rename(tmp, dest);
      result.files++;
      result.bytes += bytes.length;
    }
  }
  await fsp.mkdir(to, { recursive: true });
  await walk("");
  return result;
}
