import { z } from "zod";
import { ROLES } from "~/domain/permissions";
import { DOMAIN_PROOF_MAILBOXES, normaliseDomain } from "~/domain/sso/sso";
import { email, MAX_DB_INT } from "./fields";

const id = z.coerce.number({ invalid_type_error: "Invalid id" }).int().positive().max(MAX_DB_INT, "Invalid id");
const printable = (label: string, max: number) =>
  z
    .string({ required_error: `Enter the ${label}` })
    .trim()
    .max(max, `Use at most ${max} characters`)
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "Remove control characters");

export const SsoConfigSchema = z.object({
  intent: z.literal("save-config"),
  issuer: printable("issuer address", 500).pipe(z.string().min(1, "Enter the issuer address")),
  clientId: printable("client id", 300).pipe(z.string().min(1, "Enter the client id")),
  /** Empty keeps the stored secret. */
  clientSecret: printable("client secret", 1000).optional().default(""),
  defaultRole: z.enum(ROLES, { errorMap: () => ({ message: "Choose a role" }) }),
});

const domain = z
  .string({ required_error: "Enter a domain" })
  .max(300, "That domain is too long")
  .transform((v, ctx) => {
    const d = normaliseDomain(v);
    if (!d) ctx.addIssue({ code: z.ZodIssueCode.custom, message: "Enter a domain such as example.com" });
    return d ?? "";
  });

export const SsoActionSchema = z.discriminatedUnion("intent", [
  SsoConfigSchema,
  z.object({ intent: z.literal("test-config") }),
  z.object({ intent: z.literal("add-domain"), domain }),
  z.object({ intent: z.literal("check-dns"), domainId: id }),
  z.object({
    intent: z.literal("mail-domain"),
    domainId: id,
    mailbox: z.enum(DOMAIN_PROOF_MAILBOXES, { errorMap: () => ({ message: "Choose a mailbox" }) }),
  }),
  z.object({ intent: z.literal("remove-domain"), domainId: id }),
  z.object({
    intent: z.literal("require"),
    requireSso: z.enum(["on", "off"], { errorMap: () => ({ message: "Choose on or off" }) }).transform((v) => v === "on"),
    breakGlassUserId: z.union([z.literal(""), id]).transform((v) => (v === "" ? null : v)),
  }),
]);
export type SsoAction = z.infer<typeof SsoActionSchema>;

export const SsoStartSchema = z.object({ email, redirectTo: z.string().max(2000).optional() });

/** What the identity provider sends back to /sso/callback (anything else is ignored). */
export const SsoCallbackSchema = z.object({
  state: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/),
  code: z.string().min(1).max(4000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
});

export const DomainMailTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
