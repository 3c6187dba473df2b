// SEMANTICS 1.15 and 1.16 through the Worker and the session object in workerd: the URL's query
// in page loads and events, st.context, the gallery's pages sharing one session per tab, and the
// first visit served without a redirect (issue 7).
import { describe, expect, it } from "vitest";
import { HEADER, SESSION_PARAM } from "../../src/wire";
import { addressOf, ORIGIN, snapshotOf, TestBrowser, TestPage, textOf } from "./client";

const line = (html: string, label: string) => textOf(html).match(new RegExp(`${label}: (\\S+)`))?.[1];
const at = (page: TestPage, path: string) => `${path}?${SESSION_PARAM}=${page.token}`;

describe("query parameters through the Worker (R132–R135)", () => {
  it("R132: a page load runs with its URL's query; an htmx event with the address bar's (its Referer)", async () => {
    const page = await new TestBrowser().open("/e2e/address?tab=3");
    expect(line(page.html, "Tab")).toBe("3");
    expect(new URL(page.url, ORIGIN).searchParams.get("tab")).toBe("3");
    const address = `${ORIGIN}/e2e/address?tab=7&${SESSION_PARAM}=${page.token}`;
    const next = await page.click("Next tab", { htmx: true, headers: { Referer: address } });
    expect(line(await next.text(), "Tab")).toBe("8");
    const cleared = await page.click("Clear the query", { htmx: true, headers: { Referer: `${ORIGIN}/e2e/address?tab=8&${SESSION_PARAM}=${page.token}` } });
    expect(cleared.headers.get(HEADER.replaceUrl)).toBe(at(page, "/e2e/address"));
  });

  it("R134: a write answers with HX-Replace-Url (no rerun), and a reload of that address restores it", async () => {
    const page = await new TestBrowser().open("/e2e/address?tab=3&keep=x%20y");
    const response = await page.click("Next tab", { htmx: true });
    expect(response.status).toBe(200);
    const url = response.headers.get(HEADER.replaceUrl)!;
    expect(url).toBe(`/e2e/address?tab=4&keep=x+y&${SESSION_PARAM}=${page.token}`);
    expect(response.headers.get(HEADER.pushUrl)).toBeNull();
    const body = await response.text();
    expect(line(body, "Tab")).toBe("4");
    expect(line(body, "Clicks")).toBe("1");
    const reloaded = await page.browser.reopen(url);
    expect(line(reloaded.html, "Tab")).toBe("4");
    expect(line(reloaded.html, "Clicks")).toBe("1");
    expect(addressOf(reloaded.html)).toBe(url);
  });

  it("R134: the same URL reloaded (back/forward reloads too) runs with its own query; session state stays (D12)", async () => {
    const page = await new TestBrowser().open("/e2e/address?tab=1");
    await page.click("Next tab", { htmx: true });
    const older = await page.browser.reopen(at(page, "/e2e/address") + "&tab=1");
    expect(line(older.html, "Tab")).toBe("1");
    expect(line(older.html, "Clicks")).toBe("1");
  });

  it("R134 without JavaScript: the post/redirect/get lands on the page's address with the current query", async () => {
    const page = await new TestBrowser().open("/e2e/address?tab=5");
    const response = await page.click("Next tab");
    expect(response.status).toBe(303);
    const location = response.headers.get("Location")!;
    expect(location).toBe(`/e2e/address?tab=6&${SESSION_PARAM}=${page.token}`);
    const after = await page.browser.reopen(location);
    expect(line(after.html, "Tab")).toBe("6");
  });

  it("R132: a plain post's Referer names the address; without it the session uses the query it last served", async () => {
    const page = await new TestBrowser().open("/e2e/address?tab=2");
    const referred = await page.click("Next tab", { headers: { Referer: `${ORIGIN}/e2e/address?tab=9&${SESSION_PARAM}=${page.token}` } });
    expect(referred.headers.get("Location")).toBe(`/e2e/address?tab=10&${SESSION_PARAM}=${page.token}`);
    // A Referer of another tab (another token) is not this tab's address: the stored query (tab=10) holds.
    const foreign = await page.click("Next tab", { headers: { Referer: `${ORIGIN}/e2e/address?tab=50&${SESSION_PARAM}=${"A".repeat(22)}` } });
    expect(foreign.headers.get("Location")).toBe(`/e2e/address?tab=11&${SESSION_PARAM}=${page.token}`);
  });

  it("R135: the tab token is not a query parameter the app sees", async () => {
    const page = await new TestBrowser().open("/e2e/address?a=1");
    expect(textOf(page.html)).toContain('Query: {"a":"1"}');
    expect(textOf(page.html)).toContain(`URL: ${ORIGIN}/e2e/address?a=1`);
  });
});

describe("st.context through the Worker", () => {
  it("shows the request's headers without Cookie, cookies without the session cookie, locale, time zone and IP", async () => {
    const browser = new TestBrowser();
    await browser.open("/e2e/address");
    const headers = {
      Cookie: `edgelit_browser=${browser.cookie}; flavour=mint`,
      "Accept-Language": "de-CH,de;q=0.9,en;q=0.8",
      "CF-Connecting-IP": "203.0.113.9",
      "X-Probe": "probe-1",
    };
    const response = await browser.fetch("/e2e/address", { headers, cf: { timezone: "Europe/Zurich" } } as RequestInit);
    const context = JSON.parse(textOf(await response.text()).match(/Context: (\{.*?\}) URL:/)![1]);
    expect(context).toEqual({ locale: "de-CH", timezone: "Europe/Zurich", ip: "203.0.113.9", probe: "probe-1", cookies: { flavour: "mint" }, cookieHeader: false });
  });

  it("an event keeps the time zone of the page load (events do not read request.cf)", async () => {
    const browser = new TestBrowser();
    const response = await browser.fetch("/e2e/address", { cf: { timezone: "Asia/Tokyo" } } as RequestInit);
    const html = await response.text();
    expect(textOf(html)).toContain('"timezone":"Asia/Tokyo"');
    const page = new TestPage(browser, addressOf(html), html);
    const body = await (await page.click("Next tab", { htmx: true, headers: { "X-Probe": "event" } })).text();
    expect(textOf(body)).toContain('"probe":"event"');
    expect(textOf(body)).toContain('"timezone":"Asia/Tokyo"');
  });

  it("an event's run sees the event's request", async () => {
    const page = await new TestBrowser().open("/e2e/address");
    expect(textOf(page.html)).toContain('"locale":null');
    const body = await (await page.click("Next tab", { htmx: true, headers: { "Accept-Language": "ja", "X-Probe": "event" } })).text();
    expect(textOf(body)).toContain('"locale":"ja"');
    expect(textOf(body)).toContain('"probe":"event"');
  });
});

describe("the gallery: one multipage app, one session per tab (R138–R140)", () => {
  it("its pages share the tab's session: the counter's count survives a visit to another page", async () => {
    const browser = new TestBrowser();
    const counter = await browser.open("/seeds/counter");
    await counter.click("Increment", { htmx: true });
    const form = await browser.reopen(at(counter, "/seeds/form"));
    expect(form.appPath).toBe("/");
    expect(textOf(form.html)).toContain("Inside the form");
    const back = await browser.reopen(counter.url);
    expect(textOf(back.html)).toContain("Count = 1");
    // Another tab of the same browser is another session.
    const other = await browser.open("/seeds/counter");
    expect(textOf(other.html)).toContain("Count = 0");
  });

  it("R140: moving to another page drops the widgets of the page left", async () => {
    const browser = new TestBrowser();
    const form = await browser.open("/seeds/form");
    const formWidgets = Object.keys((await snapshotOf(form)).data.widgets);
    expect(formWidgets.length).toBeGreaterThan(0);
    const counter = await browser.reopen(at(form, "/seeds/counter"));
    const widgets = Object.keys((await snapshotOf(counter)).data.widgets);
    expect(widgets.some((id) => formWidgets.includes(id))).toBe(false);
    expect((await snapshotOf(counter)).scope?.page).toBe("/seeds/counter");
  });

  it("R139: st.switchPage in an htmx event answers with the new page's content and HX-Push-Url; without JS, a 303 to it", async () => {
    const home = await new TestBrowser().open("/");
    const response = await home.click("Open the form with st.switchPage", { htmx: true });
    expect(response.status).toBe(200);
    expect(response.headers.get(HEADER.pushUrl)).toBe(at(home, "/seeds/form"));
    const body = await response.text();
    expect(textOf(body)).toContain("Inside the form");
    expect(body).toContain(`action="${at(home, "/seeds/form")}"`);
    expect(body).toMatch(/hx-target="#el-title"[^>]*>Form</);

    const plain = await new TestBrowser().open("/");
    const redirect = await plain.click("Open the form with st.switchPage");
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get("Location")).toBe(at(plain, "/seeds/form"));
    const landed = await plain.browser.reopen(redirect.headers.get("Location")!);
    expect(textOf(landed.html)).toContain("Inside the form");
    expect(landed.seq).toBe(2); // the switch's own render, shown without running again
  });

  it("an event from a page the tab has left is refused with 409 and a reload (HX-Refresh)", async () => {
    const browser = new TestBrowser();
    const counter = await browser.open("/seeds/counter");
    await browser.reopen(at(counter, "/seeds/form"));
    const stale = await counter.click("Increment", { htmx: true });
    expect(stale.status).toBe(409);
    expect(stale.headers.get(HEADER.refresh)).toBe("true");
    expect(await stale.text()).toContain("is out of date");
    const plain = await counter.click("Increment");
    expect(plain.status).toBe(409);
  });

  it("a URL that is no page of any app answers 404 without making a session", async () => {
    const browser = new TestBrowser();
    const response = await browser.fetch("/seeds/nowhere");
    expect(response.status).toBe(404);
    expect(browser.cookie).toBeNull();
  });
});

describe("issue 7: the first visit is served without a redirect", () => {
  it("answers 200 with the cookie and the page; its address (data-el-url) reloads into the same session", async () => {
    const browser = new TestBrowser();
    const first = await browser.fetch("/seeds/counter");
    expect(first.status).toBe(200);
    expect(first.headers.get("Set-Cookie")).toMatch(/^edgelit_browser=/);
    const page = new TestPage(browser, addressOf(await first.text()), "");
    await page.reload();
    await page.click("Increment", { htmx: true });
    await page.reload();
    expect(textOf(page.html)).toContain("Count = 1");
  });
});
