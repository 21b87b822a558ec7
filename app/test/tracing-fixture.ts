// Test helper for tracing packs: reads a pack's ZIP back with yauzl (the reader the app already
// uses for uploads), recomputes the SHA-256 and size of every file and compares them with the
// manifest, as whoever receives a pack would.
import { createHash } from "node:crypto";
import yauzl from "yauzl";
import { verifyManifest, type Manifest, type VerifyProblem } from "~/domain/tracing/manifest";

export interface ReadPack {
  files: Map<string, Buffer>;
  manifest: Manifest;
  problems: VerifyProblem[];
}

function entries(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true }, (err, z) => {
      if (err || !z) return reject(err ?? new Error("unreadable ZIP"));
      const out = new Map<string, Buffer>();
      z.on("entry", (e: yauzl.Entry) => {
        z.openReadStream(e, (err2, s) => {
          if (err2 || !s) return reject(err2 ?? new Error(`unreadable entry ${e.fileName}`));
          const parts: Buffer[] = [];
          s.on("data", (b: Buffer) => parts.push(b));
          s.on("error", reject);
          s.on("end", () => {
            out.set(e.fileName, Buffer.concat(parts));
            z.readEntry();
          });
        });
      });
      z.on("end", () => resolve(out));
      z.on("error", reject);
      z.readEntry();
    });
  });
}

/** Unzips a pack and checks every file against its manifest. */
export async function readPack(zip: Buffer): Promise<ReadPack> {
  const files = await entries(zip);
  const raw = files.get("manifest.json");
  if (!raw) throw new Error("no manifest.json in the pack");
  const manifest = JSON.parse(raw.toString("utf8")) as Manifest;
  const found = new Map([...files].map(([p, b]) => [p, { size: b.length, sha256: createHash("sha256").update(b).digest("hex") }]));
  return { files, manifest, problems: verifyManifest(manifest, found) };
}

/** A PDF's text, all pages, runs joined and white space collapsed (pdfjs, as e2e/report-print.spec.ts reads the board report). */
export async function pdfText(pdf: Buffer): Promise<string> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, disableFontFace: true, useSystemFonts: false })
    .promise;
  const out: string[] = [];
  try {
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      out.push(content.items.map((item) => ("str" in item ? `${item.str}${item.hasEOL ? " " : ""}` : "")).join(""));
    }
  } finally {
    await doc.destroy();
  }
  return out.join(" ").replace(/\s+/g, " ");
}
