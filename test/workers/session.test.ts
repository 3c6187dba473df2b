import { abortAllDurableObjects, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { Session, type Reply } from "../../durable-objects/session";
import { TestBrowser, textOf } from "./client";

describe("session durability", () => {
  it("keeps state across a new object instance (eviction, restart, redeploy)", async () => {
    const page = await new TestBrowser().open("/seeds/counter");
    for (let i = 0; i < 3; i++) expect((await page.click("Increment", { htmx: true, seq: null })).status).toBe(200);
    await abortAllDurableObjects();
    await page.reload();
    expect(textOf(page.html)).toContain("Count = 3");
  });

  it("applies N concurrent events one at a time, in order, losing none", async () => {
    const page = await new TestBrowser().open("/seeds/counter");
    const n = 25;
    const responses = await Promise.all(Array.from({ length: n }, () => page.click("Increment", { htmx: true, seq: null })));
    expect(responses.map((r) => r.status)).toEqual(Array(n).fill(200));
    const seqs = await Promise.all(responses.map(async (r) => Number((await r.text()).match(/name="_seq" value="(\d+)"/)![1])));
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i + 2));
    await page.reload();
    expect(textOf(page.html)).toContain(`Count = ${n}`);
  });

  it("fires a callback exactly once after an eviction (the callbacks are rebuilt by a replay)", async () => {
    const page = await new TestBrowser().open("/seeds/counter-callbacks");
    expect((await page.set("Enter a value", "5", { htmx: true })).status).toBe(200);
    await abortAllDurableObjects();
    expect((await page.click("Increment", { htmx: true, seq: null })).status).toBe(200);
    await page.reload();
    expect(textOf(page.html)).toContain("Count = 5");
    await abortAllDurableObjects();
    expect((await page.click("Decrement", { htmx: true, seq: null })).status).toBe(200);
    await page.reload();
    expect(textOf(page.html)).toContain("Count = 0");
  });

  it("fires a callback exactly once in a new instance built on the same storage", async () => {
    const page = await new TestBrowser().open("/seeds/counter-callbacks");
    await page.set("Enter a value", "7", { htmx: true });
    const id = page.button("Increment");
    const call = { appPath: page.appPath, action: page.url, csrf: page.csrf, seq: null, htmx: true };
    const reply = await runInDurableObject(page.stub(), (_, state) =>
      new Session(state, env).event({ ...call, event: { values: { [id]: undefined }, trigger: id } }),
    );
    expect((reply as Reply).kind).toBe("html");
    await abortAllDurableObjects(); // the first instance's memory must not mask the second's write
    await page.reload();
    expect(textOf(page.html)).toContain("Count = 7");
  });

  it("gives each tab of a browser its own session", async () => {
    const browser = new TestBrowser();
    const first = await browser.open("/seeds/counter");
    const second = await browser.open("/seeds/counter");
    expect(second.token).not.toBe(first.token);
    await first.click("Increment", { htmx: true });
    await second.reload();
    expect(textOf(second.html)).toContain("Count = 0");
    await first.reload();
    expect(textOf(first.html)).toContain("Count = 1");
  });
});
