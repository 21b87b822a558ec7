// The organisation profile document: the form on the profile page and the JSON stored in
// organization_profiles.data are both read through this schema, so what is stored is always valid.
import { z } from "zod";
import { isValidIsoDate } from "~/domain/questionnaire";
import { PROFILE_CURRENCIES, TURNOVER_BANDS, type OrgProfile, type TurnoverBand } from "~/domain/org-profile";

const NO_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}: at most ${max} characters`)
    .refine((s) => !NO_CONTROL.test(s), `${label} contains characters that cannot be stored`);

const nullableText = (max: number, label: string) => z.union([text(max, label), z.null(), z.undefined()]).transform((v) => (v ? v : null));

const day = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}: use a date like 2026-03-10`)
    .refine(isValidIsoDate, `${label}: this date does not exist`);

const iso2 = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "Use a two-letter country code such as GB");

const BAND_KEYS = TURNOVER_BANDS.map((b) => b.key) as [TurnoverBand, ...TurnoverBand[]];

export const CoveredEntitySchema = z.object({
  name: text(200, "Entity name").pipe(z.string().min(1, "Give the entity's name")),
  country: iso2,
  registrationNumber: nullableText(60, "Registration number"),
});

export const ProfilePolicySchema = z.object({
  title: text(200, "Policy title").pipe(z.string().min(1, "Give the policy's title")),
  adoptedOn: day("Adopted on"),
  reviewedOn: z.union([day("Last reviewed"), z.null(), z.literal("")]).transform((v) => (v ? v : null)),
  summary: text(2000, "Policy summary"),
  url: z
    .union([z.string().trim().url("Give a full web address, starting with https://").max(500), z.null(), z.literal("")])
    .transform((v) => (v ? v : null)),
});

export const ProfileTrainingSchema = z.object({
  year: z.coerce.number().int("Give a whole year").min(2000, "Choose a year from 2000").max(2100, "Choose a year up to 2100"),
  audience: text(200, "Audience").pipe(z.string().min(1, "Say who was trained")),
  topic: text(200, "Topic").pipe(z.string().min(1, "Say what the training covered")),
  people: z.coerce.number().int("Give a whole number of people").min(0, "People trained cannot be negative").max(10_000_000),
});

export const OrgProfileSchema = z.object({
  legalName: text(200, "Legal name").pipe(z.string().min(1, "Give the organisation's legal name")),
  structure: text(10_000, "Structure"),
  headquartersCountry: z.union([iso2, z.null(), z.literal("")]).transform((v) => (v ? v : null)),
  sectors: z.array(text(100, "Sector").pipe(z.string().min(1))).max(30, "At most 30 sectors"),
  employees: z.union([z.coerce.number().int().min(0).max(10_000_000), z.null()]),
  turnoverBand: z.union([z.enum(BAND_KEYS), z.null()]),
  turnoverCurrency: z.enum(PROFILE_CURRENCIES),
  financialYearEnd: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "Give the financial year's last day as mm-dd, e.g. 12-31")
    .refine((md) => isValidIsoDate(`2024-${md}`), "This day does not exist"),
  entities: z.array(CoveredEntitySchema).max(200, "At most 200 entities"),
  policies: z.array(ProfilePolicySchema).max(100, "At most 100 policies"),
  training: z.array(ProfileTrainingSchema).max(500, "At most 500 training rows"),
  consultation: text(10_000, "Consultation"),
}) satisfies z.ZodType<OrgProfile, z.ZodTypeDef, unknown>;
