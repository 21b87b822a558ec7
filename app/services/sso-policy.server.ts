// Whether a password may be used by an account under single sign-on: used by log-in and password reset.
import type { DbOrTrx } from "~/models/types";
import { SSO_ONLY_PASSWORD_HASH, passwordRefused } from "~/domain/sso/sso";
import { ssoRequirementsOf } from "~/models/sso.server";

/** Call as system (the account flows run before a tenant is known). */
export async function passwordRefusedFor(db: DbOrTrx, user: { id: number; password_hash: string }): Promise<boolean> {
  return passwordRefused({ ssoOnly: user.password_hash === SSO_ONLY_PASSWORD_HASH }, await ssoRequirementsOf(db, user.id));
}

export const SSO_REQUIRED_MESSAGE =
  'Your organisation requires single sign-on: a password does not let you in. Use "Sign in with single sign-on" with your work email.';
