// Evidence files on disk, outside public/: <EVIDENCE_DIR>/<org id>/<sha256>. Content-addressed, so
// the same file uploaded twice is stored once, and a name a user typed never becomes a path.
import fs from "node:fs/promises";
import path from "node:path";
import { createHash, randomBytes } from "node:crypto";
import { env } from "./env.server";

function fileFor(orgId: number, sha256: string): string {
  if (!/^[a-f0-9]{64}$/.test(sha256) || !Number.isInteger(orgId)) throw new Error("bad storage key");
  return path.resolve(env().EVIDENCE_DIR, String(orgId), sha256);
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Writes atomically (temp file + rename), so a crash never leaves half a file under its final name. */
export async function putObject(orgId: number, sha256: string, bytes: Uint8Array): Promise<string> {
  const target = fileFor(orgId, sha256);
  await fs.mkdir(path.dirname(target), { recursive: true });
  try {
    await fs.access(target);
    return sha256; // already stored
  } catch {
    const tmp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
    await fs.writeFile(tmp, bytes, { flag: "wx" });
    await fs.rename(tmp, target);
    return sha256;
  }
}

export async function getObject(orgId: number, sha256: string): Promise<Buffer> {
  return fs.readFile(fileFor(orgId, sha256));
}
