// The products of the e2e database, read straight from the file (tracing and a11y specs).
import { withDb } from "./db";

/** A tenant's product by SKU (the demo T-shirt is TS-CREW-001), or undefined. */
export function productBySku(orgSlug: string, sku: string): { id: number; name: string } | undefined {
  return withDb(
    (db) =>
      db
        .prepare("SELECT p.id, p.name FROM products p JOIN organizations o ON o.id = p.org_id WHERE o.slug = ? AND p.sku = ?")
        .get(orgSlug, sku) as { id: number; name: string } | undefined,
  );
}
