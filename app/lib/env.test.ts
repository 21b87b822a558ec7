// Without NODE_ENV (a fresh shell running `npm start`) the settings are production's: Secure cookies.
import { afterEach, expect, it } from "vitest";
import { env, resetEnvCache } from "./env.server";

// process.env's types make NODE_ENV required; a fresh shell does not have it.
const unset = (k: string) => delete process.env[k];
const saved = { NODE_ENV: process.env.NODE_ENV, COOKIE_SECURE: process.env.COOKIE_SECURE };
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
