// Hostile input for fuzz tests of route actions and loaders: a seeded PRNG (a failure reproduces with
// FUZZ_SEED=<seed>), payload families (huge, control characters, broken UTF-16, RTL/zero-width, SQL,
// HTML/JS, CSV formulas, wrong types), form builders (repeated keys, missing fields, thousands of
// fields) and request bodies in the wrong shape (text/plain, JSON, malformed multipart, raw bytes).

/** mulberry32: small, fast and good enough to pick payloads; the same seed gives the same run. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    chance: (p: number) => next() < p,
    pick: <T>(list: readonly T[]): T => list[int(list.length)]!,
  };
}
export type Rng = ReturnType<typeof prng>;

/** The seed of a run that nobody asked to vary: CI and `npm test` fuzz the same cases every time. */
export const DEFAULT_FUZZ_SEED = 20_261_129;

/**
 * FUZZ_SEED from the environment (a number, or "random" for a fresh one: printed by the test so a
 * failure can be replayed), else the fixed default.
 */
export function fuzzSeed(): number {
  const raw = process.env.FUZZ_SEED;
  if (raw === "random") return (Date.now() % 2_147_483_647) + 1;
  const env = Number(raw);
  return Number.isInteger(env) && env > 0 ? env : DEFAULT_FUZZ_SEED;
}

export const SCRIPT = "<script>alert(1)</script>";
export const IMG_ONERROR = '"><img src=x onerror=alert(1)>';

export const HTML_PAYLOADS = [
  SCRIPT,
  IMG_ONERROR,
  "javascript:alert(1)",
  "<svg/onload=alert(1)>",
  "</textarea><script>alert(1)</script>",
  "{{7*7}}${7*7}",
];
export const SQL_PAYLOADS = [
  "' OR 1=1--",
  "'); DROP TABLE suppliers;--",
  '" OR ""="',
  "1; SELECT pg_sleep(0)--",
  "%' AND 1=0 UNION SELECT name FROM sqlite_master--",
  "\\'; --",
];
export const CSV_PAYLOADS = [
  '=HYPERLINK("http://evil.example","x")',
  "+1+1",
  "-2+3",
  "@SUM(A1:A2)",
  "=cmd|' /C calc'!A0",
  "\t=1+1",
  "\uFF1D1+1",
];
export const UNICODE_PAYLOADS = [
  "\u202Eevil\u202C.pdf",
  "a\u200Bb\u200Cc\u200Dd\uFEFF",
  "\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627",
  "e\u0301\u0301\u0301\u0301",
  "\u{1F4A9}\u{1F468}\u200D\u{1F469}\u200D\u{1F467}",
  "\uFFFD\uFFFE\uFFFF",
];
export const BROKEN_UTF16 = ["\uD800", "abc\uDC00def", "\uDBFF\uDBFF", "x\uD83D"];
export const CONTROL_PAYLOADS = [
  "\u0000",
  "a\u0000b",
  "\u0001\u0002\u0003\u001b[31m",
  "line\r\nInjected: header",
  "\u007f\u0008",
  "\t\v\f",
];
/** Numbers and types where the form expects something else; none is a plausible id, version or revision. */
export const WRONG_TYPES = [
  "NaN",
  "1e309",
  "-1",
  "0",
  "-0",
  "1.5",
  "99999999999999999999999",
  "0x10",
  "Infinity",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  '{"a":1}',
  '{"__proto__":{"admin":true}}',
  "[1,2,3]",
  " ",
  "",
  "9007199254740993",
  "2147483648",
  "4294967297",
  "99999999999999",
  "1e23",
  "2026-02-30",
  "0000-00-00",
  "9999-99-99",
  "1969-12-31",
  "2026-1-1",
];

const FAMILIES: ReadonlyArray<readonly string[]> = [
  HTML_PAYLOADS,
  SQL_PAYLOADS,
  CSV_PAYLOADS,
  UNICODE_PAYLOADS,
  BROKEN_UTF16,
  CONTROL_PAYLOADS,
  WRONG_TYPES,
];

/** One hostile value: from a family, or generated (very long, random code points, a mix). */
export function payload(rng: Rng): string {
  const r = rng.next();
  if (r < 0.04) return rng.pick(["A", "\u00e9", "<", "'", "\u{1F600}"]).repeat(100_000); // very long (100k code units or more)
  if (r < 0.12) return randomText(rng, 1 + rng.int(300));
  if (r < 0.2) return `${rng.pick(HTML_PAYLOADS)}${rng.pick(SQL_PAYLOADS)}${rng.pick(UNICODE_PAYLOADS)}`;
  return rng.pick(rng.pick(FAMILIES));
}

/** Random code units, lone surrogates and control characters included. */
export function randomText(rng: Rng, length: number): string {
  let s = "";
  for (let i = 0; i < length; i++) {
    const kind = rng.int(5);
    s += String.fromCharCode(
      kind === 0 ? rng.int(0x20) : kind === 1 ? 0xd800 + rng.int(0x800) : kind === 2 ? rng.int(0x10000) : 0x20 + rng.int(0x5f),
    );
  }
  return s;
}

export type Entries = Array<[string, string]>;

let serial = 0;
/** "{n}" in a plausible value becomes a fresh number, so unique values (names, references) stay valid case after case. */
const fresh = (v: string) => (v.includes("{n}") ? v.replaceAll("{n}", String(++serial)) : v);

/**
 * A fuzzed form for one intent. `fields` maps each field the route reads to plausible values (may be
 * empty); each field is omitted, plausible, hostile or repeated (an array). Sometimes extra random
 * keys are added, or thousands of them.
 */
export function fuzzForm(rng: Rng, intent: string | null, fields: Readonly<Record<string, readonly string[]>>): Entries {
  const out: Entries = [];
  if (intent !== null) out.push(["intent", intent]);
  const names = Object.keys(fields);
  if (names.length && rng.chance(0.35)) {
    // A valid form (each field's first plausible value) with one field broken: reaches the service and the database.
    const broken = rng.pick(names);
    for (const name of names) {
      const first = fields[name]![0] === undefined ? undefined : fresh(fields[name]![0]!);
      if (name !== broken) {
        if (first !== undefined) out.push([name, first]);
      } else if (rng.chance(0.5) || first === undefined) out.push([name, payload(rng)]);
      else out.push([name, `${first}${rng.pick(["\u0000", "\uD800", SCRIPT, "' OR 1=1--", "\u202E", " ".repeat(300)])}`]);
    }
    return out;
  }
  for (const [name, plausible] of Object.entries(fields)) {
    const r = rng.next();
    if (r < 0.12) continue; // missing
    if (r < 0.34 && plausible.length) out.push([name, fresh(rng.pick(plausible))]);
    else if (r < 0.44 && plausible.length)
      // nearly valid
      out.push([name, `${fresh(rng.pick(plausible))}${rng.pick(["\u0000", "\uD800", SCRIPT, "' OR 1=1--", " ".repeat(300)])}`]);
    else out.push([name, payload(rng)]);
    if (rng.chance(0.08)) out.push([name, payload(rng)]); // repeated key: an array
  }
  if (rng.chance(0.1))
    out.push([rng.pick(["__proto__", "constructor", "prototype.x", "a.b.c.d", "overrides.99999999.iso2", "x[]", ""]), payload(rng)]);
  if (rng.chance(0.02)) for (let i = 0; i < 5000; i++) out.push([`f${i}`, String(i)]); // huge numbers of fields
  if (rng.chance(0.03)) out.push(["intent", payload(rng)]); // a second, hostile intent
  return out;
}

/**
 * The systematic part: the valid base form with one field at a time made hostile in the ways a
 * database refuses or mangles (a NUL byte, a lone surrogate, a number past 32 bits), every field.
 */
export function sweepForms(intent: string | null, fields: () => Readonly<Record<string, readonly string[]>>): Entries[] {
  const out: Entries[] = [];
  for (const target of Object.keys(fields())) {
    for (const bad of [(v: string) => `${v.slice(0, 1)}\u0000${v.slice(1)}`, (v: string) => `${v}\uDC00`, () => "2147483648"]) {
      const form: Entries = intent === null ? [] : [["intent", intent]];
      for (const [name, plausible] of Object.entries(fields())) {
        const first = plausible[0] === undefined ? undefined : fresh(plausible[0]);
        if (name === target) form.push([name, bad(first ?? "x")]);
        else if (first !== undefined) form.push([name, first]);
      }
      out.push(form);
    }
  }
  return out;
}

export interface FuzzBody {
  headers: Record<string, string>;
  body: BodyInit | null;
  /** How the body was encoded, for the failure message. */
  kind: string;
}

function urlEncode(entries: Entries): string {
  // URLSearchParams turns lone surrogates into U+FFFD, as a browser would.
  return new URLSearchParams(entries).toString();
}

/** The request body: mostly a proper form, sometimes the wrong or a broken encoding. */
export function encodeBody(rng: Rng, entries: Entries): FuzzBody {
  const r = rng.next();
  const form = "application/x-www-form-urlencoded";
  if (r < 0.6) return { kind: "urlencoded", headers: { "Content-Type": form }, body: urlEncode(entries) };
  if (r < 0.72) {
    const fd = new FormData();
    for (const [k, v] of entries) fd.append(k, v);
    if (rng.chance(0.4)) {
      const content = rng.pick([
        SCRIPT,
        "%PDF-1.4\n",
        "name,country\nA,BD\n",
        "name,country\nA\u0000B,BD\n",
        "name,country\n=1+1,BD\n",
        "\uFEFFname\n\uD800,BD\n",
        "",
      ]);
      const name = rng.pick([
        "x.pdf",
        "../../etc/passwd",
        `${SCRIPT}.csv`,
        "\u202Efdp.exe",
        "a\u0000b.pdf",
        "list.csv",
        "",
        "A".repeat(1000),
      ]);
      fd.append(rng.pick(["file", "files"]), new File([new TextEncoder().encode(content)], name));
    }
    return { kind: "multipart", headers: {}, body: fd };
  }
  if (r < 0.76)
    return { kind: "text/plain", headers: { "Content-Type": "text/plain" }, body: entries.map(([k, v]) => `${k}=${v}`).join("\n") };
  if (r < 0.8) return { kind: "json", headers: { "Content-Type": "application/json" }, body: JSON.stringify(Object.fromEntries(entries)) };
  if (r < 0.84) {
    const broken = rng.pick([
      '--x\r\nContent-Disposition: form-data; name="intent"\r\n\r\nnote', // never closed
      "no boundary at all",
      "--x\r\nContent-Disposition: form-data\r\n\r\nvalue\r\n--x--\r\n", // a part without a name
      '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF',
    ]);
    const type = rng.pick(["multipart/form-data; boundary=x", "multipart/form-data", "multipart/form-data; boundary="]);
    return { kind: "malformed multipart", headers: { "Content-Type": type }, body: broken };
  }
  if (r < 0.88) return { kind: "empty", headers: { "Content-Type": form }, body: "" };
  if (r < 0.91) return { kind: "no content type", headers: {}, body: urlEncode(entries) };
  // Raw bytes: invalid UTF-8, percent-encoded surrogates, a broken percent escape.
  const raw = `${urlEncode(entries)}&x=%ED%A0%80&y=%FF%FE&z=%zz&w=%`;
  const bytes = new Uint8Array([...new TextEncoder().encode(raw), 0xff, 0xc0, 0x80]);
  return { kind: "raw bytes", headers: { "Content-Type": form }, body: bytes };
}

/** A query string for a loader: its known keys (plausible or hostile, sometimes repeated) and stray ones. */
export function fuzzQuery(rng: Rng, keys: readonly string[]): string {
  const q = new URLSearchParams();
  for (const k of keys) {
    if (rng.chance(0.5)) continue;
    q.append(k, rng.chance(0.1) ? `a\u0000${k}` : payload(rng).slice(0, rng.chance(0.9) ? 5000 : 200_000));
    if (rng.chance(0.08)) q.append(k, payload(rng).slice(0, 200));
  }
  if (rng.chance(0.2)) q.append(rng.pick(["page", "sort", "q", "__proto__", "x"]), payload(rng).slice(0, 500));
  let s = q.toString();
  if (rng.chance(0.1)) s += `&${rng.pick(keys.length ? keys : ["q"])}=%ED%A0%80%FF%`;
  return s;
}
