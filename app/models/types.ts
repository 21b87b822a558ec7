import type { Kysely, Transaction } from "kysely";
import type { Database } from "~db/types";

/** A model function accepts the client or an open transaction. */
export type DbOrTrx = Kysely<Database> | Transaction<Database>;
