import { z } from "zod";
import { ROLES } from "~/domain/permissions";
import { email, MAX_DB_INT } from "./fields";

const role = z.enum(ROLES, { errorMap: () => ({ message: "Choose a role" }) });
const id = z.coerce.number({ invalid_type_error: "Invalid id" }).int().positive().max(MAX_DB_INT, "Invalid id");

export const InviteMemberSchema = z.object({ intent: z.literal("invite"), email, role });
export const ChangeRoleSchema = z.object({ intent: z.literal("change-role"), userId: id, role });
export const RemoveMemberSchema = z.object({ intent: z.literal("remove"), userId: id });
export const RevokeInviteSchema = z.object({ intent: z.literal("revoke-invite"), inviteId: id });
export const ResendInviteSchema = z.object({ intent: z.literal("resend-invite"), inviteId: id });

export const MembersActionSchema = z.discriminatedUnion("intent", [
  InviteMemberSchema,
  ChangeRoleSchema,
  RemoveMemberSchema,
  RevokeInviteSchema,
  ResendInviteSchema,
]);
