import { describe, expect, it } from "vitest";
import type { RequestOutcome } from "../runtime/session";
import { HEADER } from "../wire";
import { addressHeaders, addressOf, showsRequest } from "./address";

function outcome(address: Partial<RequestOutcome["address"]>, layout?: "wide"): RequestOutcome {
  return {
    roots: [],
    pageConfig: layout ? { layout } : {},
    status: "complete",
    runs: 1,
    address: { page: "/p", query: [], pageChanged: false, queryChanged: false, ...address },
  };
}

describe("the address in a session's answers", () => {
  it("R134: a changed query replaces the address; an unchanged one leaves it", () => {
    expect(addressHeaders({}, outcome({ queryChanged: true }), "/p?a=1&_s=T")).toEqual({ [HEADER.replaceUrl]: "/p?a=1&_s=T" });
    expect(addressHeaders({}, outcome({}), "/p?_s=T")).toEqual({});
  });

  it("R139: a page switch pushes the new address, or loads it when the layout or theme differs", () => {
    expect(addressHeaders({}, outcome({ pageChanged: true, queryChanged: true }), "/q?_s=T")).toEqual({ [HEADER.pushUrl]: "/q?_s=T" });
    expect(addressHeaders({}, outcome({ pageChanged: true }, "wide"), "/q?_s=T")).toEqual({ [HEADER.redirect]: "/q?_s=T" });
    expect(addressHeaders({ layout: "wide" }, outcome({ pageChanged: true }, "wide"), "/q?_s=T")).toEqual({ [HEADER.pushUrl]: "/q?_s=T" });
  });

  it("builds the event URL and the address from the outcome's page and query, the token last", () => {
    const call = { appPath: "/", action: "/p?_s=TOKEN" };
    expect(addressOf(call, outcome({ page: "/q", query: [["a", "x y"], ["a", "2"]] }))).toEqual({
      action: "/q?_s=TOKEN",
      url: "/q?a=x+y&a=2&_s=TOKEN",
      page: "/q",
      query: "a=x+y&a=2",
    });
  });

  it("a saved render is shown again only for the page and query it was drawn for", () => {
    const call = { appPath: "/", action: "/p?_s=T", request: { page: "/p", query: [["a", "1"]] as [string, string][] } };
    expect(showsRequest({ page: "/p", query: "a=1" }, call)).toBe(true);
    expect(showsRequest({ page: "/p", query: "" }, call)).toBe(false);
    expect(showsRequest({ page: "/q", query: "a=1" }, call)).toBe(false);
  });
});
