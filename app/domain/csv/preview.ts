// What a check of a supplier CSV shows before anything is written: counts, the new suppliers, the
// fields that would change (before → after, written or kept by the update policy), sample rows, how
// each country value was read, the conflicts the officer decides and every problem. The services
// build it (services/import-check.server.ts) and the check page renders it (components/import-*).
import type { FieldKey } from "./fields";
import type { UpdatePolicy } from "./policy";
import type { Conflict, CountryReading, RowIssue } from "./row";

export interface ListedSupplier {
  line: number;
  ref: string | null;
  name: string;
  country: string;
}

export interface FieldChange {
  field: FieldKey;
  before: string;
  after: string;
}

export interface ChangedSupplier extends ListedSupplier {
  /** What the import writes. */
  changes: FieldChange[];
  /** Differences the update policy leaves as they are in Lantern. */
  kept: FieldChange[];
}

export interface ImportPreview {
  /** Data rows in the file. */
  fileRows: number;
  /** Valid rows, repeats counted once. */
  rows: number;
  new: number;
  changed: number;
  unchanged: number;
  links: number;
  errors: RowIssue[];
  errorCount: number;
  warnings: RowIssue[];
  warningCount: number;
  fileError?: string;
  mappedFields: FieldKey[];
  policy?: UpdatePolicy;
  /** New suppliers (the first MAX_LISTED, file order). */
  newList?: ListedSupplier[];
  /** Existing suppliers the file differs from, with the changes written and kept (the first MAX_LISTED). */
  changedList?: ChangedSupplier[];
  /** Existing suppliers with differences the policy does not write. */
  keptSuppliers?: number;
  /** Per field: suppliers whose non-empty value the import replaces. */
  overwrites?: Partial<Record<FieldKey, number>>;
  /** Per field: suppliers whose differing value the policy keeps. */
  keptFields?: Partial<Record<FieldKey, number>>;
  /** The first rows as they will be stored (field label → value). */
  samples?: Array<Array<{ field: FieldKey; value: string }>>;
  countries?: CountryReading[];
  conflicts?: Conflict[];
  conflictCount?: number;
  unresolvedConflicts?: number;
  /** Digest of what the commit would write, to notice that the data moved since the check. */
  outcome?: string;
  /** Set when a commit was refused because its outcome differed from the approved check. */
  staleNotice?: string;
}
