// st.context (SEMANTICS 2.9): read-only facts of the request that started the run.
import { describe, expect, it } from "vitest";
import { defineApp, Page, type St } from "../../src/api";
import { AppSession } from "../../src/runtime/session";
import { AppTest } from "../../src/testing/app-test";

describe("st.context", () => {
  it("shows the request's headers (any case), cookies, locale, time zone and IP address", async () => {
    const at = AppTest.fromFunction((st) => {
      const c = st.context;
      st.json({
        agent: c.headers["User-Agent"],
        lower: c.headers["user-agent"],
        has: "USER-AGENT" in c.headers,
        theme: c.cookies.theme,
        locale: c.locale,
        timezone: c.timezone,
        ip: c.ipAddress,
      });
    });
    at.context = { headers: { "user-agent": "TestAgent/1" }, cookies: { theme: "dark" }, locale: "fr-CH", timezone: "Europe/Zurich", ipAddress: "203.0.113.7" };
    await at.run();
    expect(JSON.parse(at.json[0].props.text as string)).toEqual({
      agent: "TestAgent/1",
      lower: "TestAgent/1",
      has: true,
      theme: "dark",
      locale: "fr-CH",
      timezone: "Europe/Zurich",
      ip: "203.0.113.7",
    });
  });

  it("url is the page's address as the browser shows it, its query included, written values too", async () => {
    const at = AppTest.fromFunction((st) => {
      st.text(st.context.url);
      st.queryParams.b = "2";
      st.text(st.context.url);
    });
    at.queryParams = { a: "1" };
    await at.run();
    expect(at.text.values).toEqual(["http://localhost/?a=1", "http://localhost/?a=1&b=2"]);
  });

  it("is read-only: an assignment raises a clear error", async () => {
    const at = await AppTest.fromFunction((st) => {
      (st.context as any).locale = "de";
    }).run();
    expect(at.exception.values[0]).toContain("st.context is read-only");
    const headers = await AppTest.fromFunction((st) => {
      (st.context.headers as any)["x-new"] = "1";
    }).run();
    expect(headers.exception.values[0]).toContain("st.context is read-only");
  });

  it("is undefined where nothing is known, and follows each request (a page load, then an event)", async () => {
    const at = AppTest.fromFunction((st: St) => {
      st.button("Go");
      st.text(`${st.context.locale} ${st.context.timezone} ${st.context.ipAddress} ${st.context.headers["x-step"]}`);
    });
    await at.run();
    expect(at.text.values).toEqual(["undefined undefined undefined undefined"]);
    at.context = { headers: { "X-Step": "event" }, locale: "en-GB" };
    at.button[0].click();
    await at.run();
    expect(at.text.values).toEqual(["en-GB undefined undefined event"]);
  });

  it("is not stored: a session rebuilt from storage shows the request that woke it", async () => {
    const app = defineApp((st) => void st.text(`${st.context.locale}`));
    const session = new AppSession(app, undefined, { page: "/p" });
    const context = (locale: string) => ({ headers: {}, cookies: {}, url: "https://x.test/p", locale });
    await session.load({ context: context("it") });
    const stored = structuredClone(session.snapshot());
    expect(JSON.stringify(stored)).not.toContain('"it"');
    const woken = new AppSession(app, stored, { page: "/p" });
    const out = await woken.load({ context: context("ja") });
    expect(out.roots[0].children[0].props.body).toBe("ja");
  });

  it("R138 with st.context: url names the page a multipage app shows", async () => {
    const pages = [Page(() => {}, { title: "Home" }), Page((st: St) => void st.text(st.context.url), { title: "Other" })];
    const at = AppTest.fromApp(defineApp(async (st) => st.navigation(pages).run(), { pages }), { page: "/app" });
    at.switchPage("other");
    await at.run();
    expect(at.text.values).toEqual(["http://localhost/app/other"]);
  });
});
