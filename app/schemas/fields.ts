import { z } from "zod";

export const email = z
  .string({ required_error: "Enter your email address" })
  .trim()
  .min(1, "Enter your email address")
  .max(254, "That email address is too long")
  .email("Enter a valid email address")
  .transform((v) => v.toLowerCase());

// NIST 800-63B: length matters, composition rules do not. Upper bound keeps hashing cheap.
export const newPassword = z
  .string({ required_error: "Choose a password" })
  .min(10, "Use at least 10 characters")
  .max(200, "Use at most 200 characters");

export const personName = z
  .string({ required_error: "Enter your name" })
  .trim()
  .min(1, "Enter your name")
  .max(120, "Use at most 120 characters")
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "Remove control characters");

export const orgName = z
  .string({ required_error: "Enter your organization's name" })
  .trim()
  .min(2, "Use at least 2 characters")
  .max(120, "Use at most 120 characters")
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "Remove control characters")
  .refine((v) => /[\p{L}\p{N}]/u.test(v), "Use at least one letter or digit");

/**
 * The largest value of the database's integer columns (ids, versions, revisions). A larger number
 * from a URL or a form names nothing, and PostgreSQL refuses it outright (a 500, not a 404).
 */
export const MAX_DB_INT = 2_147_483_647;

/** Whether a URL or form value is a database id: digits, no sign or leading zero, within MAX_DB_INT. */
export function isDbId(raw: string | null | undefined): raw is string {
  return typeof raw === "string" && /^[1-9]\d{0,9}$/.test(raw) && Number(raw) <= MAX_DB_INT;
}
