// Imported first by main.ts, before React or Remix are loaded (both read NODE_ENV when loaded).
// The server runs in production mode — no stack traces in responses, Secure session cookies,
// React's production build — unless it is started with --dev (`npm run dev`). NODE_ENV from the
// shell does not switch development on: a leftover `export NODE_ENV=development` must not turn a
// deployment into one that answers with stack traces.
export const DEV = process.argv.includes("--dev");
process.env.NODE_ENV = DEV ? "development" : "production";
