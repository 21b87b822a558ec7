// A confirmed screening match as a red flag of risk model v2: an independent signal beside the
// answers', the audit findings' and the grievances' (app/domain/risk/types.ts, IndependentFlag).
// Only a match an officer confirmed is a flag; a candidate raises nothing.
//
// Indicator and severity: the UFLPA Entity List and the singled-out regions stand for forced labour
// imposed by a state (the UFLPA's presumption; CAATSA for North Korean labour), so they raise
// state-imposed labour, a severe indicator. A CBP withhold release order or finding is a customs
// authority's determination of forced labour at a named producer, but the lists do not say which
// indicator it rests on: it raises abuse of vulnerability, the ILO's broadest indicator, at severe
// weight (the floor of 80), because a regulator's determination weighs at least like a severe answer.
// Pure module.
import type { IndependentFlag } from "~/domain/risk/types";
import { screeningList } from "./lists";

export function screeningFlag(m: { matchId: number; list: string; entryName: string }): IndependentFlag {
  const listName = screeningList(m.list)?.name ?? m.list;
  return {
    indicator: m.list === "cbp" ? "abuse_of_vulnerability" : "state_imposed_labour",
    severity: "severe",
    source: { kind: "screening_match", id: m.matchId, label: `${listName}: confirmed match '${m.entryName}'` },
  };
}
