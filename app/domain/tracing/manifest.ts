// The ZIP's manifest.json: every other file in the archive with its size and SHA-256, and how to
// check them, so whoever receives the pack (a customs officer, a customer's auditor) can show that
// nothing was changed after it was made. The manifest cannot list its own hash; the app records the
// whole ZIP's SHA-256 with the pack's generation (product_packs), which covers the manifest too.
// Pure module: no node, kysely, remix or react imports.

export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}

export interface Manifest {
  format: "lantern-tracing-pack/1";
  product: { name: string; sku: string; hsCode: string };
  shipment: { ref: string | null; date: string | null; quantity: string | null } | null;
  generatedAt: string;
  generatedBy: string;
  organisation: string;
  howToVerify: string;
  files: ManifestFile[];
}

export const HOW_TO_VERIFY =
  "Every file in this ZIP other than manifest.json is listed under files with its size in bytes and its SHA-256. " +
  "To verify, compute the SHA-256 of each file (e.g. `sha256sum pack.pdf` on Linux, `shasum -a 256 pack.pdf` on macOS, " +
  "`Get-FileHash pack.pdf -Algorithm SHA256` in PowerShell) and compare it with the value listed here. pack.pdf is the tracing " +
  "report; files under evidence/ are copies of the documents it lists, byte for byte as they were uploaded.";

export function buildManifest(meta: Omit<Manifest, "format" | "howToVerify" | "files">, files: readonly ManifestFile[]): Manifest {
  return { format: "lantern-tracing-pack/1", ...meta, howToVerify: HOW_TO_VERIFY, files: [...files] };
}

export interface VerifyProblem {
  path: string;
  problem: "missing" | "size" | "sha256" | "unlisted";
}

/** Compares a manifest with the files actually found (path → size and SHA-256 computed by the reader). */
export function verifyManifest(m: Manifest, found: ReadonlyMap<string, { size: number; sha256: string }>): VerifyProblem[] {
  const out: VerifyProblem[] = [];
  for (const f of m.files) {
    const got = found.get(f.path);
    if (!got) out.push({ path: f.path, problem: "missing" });
    else if (got.size !== f.size) out.push({ path: f.path, problem: "size" });
    else if (got.sha256 !== f.sha256) out.push({ path: f.path, problem: "sha256" });
  }
  const listed = new Set(m.files.map((f) => f.path));
  for (const p of found.keys()) if (p !== "manifest.json" && !listed.has(p)) out.push({ path: p, problem: "unlisted" });
  return out;
}
