import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { BROWSER_COOKIE, FIELD, MAX_BODY_BYTES } from "../../src/wire";
import { ORIGIN, TestBrowser, textOf, type TestPage } from "./client";

function storage(page: TestPage): Promise<Map<string, unknown>> {
  return runInDurableObject(page.stub(), (_, state) => state.storage.list());
}

async function counterPage(): Promise<TestPage> {
  return new TestBrowser().open("/seeds/counter");
}

describe("the browser cookie", () => {
  it("is HttpOnly, SameSite=Lax, path-wide, and Secure on https", async () => {
    const response = await new TestBrowser().fetch("/seeds/counter");
    const cookie = response.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(new RegExp(`^${BROWSER_COOKIE}=`));
    for (const part of ["HttpOnly", "SameSite=Lax", "Path=/", "Secure"]) expect(cookie).toContain(part);
  });

  it("is replaced when forged on GET: a new browser, a new empty session", async () => {
    const page = await counterPage();
    await page.click("Increment", { htmx: true });
    const original = page.browser.cookie!;
    page.browser.cookie = `${original.split(".")[0]}.${"A".repeat(43)}`;
    await page.reload();
    expect(page.browser.cookie).not.toBe(original);
    expect(page.browser.id).not.toBe(original.split(".")[0]);
    expect(textOf(page.html)).toContain("Count = 0");
  });

  it("must be present and valid on POST (403), over htmx with a notice", async () => {
    const page = await counterPage();
    const before = await storage(page);
    const valid = page.browser.cookie;
    page.browser.cookie = null;
    const missing = await page.click("Increment", { htmx: true });
    expect(missing.status).toBe(403);
    expect(await missing.text()).toMatch(/^<hx-partial hx-target="#el-notice"[\s\S]*no valid session cookie/);
    page.browser.cookie = `${valid!.split(".")[0]}.${"B".repeat(43)}`;
    const forged = await page.click("Increment");
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain("<h1>Forbidden</h1>");
    page.browser.cookie = valid;
    expect(await storage(page)).toEqual(before);
  });

  it("binds a tab token to its browser: the same URL in another browser is a different, empty session", async () => {
    const page = await counterPage();
    await page.click("Increment", { htmx: true });
    await page.click("Increment", { htmx: true });
    const stranger = new TestBrowser();
    const theirs = await stranger.reopen(page.url);
    expect(stranger.cookie).not.toBeNull();
    expect(textOf(theirs.html)).toContain("Count = 0");
    // The leaked page's CSRF token is useless with another cookie.
    const replay = await theirs.post([[FIELD.widget, page.button("Increment")], [FIELD.trigger, page.button("Increment")]], { csrf: page.csrf });
    expect(replay.status).toBe(403);
    await page.reload();
    expect(textOf(page.html)).toContain("Count = 2");
  });
});

describe("CSRF and origin checks", () => {
  it("refuse a missing, wrong or other tab's CSRF token with 403", async () => {
    const page = await counterPage();
    const other = await page.browser.open("/seeds/counter");
    expect((await page.click("Increment", { csrf: "" })).status).toBe(403);
    expect((await page.click("Increment", { csrf: "x".repeat(43) })).status).toBe(403);
    expect((await page.click("Increment", { csrf: other.csrf })).status).toBe(403);
    await page.reload();
    expect(textOf(page.html)).toContain("Count = 0");
  });

  it("refuse a post from another origin, and accept one without an Origin header", async () => {
    const page = await counterPage();
    const foreign = await page.click("Increment", { headers: { Origin: "https://evil.example" } });
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toContain("https://evil.example");
    const id = page.button("Increment");
    const body = new URLSearchParams([[FIELD.csrf, page.csrf], [FIELD.widget, id], [FIELD.trigger, id]]);
    const bare = await page.browser.fetch(page.url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body });
    expect(bare.status).toBe(303);
  });

  it("refuse a post without a tab token with 400", async () => {
    const page = await counterPage();
    const body = new URLSearchParams([[FIELD.csrf, page.csrf]]);
    const response = await page.browser.fetch("/seeds/counter", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN },
      body,
    });
    expect(response.status).toBe(400);
  });
});

describe("body checks", () => {
  it("refuse bodies over 64 KiB with 413, whether or not they declare their length", async () => {
    const page = await counterPage();
    const before = await storage(page);
    const big = "x".repeat(MAX_BODY_BYTES + 1);
    expect((await page.post([["pad", big]])).status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 17; i++) controller.enqueue(new Uint8Array(4096).fill(120));
        controller.close();
      },
    });
    const chunked = await page.browser.fetch(page.url, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN },
      body: stream,
      // @ts-expect-error: streaming request bodies need duplex in the fetch spec; workers-types omits it
      duplex: "half",
    });
    expect(chunked.status).toBe(413);
    expect(await storage(page)).toEqual(before);
  });

  it("refuse content types other than form encodings with 415", async () => {
    const page = await counterPage();
    for (const type of ["text/plain", "application/json"]) {
      const response = await page.browser.fetch(page.url, { method: "POST", headers: { "Content-Type": type, Origin: ORIGIN }, body: "{}" });
      expect(response.status, type).toBe(415);
    }
  });

  it("accept multipart/form-data", async () => {
    const page = await counterPage();
    const id = page.button("Increment");
    const form = new FormData();
    form.append(FIELD.csrf, page.csrf);
    form.append(FIELD.widget, id);
    form.append(FIELD.trigger, id);
    const response = await page.browser.fetch(page.url, { method: "POST", headers: { Origin: ORIGIN }, body: form });
    expect(response.status).toBe(303);
    await page.reload();
    expect(textOf(page.html)).toContain("Count = 1");
  });
});
