// How a session object stores its session (src/runtime/stored.ts, durable-objects/session.ts): an
// event writes what it changed, and what it leaves unwritten is still there after an eviction.
import { abortAllDurableObjects, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { printsFromPieces } from "../../src/render/diff";
import { restoredSnapshot, type StoredMetas, type StoredState } from "../../src/runtime/stored";
import { SESSION_PARAM } from "../../src/wire";
import { TestBrowser, textOf, type TestPage } from "./client";

const partials = (body: string) => [...body.matchAll(/<hx-partial hx-target="#([^"]+)" hx-swap="([^"]+)">/g)].map((m) => `${m[1]} ${m[2]}`);
const entriesOf = (page: TestPage) => runInDurableObject(page.stub(), (_, state) => state.storage.list());
const pieceKeys = (entries: Map<string, unknown>) => [...entries.keys()].filter((key) => key.startsWith("prints/"));
const printPieces = (entries: Map<string, unknown>) => (entries.get("view") as { printPieces: number }).printPieces;

describe("session storage", () => {
  it("keeps the page's fingerprints through an eviction: the next event still answers only what changed", async () => {
    const page = await new TestBrowser().open("/seeds/counter");
    await page.click("Increment", { htmx: true });
    await abortAllDurableObjects();
    const body = await (await page.click("Increment", { htmx: true, seq: 2 })).text();
    expect(partials(body)).toEqual(["el-0-3 outerMorph", "el-seq outerMorph"]);
    expect(textOf(body)).toBe("Count = 2");
  });

  it("stores the fingerprints in pieces apart from the view, and drops the pieces a smaller page no longer has", async () => {
    const browser = new TestBrowser();
    const demo = await browser.open("/demo");
    const before = await entriesOf(demo);
    expect((before.get("view") as { prints?: unknown }).prints).toBeUndefined();
    expect(printPieces(before)).toBeGreaterThan(1);
    expect(pieceKeys(before).sort()).toEqual(Array.from({ length: printPieces(before) }, (_, i) => `prints/${i}`).sort());
    expect([before.has("state"), before.has("metas"), before.has("snapshot")]).toEqual([true, true, false]);
    const counter = await browser.reopen(`/seeds/counter?${SESSION_PARAM}=${demo.token}`);
    expect(textOf(counter.html)).toContain("Count = 0");
    const after = await entriesOf(counter);
    expect(printPieces(after)).toBeLessThan(printPieces(before));
    expect(pieceKeys(after).sort()).toEqual(Array.from({ length: printPieces(after) }, (_, i) => `prints/${i}`).sort());
  });

  it("rewrites the widget metas only when one of them changed", async () => {
    const browser = new TestBrowser();
    const page = await browser.open("/seeds/counter");
    // A mark beside the stored metas (a restore reads only the metas of widgets with a value).
    const mark = { type: "mark", props: {}, trigger: false, default: null, hasCallback: false, disabled: false, label: "mark" };
    const marked = () => runInDurableObject(page.stub(), async (_, state) => Object.hasOwn((await state.storage.get<StoredMetas>("metas"))!, "wmark"));
    await runInDurableObject(page.stub(), async (_, state) => state.storage.put("metas", { ...(await state.storage.get<StoredMetas>("metas")), wmark: mark }));
    await page.click("Increment", { htmx: true });
    await page.click("Increment", { htmx: true, seq: 3 });
    expect(await marked()).toBe(true); // two events, the same widgets: the metas were not written
    await browser.reopen(`/seeds/form?${SESSION_PARAM}=${page.token}`);
    expect(await marked()).toBe(false); // another page's widgets: written again
  });

  it("reads a session an older version stored (one snapshot, the fingerprints in the view) and stores it split", async () => {
    const page = await new TestBrowser().open("/seeds/counter");
    await page.click("Increment", { htmx: true });
    await runInDurableObject(page.stub(), async (_, state) => {
      const entries = await state.storage.list();
      const keys = Array.from({ length: printPieces(entries) }, (_, i) => `prints/${i}`);
      const prints = printsFromPieces(keys.map((key) => entries.get(key) as string));
      const snapshot = restoredSnapshot(entries.get("state") as StoredState, entries.get("metas") as StoredMetas);
      await state.storage.put({ snapshot, view: { ...(entries.get("view") as object), printPieces: undefined, prints } });
      await state.storage.delete(["state", "metas", ...keys]);
    });
    await abortAllDurableObjects();
    const body = await (await page.click("Increment", { htmx: true, seq: 2 })).text();
    expect(partials(body)).toEqual(["el-0-3 outerMorph", "el-seq outerMorph"]); // diffed with the old prints
    const entries = await entriesOf(page);
    expect([entries.has("state"), entries.has("metas"), entries.has("snapshot")]).toEqual([true, true, false]);
    expect(pieceKeys(entries)).toHaveLength(printPieces(entries));
    await abortAllDurableObjects();
    await page.reload();
    expect(textOf(page.html)).toContain("Count = 2");
  });
});
