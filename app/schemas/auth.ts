import { z } from "zod";
import { email, newPassword, orgName, personName } from "./fields";

export const LoginSchema = z.object({
  email,
  password: z.string({ required_error: "Enter your password" }).min(1, "Enter your password").max(200, "Password too long"),
  redirectTo: z.string().max(2000).optional(),
});

export const SignupSchema = z.object({ name: personName, email, password: newPassword, orgName });

export const ForgotPasswordSchema = z.object({ email });

export const ResetPasswordSchema = z
  .object({ password: newPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords differ" });

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(200),
    password: newPassword,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords differ" });

export const AcceptInviteNewAccountSchema = z
  .object({ name: personName, password: newPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords differ" });
