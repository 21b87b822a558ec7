// Without NODE_ENV (a fresh shell running `npm start`) the settings are production's: Secure cookies.
import { afterEach, expect, it } from "vitest";
import { env, resetEnvCache } from "./env.server";

// process.env's types make NODE_ENV required; a fresh shell does not have it.
const unset = (k: string) => delete process.env[k];
const saved = {
  NODE_ENV: process.env.NODE_ENV,
  COOKIE_SECURE: process.env.COOKIE_SECURE,
  TRUST_PROXY: process.env.TRUST_PROXY,
  JOB_LEASE_MS: process.env.JOB_LEASE_MS,
  JOB_HEARTBEAT_MS: process.env.JOB_HEARTBEAT_MS,
  JOB_PERIODS: process.env.JOB_PERIODS,
};
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) unset(k);
    else process.env[k] = v;
  }
  resetEnvCache();
});

it("defaults to production, with Secure cookies, when NODE_ENV is unset", () => {
  unset("NODE_ENV");
  unset("COOKIE_SECURE");
  resetEnvCache();
  expect(env().NODE_ENV).toBe("production");
  expect(env().cookieSecure).toBe(true);
});

it("lets COOKIE_SECURE=false serve production over plain http on a LAN, and development go without", () => {
  process.env.NODE_ENV = "production";
  process.env.COOKIE_SECURE = "false";
  resetEnvCache();
  expect(env().cookieSecure).toBe(false);
  process.env.NODE_ENV = "development";
  unset("COOKIE_SECURE");
  resetEnvCache();
  expect(env().cookieSecure).toBe(false);
});

it("trusts forwarded addresses only from the load balancers named in TRUST_PROXY", () => {
  const trusted = (v: string | undefined) => {
    if (v === undefined) unset("TRUST_PROXY");
    else process.env.TRUST_PROXY = v;
    resetEnvCache();
    return env().TRUST_PROXY;
  };
  expect(trusted(undefined)).toEqual([]);
  expect(trusted("false")).toEqual([]);
  // "true" once meant every peer; now it means a balancer on the same machine.
  expect(trusted("true")).toEqual(["loopback"]);
  expect(trusted("10.0.0.5, 10.0.1.0/24")).toEqual(["10.0.0.5", "10.0.1.0/24"]);
  expect(() => trusted("everyone")).toThrow(/TRUST_PROXY/);
});

it("refuses a heartbeat so slow that a claim would lapse between two beats", () => {
  process.env.JOB_LEASE_MS = "10000";
  process.env.JOB_HEARTBEAT_MS = "6000";
  resetEnvCache();
  expect(() => env()).toThrow(/JOB_HEARTBEAT_MS must be at most half of JOB_LEASE_MS/);
  process.env.JOB_HEARTBEAT_MS = "5000";
  resetEnvCache();
  expect(env().JOB_LEASE_MS).toBe(10_000);
});

it("takes other periods for named periodic jobs, and refuses a malformed list", () => {
  process.env.JOB_PERIODS = "reminders=60000, staleness=30000";
  resetEnvCache();
  expect(env().JOB_PERIODS).toEqual({ reminders: 60_000, staleness: 30_000 });
  process.env.JOB_PERIODS = "reminders=soon";
  resetEnvCache();
  expect(() => env()).toThrow(/JOB_PERIODS/);
});
