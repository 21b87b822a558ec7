import { describe, expect, it } from "vitest";
import { ATHENS_V1 } from "./athens-v1";
import { answerText, naLabel, unitLabel } from "./answer-text";
import { en } from "./i18n";
import { languageT } from "./language-texts";
import { findQuestion } from "./index";
import { messagesT } from "./texts";
import { NA, type Question } from "./types";

const q = (key: string): Question => {
  const found = findQuestion(ATHENS_V1, key);
  if (!found) throw new Error(`no question ${key}`);
  return found.question;
};
const EN = languageT("en");

describe("answerText", () => {
  it("reads an empty answer with the catalogue's words, in every language", () => {
    for (const v of [null, undefined, "", []]) expect(answerText(q("profile.workers"), v, EN)).toBe(en["ui.print.no_answer"]);
    expect(answerText(q("profile.workers"), null, languageT("es"))).toBe("Sin respuesta");
  });

  it("writes a percentage with the catalogue's unit and no space, numbers in the reader's format", () => {
    expect(answerText(q("profile.migrant_share"), 12, EN)).toBe("12%");
    expect(answerText(q("profile.migrant_share"), "12,5", EN)).toBe("12.5%");
    expect(answerText(q("profile.workers"), 1850, EN)).toBe(`1,850 ${en["ui.unit.people"]}`);
    expect(answerText(q("profile.workers"), 1850, languageT("fr"))).toBe("1\u202f850 personnes");
  });

  it("says N/A with the question's own label when it has one, and never for a text answer", () => {
    const withNa = ATHENS_V1.sections.flatMap((s) => s.questions).find((x) => x.allowNa && x.type !== "text")!;
    expect(answerText(withNa, NA, EN)).toBe(naLabel(withNa, EN));
    const own = messagesT({ [`q.${withNa.key}.na`]: "No agencies used", "ui.na": "Not applicable" }, "en");
    expect(naLabel(withNa, own)).toBe("No agencies used");
    expect(naLabel(withNa, messagesT({ "ui.na": "Not applicable" }, "en"))).toBe("Not applicable");
    expect(answerText(q("profile.nationalities"), NA, EN)).toBe(NA);
  });

  it("names the options of yes/no, single and multiple choice", () => {
    expect(answerText(q("profile.uses_agencies"), "yes", EN)).toBe(en["ui.yes"]);
    expect(answerText(q("p1.written_policy"), "signed", EN)).toBe(en["q.p1.written_policy.opt.signed"]);
    expect(answerText(q("p1.policy_scope"), ["forced_labour", "trafficking"], EN)).toBe(
      `${en["q.p1.policy_scope.opt.forced_labour"]}; ${en["q.p1.policy_scope.opt.trafficking"]}`,
    );
  });

  it("counts evidence files with the language's plural", () => {
    const evidence = ATHENS_V1.sections.flatMap((s) => s.questions).find((x) => x.type === "evidence")!;
    expect(answerText(evidence, ["1"], EN)).toBe("1 file attached");
    expect(answerText(evidence, ["1", "2"], EN)).toBe("2 files attached");
  });

  it("has no unit for a plain number and the catalogue's for a percentage", () => {
    expect(unitLabel(q("profile.migrant_share"), EN)).toBe(en["ui.unit.percent"]);
    expect(unitLabel(q("p1.written_policy"), EN)).toBeNull();
  });
});

describe("messagesT", () => {
  it("translates, interpolates, knows which keys it has and picks plurals by language", () => {
    const t = messagesT({ a: "Hello {name}", "n.one": "{count} file", "n.other": "{count} files", empty: "" }, "en");
    expect(t("a", { name: "Ana" })).toBe("Hello Ana");
    expect(t("missing")).toBe("missing");
    expect([t.has("a"), t.has("empty"), t.has("missing")]).toEqual([true, false, false]);
    expect([t.plural("n", 1), t.plural("n", 3)]).toEqual(["1 file", "3 files"]);
  });
});
