import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "~": path.resolve(__dirname, "app"), "~db": path.resolve(__dirname, "db") } },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts"],
    environment: "node",
    // Integration tests hash passwords (argon2) and run migrations: give them room on 2 cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    env: { LOG_LEVEL: "silent", NODE_ENV: "test" },
    // Kysely's FileMigrationProvider import()s the .ts migrations: run it through Vite's transform.
    server: { deps: { inline: ["kysely"] } },
  },
});
