import { z } from "zod";

const boolish = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const EnvSchema = z
  .object({
    /** Production unless said otherwise: the server itself sets it (app/server/mode.ts; --dev for development). */
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default("127.0.0.1"),
    DATABASE_URL: z.string().min(1).default("file:./data/lantern.db"),
    /** Public base URL used in mailed links, e.g. https://lantern.example.com (default http://localhost:PORT). */
    APP_URL: z.string().url().optional(),
    /** smtp://user:pass@host:587 or smtps://…; without it mail stays in the outbox (admins see recipients and subjects, never links). */
    SMTP_URL: z.string().url().optional(),
    /**
     * Development only: without SMTP, print account mail (sign-up, password reset) with its link to the
     * server log. Ignored in production.
     */
    MAIL_LOG_LINKS: boolish.default("false"),
    MAIL_FROM: z.string().min(3).default("Lantern <no-reply@lantern.invalid>"),
    /** Secure cookies; defaults to true in production. Set false only to serve production over plain http on a LAN. */
    COOKIE_SECURE: boolish.optional(),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .default(8 * 60),
    SESSION_ABSOLUTE_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .default(7 * 24),
    /**
     * The load balancers whose X-Forwarded-For / X-Forwarded-Proto are believed: "false" (none, the
     * default), or a comma-separated list of addresses, CIDR ranges or "loopback" / "uniquelocal"
     * (e.g. "10.0.0.5" or "loopback"). "true" or "1" mean "loopback" (a balancer on the same machine):
     * forwarded addresses from anyone else are ignored, so a client cannot pose as another address.
     */
    TRUST_PROXY: z
      .string()
      .trim()
      .default("false")
      .transform((v) => (["false", "0", ""].includes(v) ? [] : ["true", "1"].includes(v) ? ["loopback"] : v.split(/\s*,\s*/)))
      .pipe(
        z.array(z.string().regex(/^(loopback|uniquelocal|linklocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/, "an address, a CIDR range or loopback")),
      ),
    /**
     * A long random server secret (at least 32 characters, e.g. `openssl rand -base64 48`). When set, the
     * identity-provider client secrets of single sign-on are stored encrypted with a key derived from it
     * (AES-256-GCM); without it they are stored as entered and the server warns at start. Every app server
     * needs the same value; changing it makes the stored secrets unreadable (admins enter them again).
     */
    SECRET_KEY: z.string().min(32, "at least 32 characters").optional(),
    /**
     * TEST ONLY. Lets single sign-on talk to an identity provider over plain http when its issuer is on
     * loopback (127.0.0.1, ::1, localhost): the tests run a provider in-process. Never set it in
     * production; the server warns at start when it is on.
     */
    SSO_ALLOW_HTTP_LOOPBACK: boolish.default("false"),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    /** Where evidence files are stored (outside public/). Several app servers must share it. */
    EVIDENCE_DIR: z.string().min(1).default("./data/evidence"),
    /**
     * Several app servers (docs/deploy.md): a server working on an import step or a risk job refreshes its
     * claim every JOB_HEARTBEAT_MS; another server takes the claim over once it is older than JOB_LEASE_MS.
     */
    JOB_LEASE_MS: z.coerce.number().int().min(1000).default(60_000),
    JOB_HEARTBEAT_MS: z.coerce.number().int().min(200).default(15_000),
    /**
     * Periods of the periodic jobs (app/server/jobs.ts) other than their defaults, e.g.
     * "reminders=60000,staleness=60000" (milliseconds): for a test cluster that must see them run.
     */
    JOB_PERIODS: z
      .string()
      .default("")
      .transform((v) =>
        v
          .split(",")
          .map((p) => p.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(/^[a-z-]+=\d{3,}$/, "name=milliseconds (at least 100)")))
      .transform((pairs) => Object.fromEntries(pairs.map((p) => [p.split("=")[0]!, Number(p.split("=")[1])])) as Record<string, number>),
    /** On SIGTERM: how long requests in flight and a running job may take before the server exits anyway. */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
    /** Load shedding (app/server/shed.ts): requests running at once; 0 turns shedding off. */
    SHED_MAX_INFLIGHT: z.coerce.number().int().min(0).default(24),
    /** Requests that may wait for a slot beyond those; more are answered 503 at once. */
    SHED_QUEUE: z.coerce.number().int().min(0).default(48),
    /** A waiting request is answered 503 after this many milliseconds. */
    SHED_QUEUE_MS: z.coerce.number().int().min(1).default(2000),
    /** New requests are answered 503 while the mean event-loop delay exceeds this (ms); 0 turns the check off. */
    SHED_MAX_LAG_MS: z.coerce.number().int().min(0).default(300),
    /**
     * TEST ONLY — never set in production. Exact origins (e.g. "http://127.0.0.1:3431", comma-separated)
     * of a test's webhook receiver: only these may be plain http or a loopback/private address, which
     * webhooks otherwise refuse (SSRF protection). The server logs a warning at start when it is set.
     */
    WEBHOOK_TEST_ALLOW_ORIGINS: z
      .string()
      .default("")
      .transform((v) =>
        v
          .split(",")
          .map((p) => p.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z.string().refine((o) => {
            try {
              return new URL(o).origin === o;
            } catch {
              return false;
            }
          }, "an exact origin such as http://127.0.0.1:3431 (scheme, host and port; no path)"),
        ),
      ),
    /** REST API (decision 0013): calls one API key may make per minute, per server process. */
    API_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(600),
  })
  .refine((e) => e.JOB_HEARTBEAT_MS * 2 <= e.JOB_LEASE_MS, {
    message: "JOB_HEARTBEAT_MS must be at most half of JOB_LEASE_MS (a claim would lapse between two heartbeats)",
    path: ["JOB_HEARTBEAT_MS"],
  });

export type Env = z.infer<typeof EnvSchema> & { cookieSecure: boolean; appUrl: string };

let cached: Env | undefined;

/** Parses process.env once; a bad value stops the process at start-up with a readable message. */
export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  cached = {
    ...e,
    cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === "production",
    appUrl: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
  };
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}
