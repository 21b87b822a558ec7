// The role × action matrix. The server guards every loader/action with `can`, and the UI uses the
// same function to hide controls a role cannot use — one source of truth for both.

export const ROLES = ["admin", "compliance", "executive"] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  "org.view",
  "members.view",
  "members.manage",
  "audit.view",
  "outbox.view",
  "suppliers.view",
  "suppliers.edit",
  "suppliers.import",
  "assessments.view",
  "assessments.manage",
  "assessments.review",
  "actions.view",
  "actions.edit",
  "risk.view",
  "methodology.edit",
  "review.settings",
  "reports.view",
  // Worker-voice cases and their notes: admins and compliance officers only (executives see counts).
  "grievances.handle",
  // Worker-voice settings of the organisation (how long closed cases are kept): admins only.
  "grievances.settings",
  // Yearly statements (UK, Australia, Canada, LkSG/CSDDD): everyone reads them; admins and compliance
  // officers draft and edit; only an admin records the board approval and publishes.
  "statements.view",
  "statements.edit",
  "statements.approve",
  // The organisation profile statements draw on (structure, sectors, policies, training): admins and
  // compliance officers.
  "profile.edit",
  // Products, their bills of materials and tracing packs.
  "products.view",
  "products.edit",
  // Screening candidates against regulators' lists: an officer confirms or dismisses each one.
  "screening.review",
  // Connecting other systems: API keys, webhook subscriptions and single sign-on. Admins only: a key
  // or a sign-on setting acts for the whole organisation.
  "integrations.manage",
] as const;
export type Action = (typeof ACTIONS)[number];

const READ: Action[] = ACTIONS.filter((a) => a.endsWith(".view"));

const MATRIX: Record<Role, ReadonlySet<Action>> = {
  admin: new Set<Action>(ACTIONS),
  compliance: new Set<Action>([
    ...READ.filter((a) => a !== "audit.view" && a !== "outbox.view"),
    "suppliers.edit",
    "suppliers.import",
    "assessments.manage",
    "assessments.review",
    "actions.edit",
    "grievances.handle",
    "statements.edit",
    "profile.edit",
    "products.edit",
    "screening.review",
  ]),
  // Executives are read-only everywhere (and do not read the audit log or the outbox).
  executive: new Set<Action>(READ.filter((a) => a !== "audit.view" && a !== "outbox.view")),
};

export function can(role: Role, action: Action): boolean {
  return MATRIX[role].has(action);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  compliance: "Compliance officer",
  executive: "Executive (read-only)",
};
