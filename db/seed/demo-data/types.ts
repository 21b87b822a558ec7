// The shape of the demo data (db/seed/demo.ts seeds it).
import type { Role } from "../../types";

export interface DemoSupplier {
  /** Local number: becomes the external_ref suffix and is what `buyers` refers to. */
  n: number;
  /** The tier the data is drawn for; seedDemo checks computeTiers agrees. */
  tier: 1 | 2 | 3 | 4;
  name: string;
  country: string;
  city: string;
  address: string;
  sector: string;
  goods: string[];
  spend: number;
  workers: number;
  contact: string;
  /** Local numbers of the suppliers this one supplies. */
  buyers?: number[];
  status?: "inactive";
  notes?: string;
}

export interface DemoOrg {
  slug: string;
  name: string;
  refPrefix: string;
  /** Each signs in as <login>@<slug>.test. */
  users: { login: string; role: Role; name: string }[];
  suppliers: DemoSupplier[];
}

/** The note on suppliers located in Xinjiang. */
export const XINJIANG_NOTE = "Located in Xinjiang: goods are presumed barred from US import under the UFLPA unless traced.";
