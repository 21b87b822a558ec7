import { describe, expect, it } from "vitest";
import { FLAG_INDICATORS, SEVERE_INDICATORS } from "~/domain/questionnaire/types";
import { CASE_ALPHABET, newCaseNumber, newPassphrase, normalizeCaseNumber, normalizePassphrase } from "./case-codes";
import { CATEGORIES, CATEGORY_INDICATOR } from "./categories";
import { CASE_STATUSES, caseTimers, deleteAfter, mayMove, maskedCount, raisesFlag, timerText } from "./case-status";
import { CATALOGUES, REVIEWED, VOICE_LANGUAGES, voiceT } from "./i18n";
import { EN } from "./i18n/en";
import { WORDS } from "./words";

describe("case numbers and passphrases", () => {
  it("makes case numbers of three groups from the unambiguous alphabet", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const n = newCaseNumber();
      expect(n).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{3}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{3}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{3}$/);
      seen.add(n);
    }
    expect(seen.size).toBe(200);
    expect(CASE_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it("skips bytes that would bias the alphabet", () => {
    let call = 0;
    const bytes = (n: number) => new Uint8Array(n).fill(call++ === 0 ? 250 : 0);
    expect(newCaseNumber(bytes)).toBe("222-222-222");
  });

  it("reads a case number as a worker may type it", () => {
    expect(normalizeCaseNumber(" k7p 4mx-29q ")).toBe("K7P-4MX-29Q");
    expect(normalizeCaseNumber("K7P-4MX-29")).toBeNull();
    expect(normalizeCaseNumber("K0P-4MX-29Q")).toBeNull();
  });

  it("makes five-word passphrases from 256 distinct short words", () => {
    expect(new Set(WORDS).size).toBe(256);
    expect(WORDS.every((w) => /^[a-z]{2,5}$/.test(w))).toBe(true);
    const p = newPassphrase();
    expect(p.split(" ")).toHaveLength(5);
    expect(newPassphrase(() => new Uint8Array([0, 1, 2, 3, 255]))).toBe([0, 1, 2, 3, 255].map((i) => WORDS[i]).join(" "));
    expect(normalizePassphrase("  Apple,  ARM-bag\nbed ")).toBe("apple arm bag bed");
  });
});

describe("categories", () => {
  it("maps every category but 'other' to a red-flag indicator the risk model knows", () => {
    for (const c of CATEGORIES) {
      const ind = CATEGORY_INDICATOR[c];
      if (c === "other") expect(ind).toBeNull();
      else expect(FLAG_INDICATORS).toContain(ind);
    }
    expect(CATEGORY_INDICATOR.fees).toBe("debt_bondage");
    expect(SEVERE_INDICATORS).toContain(CATEGORY_INDICATOR.fees);
  });
});

describe("case status", () => {
  it("follows received → acknowledged → … → closed, and refuses skips", () => {
    expect(mayMove("received", "acknowledged")).toBe(true);
    expect(mayMove("received", "substantiated")).toBe(false);
    expect(mayMove("acknowledged", "substantiated")).toBe(true);
    expect(mayMove("substantiated", "closed")).toBe(false);
    expect(mayMove("substantiated", "remedied")).toBe(true);
    expect(mayMove("remedied", "closed")).toBe(true);
    // Every status can be reached from received.
    const reached = new Set(["received"]);
    for (let i = 0; i < CASE_STATUSES.length; i++)
      for (const from of [...reached]) for (const to of CASE_STATUSES) if (mayMove(from as never, to)) reached.add(to);
    expect(reached.size).toBe(CASE_STATUSES.length);
  });

  it("raises a flag only while substantiated or remedied, and never for 'other'", () => {
    expect(raisesFlag("substantiated", "fees")).toBe(true);
    expect(raisesFlag("remedied", "fees")).toBe(true);
    expect(raisesFlag("investigating", "fees")).toBe(false);
    expect(raisesFlag("closed", "fees")).toBe(false);
    expect(raisesFlag("substantiated", "other")).toBe(false);
  });

  it("shows the 7-day acknowledgement and the decision as timers", () => {
    const received = "2026-12-01T10:00:00.000Z";
    const [ack, decide] = caseTimers(
      { receivedAt: received, acknowledgedAt: null, decidedAt: null, followupDueAt: null, followupDoneAt: null },
      new Date("2026-12-04T10:00:00.000Z"),
    );
    expect(ack).toMatchObject({ state: "due", days: 4, dueAt: "2026-12-08T10:00:00.000Z" });
    expect(timerText(ack!)).toBe("due in 4 days");
    expect(decide).toMatchObject({ state: "due", days: 87 });
    const late = caseTimers(
      { receivedAt: received, acknowledgedAt: null, decidedAt: null, followupDueAt: null, followupDoneAt: null },
      new Date("2026-12-10T10:00:00.000Z"),
    );
    expect(timerText(late[0]!)).toBe("overdue by 2 days");
    const done = caseTimers(
      { receivedAt: received, acknowledgedAt: received, decidedAt: null, followupDueAt: received, followupDoneAt: null },
      new Date("2026-12-10T10:00:00.000Z"),
    );
    expect(done[0]!.state).toBe("done");
    expect(done).toHaveLength(3);
  });

  it("keeps a closed case for the retention period", () => {
    expect(deleteAfter("2026-12-01T00:00:00.000Z", 5)).toBe("2031-12-01T00:00:00.000Z");
  });

  it("masks counts under five", () => {
    expect(maskedCount(0)).toBe("fewer than 5");
    expect(maskedCount(4)).toBe("fewer than 5");
    expect(maskedCount(5)).toBe(5);
  });
});

describe("catalogues", () => {
  it("has every key in every language, none empty, with the same placeholders", () => {
    const keys = Object.keys(EN).sort();
    for (const lang of VOICE_LANGUAGES) {
      const cat = CATALOGUES[lang];
      expect(Object.keys(cat).sort(), lang).toEqual(keys);
      for (const k of keys) {
        const text = cat[k as keyof typeof EN];
        expect(text.trim(), `${lang} ${k}`).not.toBe("");
        const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        expect(holes(text), `${lang} ${k}`).toEqual(holes(EN[k as keyof typeof EN]));
      }
    }
  });

  it("marks every language but English as to be reviewed", () => {
    expect([...REVIEWED]).toEqual(["en"]);
  });

  it("fills placeholders", () => {
    expect(voiceT("bn")("error.details_long", { max: 4000 })).toContain("4000");
    expect(voiceT("en")("page.retaliation", { org: "Acme" })).toMatch(/^Acme forbids/);
  });
});
