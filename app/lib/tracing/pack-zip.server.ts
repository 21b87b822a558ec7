// Writes a tracing pack's ZIP (yazl) to a temporary file: the evidence files byte for byte (read one
// at a time from the evidence store and stored uncompressed: they are mostly PDFs and images already
// compressed), then pack.pdf, made only once it is known which files the store could not give (the
// PDF says so rather than listing a file the ZIP lacks), and manifest.json last, with the SHA-256 and
// size of every other file as computed while writing. The ZIP goes to disk rather than memory because a chain's evidence
// can outgrow a process's memory; its own SHA-256 is computed on the way out. The caller streams the
// file and removes it (removeSoon) when the response is done.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash, randomBytes } from "node:crypto";
import { pipeline } from "node:stream/promises";
import { Transform, type Readable } from "node:stream";
import yazl from "yazl";
import { buildManifest, type Manifest, type ManifestFile } from "~/domain/tracing/manifest";

export interface ZipSource {
  path: string;
  /** Reads the file's bytes when its turn comes, so only one evidence file is in memory at a time. */
  read(): Promise<Buffer>;
}

export interface WrittenZip {
  file: string;
  /** Evidence paths the store could not give. */
  missing: ReadonlySet<string>;
  sha256: string;
  size: number;
  manifest: Manifest;
}

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** Writes the ZIP; on failure the temporary file is removed and the error rethrown. */
export async function writePackZip(
  makePdf: (missing: ReadonlySet<string>) => Promise<Buffer>,
  evidence: readonly ZipSource[],
  meta: Parameters<typeof buildManifest>[0],
  mtime: Date,
): Promise<WrittenZip> {
  const file = path.join(os.tmpdir(), `lantern-pack-${randomBytes(8).toString("hex")}.zip`);
  const zip = new yazl.ZipFile();
  const hash = createHash("sha256");
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      size += chunk.length;
      cb(null, chunk);
    },
  });
  const written = pipeline(zip.outputStream, tap, fs.createWriteStream(file, { flags: "wx" }));
  try {
    const files: ManifestFile[] = [];
    const missing = new Set<string>();
    const seen = new Set<string>(["pack.pdf", "manifest.json"]);
    for (const e of evidence) {
      if (seen.has(e.path)) continue;
      seen.add(e.path);
      let bytes: Buffer;
      try {
        bytes = await e.read();
      } catch {
        missing.add(e.path);
        continue;
      }
      files.push({ path: e.path, size: bytes.length, sha256: sha(bytes) });
      zip.addBuffer(bytes, e.path, { mtime, compress: false });
    }
    const pdf = await makePdf(missing);
    files.unshift({ path: "pack.pdf", size: pdf.length, sha256: sha(pdf) });
    // pdfkit already compresses the PDF's streams: deflating it again costs time and saves little.
    zip.addBuffer(pdf, "pack.pdf", { mtime, compress: false });
    const manifest = buildManifest(meta, files);
    zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, "utf8"), "manifest.json", { mtime, compress: true });
    zip.end();
    await written;
    return { file, missing, sha256: hash.digest("hex"), size, manifest };
  } catch (e) {
    (zip.outputStream as unknown as Readable).destroy();
    await written.catch(() => undefined);
    await fs.promises.rm(file, { force: true });
    throw e;
  }
}

/** Removes a pack's temporary file (after its response was sent, or when it was not wanted). */
export function removeSoon(file: string): void {
  fs.promises.rm(file, { force: true }).catch(() => undefined);
}
