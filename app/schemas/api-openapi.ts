// The OpenAPI 3.1 document of the REST API, generated from the zod schemas the routes parse with
// (schemas/api.ts, the supplier form's, the import's). Served at /api/v1/openapi.json and rendered
// at /api/v1/docs; app/routes/api-openapi.test.ts fails when a route and this document disagree.
import { z } from "zod";
import { OpenAPIRegistry, OpenApiGeneratorV31, extendZodWithOpenApi, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { SupplierApiSchema, SupplierPatchSchema, SUPPLIER_STATUSES } from "./supplier";
import {
  ApiActionListQuerySchema,
  ApiAssessmentStartSchema,
  ApiGrievanceQuerySchema,
  ApiLinkSchema,
  ApiSupplierListQuerySchema,
  BulkUpsertSchema,
  IdParamsSchema,
} from "./api";

extendZodWithOpenApi(z);

const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ pointer: z.string(), detail: z.string(), row: z.number().int().optional() })).optional(),
  })
  .describe("RFC 9457 problem details (application/problem+json)");

const nullableText = z.string().nullable();
const Supplier = z.object({
  id: z.number().int(),
  externalRef: nullableText,
  name: z.string(),
  country: z.string().describe("ISO 3166 two-letter code"),
  address: nullableText,
  city: nullableText,
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  sector: nullableText,
  goods: z.array(z.string()),
  annualSpend: z.number().nullable(),
  currency: nullableText,
  workersCount: z.number().int().nullable(),
  contactName: nullableText,
  contactEmail: nullableText,
  osId: nullableText,
  duns: nullableText,
  lei: nullableText,
  taxId: nullableText,
  notes: nullableText,
  status: z.enum(SUPPLIER_STATUSES),
  tier: z.number().int().nullable(),
  version: z.number().int().describe('Also the ETag: "v<version>"'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const SupplierListItem = Supplier.pick({
  id: true,
  externalRef: true,
  name: true,
  country: true,
  city: true,
  sector: true,
  tier: true,
  status: true,
}).extend({ annualSpend: z.number().nullable(), currency: nullableText, riskScore: z.number().nullable(), riskBand: nullableText });
const SupplierPage = z.object({
  data: z.array(SupplierListItem),
  next_cursor: z.string().nullable().describe("Pass as cursor for the next page; null on the last"),
});
const BulkResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  links: z.number().int(),
  tiersChanged: z.number().int(),
  ms: z.number(),
});
const Risk = z.object({
  supplierId: z.number().int(),
  score: z
    .object({
      value: z.number(),
      band: z.enum(["low", "medium", "high", "critical"]),
      computedAt: z.string(),
      modelVersion: z.string(),
      methodologyVersion: z.number().int(),
      referenceEdition: z.string(),
      summary: z.array(z.string()).describe("The score explained in plain sentences"),
      explanation: z.array(z.string()).describe("The arithmetic, line by line"),
      breakdown: z.record(z.unknown()).describe("Every part of the score with the data it cites"),
    })
    .nullable()
    .describe("null until the supplier is scored"),
});
const Action = z.object({
  id: z.number().int(),
  title: z.string(),
  supplierId: z.number().int(),
  supplierName: z.string(),
  source: z.string(),
  status: z.string(),
  indicator: nullableText,
  severity: nullableText,
  dueAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  overdue: z.boolean(),
});
const SmallCount = z.union([z.number().int(), z.literal("fewer than 5")]);
const GrievanceCounts = z.object({
  total: SmallCount,
  open: SmallCount,
  byCategory: z.array(z.object({ category: z.string(), total: SmallCount })),
});
const Assessment = z.object({
  id: z.number().int(),
  supplierId: z.number().int(),
  status: z.string(),
  language: z.string(),
  dueAt: nullableText,
  createdAt: z.string(),
  sentAt: nullableText,
  submittedAt: nullableText,
  approvedAt: nullableText,
  validUntil: nullableText,
  answers: z.array(z.object({ questionKey: z.string(), value: z.unknown(), comment: nullableText, updatedAt: z.string() })),
});

const LinkedSupplier = z.object({
  id: z.number().int(),
  externalRef: nullableText,
  name: z.string(),
  country: z.string(),
  tier: z.number().int().nullable(),
});
const SupplyLinks = z.object({
  supplierId: z.number().int(),
  buyers: z.array(LinkedSupplier).describe("Whom this supplier sells to; none: it supplies your organisation directly (tier 1)"),
  suppliers: z.array(LinkedSupplier).describe("Who sells to this supplier"),
});

const problemContent = { "application/problem+json": { schema: Problem } };
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });
const problems = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { description: PROBLEM_TEXT[c] ?? "Problem", content: problemContent }]));
const PROBLEM_TEXT: Record<number, string> = {
  400: "The request or its body is not valid (errors per field)",
  401: "No valid key (missing, unknown, revoked or expired)",
  403: "The key may not do this (a read key on a write)",
  404: "Not found (or another organisation's)",
  409: "Conflict",
  412: "If-Match names an older version",
  415: "The body is not JSON",
  422: "Idempotency-Key reused with another body, or rows that did not validate",
  428: "If-Match is missing",
  429: "Rate limit reached (see Retry-After)",
};
const COMMON = [400, 401, 403, 429];
const idempotencyHeader = z.object({ "Idempotency-Key": z.string().max(200).optional() });
const ifMatchHeader = z.object({ "If-Match": z.string().describe("The ETag read with GET, or *") });
const body = <T extends z.ZodTypeAny>(schema: T) => ({ content: { "application/json": { schema } }, required: true });

/** Every operation of the API: path (OpenAPI style), method, and what it takes and answers. */
export const API_OPERATIONS: RouteConfig[] = [
  {
    method: "get",
    path: "/api/v1/suppliers",
    summary: "List suppliers with the supplier list's filters",
    request: { query: ApiSupplierListQuerySchema },
    responses: { 200: json(SupplierPage, "A page of suppliers"), ...problems(...COMMON) },
  },
  {
    method: "post",
    path: "/api/v1/suppliers",
    summary: "Create a supplier",
    request: { headers: idempotencyHeader, body: body(SupplierApiSchema) },
    responses: { 201: json(Supplier, "The new supplier (ETag header)"), ...problems(...COMMON, 409, 415, 422) },
  },
  {
    method: "get",
    path: "/api/v1/suppliers/{id}",
    summary: "One supplier",
    request: { params: IdParamsSchema },
    responses: { 200: json(Supplier, "The supplier (ETag header)"), ...problems(...COMMON, 404) },
  },
  {
    method: "patch",
    path: "/api/v1/suppliers/{id}",
    summary: "Change some fields of a supplier (null clears a field)",
    request: { params: IdParamsSchema, headers: ifMatchHeader, body: body(SupplierPatchSchema) },
    responses: { 200: json(Supplier, "The changed supplier (new ETag)"), ...problems(...COMMON, 404, 409, 412, 415, 428) },
  },
  {
    method: "post",
    path: "/api/v1/suppliers/bulk",
    summary: "Upsert suppliers by reference: all rows or none, with the CSV import's checks and update policy",
    request: { headers: idempotencyHeader, body: body(BulkUpsertSchema) },
    responses: { 200: json(BulkResult, "What was written"), ...problems(...COMMON, 409, 413, 415, 422) },
  },
  {
    method: "get",
    path: "/api/v1/suppliers/{id}/risk",
    summary: "A supplier's current risk score with its explanation",
    request: { params: IdParamsSchema },
    responses: { 200: json(Risk, "The score, or null before the first"), ...problems(...COMMON, 404) },
  },
  {
    method: "get",
    path: "/api/v1/suppliers/{id}/links",
    summary: "Whom a supplier sells to and who sells to it",
    request: { params: IdParamsSchema },
    responses: { 200: json(SupplyLinks, "The links"), ...problems(...COMMON, 404) },
  },
  {
    method: "post",
    path: "/api/v1/suppliers/{id}/links",
    summary: "Record that this supplier sells to another (loops are refused; tiers follow)",
    request: { params: IdParamsSchema, headers: idempotencyHeader, body: body(ApiLinkSchema) },
    responses: { 201: json(SupplyLinks, "The links after the change"), ...problems(...COMMON, 404, 409, 415, 422) },
  },
  {
    method: "get",
    path: "/api/v1/actions",
    summary: "Corrective actions",
    request: { query: ApiActionListQuerySchema },
    responses: {
      200: json(z.object({ data: z.array(Action), next_cursor: z.string().nullable() }), "A page of actions"),
      ...problems(...COMMON),
    },
  },
  {
    method: "get",
    path: "/api/v1/actions/{id}",
    summary: "One corrective action",
    request: { params: IdParamsSchema },
    responses: { 200: json(Action, "The action"), ...problems(...COMMON, 404) },
  },
  {
    method: "post",
    path: "/api/v1/assessments",
    summary: "Start an assessment for a supplier",
    request: { headers: idempotencyHeader, body: body(ApiAssessmentStartSchema) },
    responses: { 201: json(Assessment, "The new assessment"), ...problems(...COMMON, 404, 409, 415, 422) },
  },
  {
    method: "get",
    path: "/api/v1/assessments/{id}",
    summary: "An assessment's status and answers (read-only)",
    request: { params: IdParamsSchema },
    responses: { 200: json(Assessment, "The assessment"), ...problems(...COMMON, 404) },
  },
  {
    method: "get",
    path: "/api/v1/grievances/counts",
    summary: 'Worker-voice cases as counts only (under 5: "fewer than 5")',
    request: { query: ApiGrievanceQuerySchema },
    responses: { 200: json(GrievanceCounts, "Counts"), ...problems(...COMMON, 404) },
  },
];

let cached: ReturnType<OpenApiGeneratorV31["generateDocument"]> | undefined;

/** The document (built once per process). */
export function openApiDocument() {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description: "An API key created by an admin under Settings → API keys (lnt_…)",
  });
  for (const op of API_OPERATIONS) registry.registerPath({ ...op, security: [{ [bearer.name]: [] }] });
  cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Lantern API",
      version: "1.0.0",
      description:
        "Suppliers in, risk out. JSON only; errors are RFC 9457 problem details; POSTs accept an Idempotency-Key; " +
        "each key has a rate limit per minute, announced in the RateLimit and RateLimit-Policy headers.",
    },
    servers: [{ url: "/" }],
  });
  return cached;
}
