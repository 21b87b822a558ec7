// Password hashing with argon2id (@node-rs/argon2: a maintained Rust binding shipped as a prebuilt
// package for each platform, so nothing compiles or downloads at install time).
import { hash, verify } from "@node-rs/argon2";

// OWASP 2024 minimums for argon2id: m=19 MiB, t=2, p=1.
const OPTIONS = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum, not importable under isolatedModules) */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never authenticates
  }
}

// Verifying against this when no user exists keeps the timing of "no such account" and
// "wrong password" alike, so response time does not reveal whether an email has an account.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("lantern-dummy-password-for-timing");
  await verifyPassword(await dummyHash, password);
  return false;
}
