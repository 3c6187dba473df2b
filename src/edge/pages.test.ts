import { describe, expect, it } from "vitest";
import { BROWSER_COOKIE } from "../wire";
import { pageUrl, requestInfo, type EdgeRequest } from "./pages";

/** Headers that count how often they are read. */
function countedHeaders(init: Record<string, string>): { headers: Headers; reads: () => number } {
  const headers = new Headers(init);
  let reads = 0;
  const counted = new Proxy(headers, {
    get(target, prop) {
      if (prop === "get" || prop === Symbol.iterator || prop === "entries") reads++;
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { headers: counted, reads: () => reads };
}

function edgeRequest(headers: Headers): EdgeRequest {
  return { page: "/shop", query: [["a", "1"]], headers, address: "https://example.com/shop?a=1&_s=TAB#top", timezone: "Europe/Zurich" };
}

describe("requestInfo: st.context from an edge request", () => {
  it("reads nothing of the request until a fact is asked for", () => {
    const { headers, reads } = countedHeaders({ "User-Agent": "probe" });
    const info = requestInfo(edgeRequest(headers));
    expect(info.page).toBe("/shop");
    expect(info.query).toEqual([["a", "1"]]);
    expect(info.context).toBeDefined();
    expect(reads()).toBe(0);
  });

  it("works the facts out on first read, as the edge saw them, and keeps them", () => {
    const { headers, reads } = countedHeaders({
      "User-Agent": "probe",
      Cookie: `${BROWSER_COOKIE}=signed; flavour=mint%20tea`,
      "Accept-Language": "de-CH,de;q=0.9",
      "CF-Connecting-IP": "203.0.113.9",
    });
    const context = requestInfo(edgeRequest(headers)).context!;
    expect(context.headers).toEqual({ "user-agent": "probe", "accept-language": "de-CH,de;q=0.9", "cf-connecting-ip": "203.0.113.9" });
    expect(context.cookies).toEqual({ flavour: "mint tea" });
    expect(context.url).toBe("https://example.com/shop?a=1");
    expect(context.locale).toBe("de-CH");
    expect(context.timezone).toBe("Europe/Zurich");
    expect(context.ipAddress).toBe("203.0.113.9");
    const afterFirst = reads();
    expect(context.headers).toBe(context.headers);
    expect(context.cookies).toBe(context.cookies);
    expect(reads()).toBe(afterFirst);
  });

  it("leaves out what the request does not say", () => {
    const context = requestInfo({ ...edgeRequest(new Headers({ "Accept-Language": "*" })), timezone: undefined }).context!;
    expect(context.cookies).toEqual({});
    expect(context.locale).toBeUndefined();
    expect(context.timezone).toBeUndefined();
    expect(context.ipAddress).toBeUndefined();
  });
});

describe("pageUrl: a page's address in a tab", () => {
  it("is the page, its query form-encoded, then the tab token; an old token in the query is dropped", () => {
    expect(pageUrl("/shop", [], "T0k_en-1")).toBe("/shop?_s=T0k_en-1");
    expect(pageUrl("/shop", [["q", "a b&c"], ["_s", "old"], ["q", "é"]], "T0k_en-1")).toBe("/shop?q=a+b%26c&q=%C3%A9&_s=T0k_en-1");
  });
});
