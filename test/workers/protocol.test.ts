import { abortAllDurableObjects, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { FIELD, HEADER } from "../../src/wire";
import { TestBrowser, textOf, type TestPage } from "./client";

const partials = (body: string) => [...body.matchAll(/<hx-partial hx-target="#([^"]+)" hx-swap="([^"]+)">/g)].map((m) => `${m[1]} ${m[2]}`);

/** Every stored entry of the page's session, to compare before and after a refused event. */
function storage(page: TestPage): Promise<Map<string, unknown>> {
  return runInDurableObject(page.stub(), (_, state) => state.storage.list());
}

describe("htmx events", () => {
  it("answer only the element that changed, plus the new render sequence", async () => {
    const page = await new TestBrowser().open("/seeds/counter");
    const response = await page.click("Increment", { htmx: true });
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(partials(body)).toEqual(["el-0-3 outerMorph", "el-seq outerMorph"]);
    expect(textOf(body)).toBe("Count = 1");
    expect(body).toContain('<input type="hidden" id="el-seq" name="_seq" value="2">');
    expect(body).not.toContain("Counter Example");
    expect(body).not.toContain("Decrement");
  });

  it("answer a stale or missing render sequence by re-sending both roots", async () => {
    const page = await new TestBrowser().open("/seeds/counter");
    await page.click("Increment", { htmx: true }); // the server is at 2 now; this page says 1
    const stale = await page.click("Increment", { htmx: true, seq: 1 });
    expect(stale.status).toBe(200);
    const body = await stale.text();
    expect(partials(body)).toEqual(["el-root-0 outerMorph", "el-root-1 outerMorph", "el-seq outerMorph"]);
    expect(textOf(body)).toContain("Counter Example");
    expect(textOf(body)).toContain("Count = 2");
    const missing = await page.click("Increment", { htmx: true, seq: null });
    expect(partials(await missing.text())).toContain("el-root-0 outerMorph");
  });

  it("answer an event whose stored fingerprints are in an older version's form (a Map) by re-sending both roots", async () => {
    const page = await new TestBrowser().open("/seeds/counter");
    await page.click("Increment", { htmx: true });
    await abortAllDurableObjects();
    await runInDurableObject(page.stub(), async (_, state) => {
      const view = (await state.storage.get<Record<string, unknown>>("view"))!;
      await state.storage.put("view", { ...view, printPieces: undefined, prints: new Map([["el-root-0", { hash: "old" }]]) });
    });
    const response = await page.click("Increment", { htmx: true, seq: 2 });
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(partials(body)).toEqual(["el-root-0 outerMorph", "el-root-1 outerMorph", "el-seq outerMorph"]);
    expect(textOf(body)).toContain("Count = 2");
    // The answer stored fingerprints in this version's form: the next event is diffed again.
    expect(partials(await (await page.click("Increment", { htmx: true, seq: 3 })).text())).not.toContain("el-root-0 outerMorph");
  });

  it("answer an unknown widget with 409, a full refresh and a notice, leaving storage exactly as it was", async () => {
    const page = await new TestBrowser().open("/seeds/counter");
    await page.click("Increment", { htmx: true });
    const before = await storage(page);
    const response = await page.post([[FIELD.widget, "wnosuchwidget"], [FIELD.trigger, "wnosuchwidget"]], { htmx: true, seq: 2 });
    expect(response.status).toBe(409);
    const body = await response.text();
    expect(partials(body)).toEqual(["el-root-0 outerMorph", "el-root-1 outerMorph", "el-seq outerMorph", "el-notice innerHTML"]);
    expect(body).toContain('value="2"'); // the same render: the sequence does not move
    expect(textOf(body)).toContain("Count = 1");
    expect(textOf(body)).toContain('This page has no widget "wnosuchwidget"');
    expect(await storage(page)).toEqual(before);
  });

  it("answer an unknown widget after an eviction with 409 and a reload (the page's HTML is not stored), state unchanged", async () => {
    const page = await new TestBrowser().open("/seeds/counter");
    await page.click("Increment", { htmx: true });
    await abortAllDurableObjects();
    const before = await storage(page);
    const response = await page.post([[FIELD.widget, "wnosuchwidget"], [FIELD.trigger, "wnosuchwidget"]], { htmx: true, seq: 2 });
    expect(response.status).toBe(409);
    expect(response.headers.get(HEADER.refresh)).toBe("true");
    expect(textOf(await response.text())).toContain('This page has no widget "wnosuchwidget"');
    expect(await storage(page)).toEqual(before);
    await page.reload();
    expect(textOf(page.html)).toContain("Count = 1");
  });

  it("answer an unknown widget in a plain post with 409 and a page linking back", async () => {
    const page = await new TestBrowser().open("/seeds/counter");
    const before = await storage(page);
    const response = await page.post([[FIELD.widget, "wnosuchwidget"], ["wnosuchwidget", "1"]]);
    expect(response.status).toBe(409);
    const body = await response.text();
    expect(body).toContain("<h1>Out of date</h1>");
    expect(body).toContain(`href="${page.url}"`);
    expect(await storage(page)).toEqual(before);
  });

  it("answer a value the widget rejects with 400 and its message, leaving storage exactly as it was", async () => {
    const page = await new TestBrowser().open("/seeds/counter-callbacks");
    const before = await storage(page);
    const response = await page.set("Enter a value", "twelve", { htmx: true });
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(partials(body)).toEqual(["el-notice innerHTML"]);
    expect(body).toContain("twelve");
    expect(await storage(page)).toEqual(before);
  });
});

describe("plain form posts (no JavaScript)", () => {
  it("apply the event and redirect to the page, which shows that render without running the app again", async () => {
    const browser = new TestBrowser();
    const page = await browser.open("/seeds/counter");
    const response = await page.click("Increment");
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe(page.url);
    await page.reload();
    expect(textOf(page.html)).toContain("Count = 1");
    expect(page.seq).toBe(2); // the render of the event itself
    await page.reload();
    expect(textOf(page.html)).toContain("Count = 1");
    expect(page.seq).toBe(3); // a later reload is a run again
  });
});
