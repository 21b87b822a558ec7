// FROZEN: never edit a migration that has shipped; add a new one instead.
// A supplier is one site; brand factory lists give its position as latitude/longitude (WGS 84,
// decimal degrees). Both are null until known; the application keeps them in range
// (latitude -90..90, longitude -180..180) and sets both or neither.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("suppliers").addColumn("latitude", "double precision").execute();
  await db.schema.alterTable("suppliers").addColumn("longitude", "double precision").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("suppliers").dropColumn("longitude").execute();
  await db.schema.alterTable("suppliers").dropColumn("latitude").execute();
}
