import { describe, expect, it } from "vitest";
import { matchesRoute, routeSegments } from "./request-path";

describe("routeSegments", () => {
  it("decodes, case-folds and skips empty segments, as the router matches", () => {
    expect(routeSegments("/S/abc")).toEqual(["s", "abc"]);
    expect(routeSegments("/%73/abc/")).toEqual(["s", "abc"]);
    expect(routeSegments("//o//acme")).toEqual(["o", "acme"]);
    expect(routeSegments("/%zz/x")).toEqual(["%zz", "x"]);
  });
});

describe("matchesRoute", () => {
  it("matches static segments case-insensitively and params as any one segment", () => {
    expect(matchesRoute("/o/acme/actions/12", "/o/:org/actions/:id")).toBe(true);
    expect(matchesRoute("/O/acme/%41ctions/12/", "/o/:org/actions/:id")).toBe(true);
    expect(matchesRoute("/o/acme/actions", "/o/:org/actions/:id")).toBe(false);
    expect(matchesRoute("/o/acme/actions/12/files", "/o/:org/actions/:id")).toBe(false);
    expect(matchesRoute("/s/portal/files", "/s/portal/files")).toBe(true);
  });
});
