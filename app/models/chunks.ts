// SQLite allows at most 999 bound parameters per statement (older builds): id lists go in chunks.
export const CHUNK = 900;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
