// Optimistic concurrency over HTTP (decision 0013): a supplier's ETag is its version, and a change
// must name it in If-Match. Pure helpers.

export function etagOf(version: number): string {
  return `"v${version}"`;
}

/**
 * The version an If-Match header names: a number, "any" for `*`, "missing" when there is no header,
 * or null when it names no version of ours (a stale or foreign tag: the change is refused).
 */
export function versionOfIfMatch(header: string | null): number | "any" | "missing" | null {
  if (header === null || header.trim() === "") return "missing";
  const tags = header.split(",").map((t) => t.trim());
  if (tags.includes("*")) return "any";
  if (tags.length !== 1) return null;
  const m = /^(?:W\/)?"v([1-9]\d{0,9})"$/.exec(tags[0]!);
  return m ? Number(m[1]) : null;
}
