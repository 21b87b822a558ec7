/** "Acme Apparel GmbH & Co." → "acme-apparel-gmbh-co" (ASCII, 2–40 chars, no leading/trailing dash). */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
}

// Words that would shadow routes or confuse people if used as an organization slug.
export const RESERVED_SLUGS = new Set(["new", "admin", "api", "login", "logout", "signup", "settings", "o", "s"]);
