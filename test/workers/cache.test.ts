// Caches in real workerd (SEMANTICS D11): sessions served by one isolate share them.
import { abortAllDurableObjects } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { TestBrowser, textOf } from "./client";

const stampOf = (html: string) => textOf(html).match(/Isolate cache id: ([0-9a-f-]{36})/)![1];
const computationOf = (html: string) => textOf(html).match(/\(computation ([0-9a-f-]{36})\)/)![1];

describe("caching in workerd", () => {
  it("D11/R141: two sessions (two Durable Objects) in one isolate get the same cached values", async () => {
    const first = await new TestBrowser().open("/e2e/cache");
    const second = await new TestBrowser().open("/e2e/cache");
    expect(stampOf(second.html)).toBe(stampOf(first.html));
    expect(computationOf(second.html)).toBe(computationOf(first.html));
    // R147: the caption drawn by the cached function on the miss is replayed on the hit.
    expect(textOf(second.html)).toContain("Computed the squares below 5.");
    expect(textOf(second.html)).toContain("Squares: 0, 1, 4, 9, 16");
  });

  it("R142/R149: another argument is another entry; clearing recomputes; the cache outlives a session's eviction", async () => {
    const page = await new TestBrowser().open("/e2e/cache");
    const five = computationOf(page.html);
    expect((await page.set("Count", "3", { htmx: true })).status).toBe(200);
    await page.reload();
    expect(textOf(page.html)).toContain("Squares: 0, 1, 4 (computation");
    expect(computationOf(page.html)).not.toBe(five);
    const three = computationOf(page.html);
    await abortAllDurableObjects(); // the session's memory goes; the isolate's cache module stays
    expect(computationOf((await page.reload()).html)).toBe(three);
    expect((await page.click("Clear the data cache", { htmx: true })).status).toBe(200);
    await page.reload();
    expect(computationOf(page.html)).not.toBe(three);
  });
});
