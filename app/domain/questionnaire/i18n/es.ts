// Placeholder: the translator replaces this file with the full catalogue (same keys as en.ts).
// Missing keys fall back to English at run time.
import type { Catalogue } from "./catalogue";

export const es: Catalogue = {};
