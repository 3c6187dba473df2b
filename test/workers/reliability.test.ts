import { abortAllDurableObjects, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { Session, type EventCall, type Reply } from "../../durable-objects/session";
import { snapshotOf, TestBrowser, textOf, type TestPage } from "./client";

const APP = "/e2e/reliability";

/** The call the Worker would make for a click on `label`, for driving the object directly. */
function clickCall(page: TestPage, label: string): EventCall {
  const id = page.button(label);
  return { appPath: page.appPath, action: page.url, csrf: page.csrf, seq: null, htmx: true, event: { values: { [id]: undefined }, trigger: id } };
}

function html(reply: Reply): string {
  if (reply.kind !== "html") throw new Error(`expected html, got ${reply.kind}: ${JSON.stringify(reply)}`);
  return reply.html;
}

describe("concurrency", () => {
  it("counts exactly N parallel clicks on one button (a callback per click)", async () => {
    const page = await new TestBrowser().open(APP);
    const n = 40;
    const responses = await Promise.all(Array.from({ length: n }, () => page.click("Click", { htmx: true, seq: null })));
    expect(responses.map((r) => r.status)).toEqual(Array(n).fill(200));
    await page.reload();
    expect(textOf(page.html)).toContain(`Clicks = ${n}`);
    expect((await snapshotOf(page)).data.user.clicks).toBe(n);
  });

  it("never mixes the sessions of two tabs of one browser under interleaved events", async () => {
    const browser = new TestBrowser();
    const [first, second] = [await browser.open(APP), await browser.open(APP)];
    const posts: Promise<Response>[] = [];
    for (let i = 0; i < 12; i++) {
      posts.push(first.click("Click", { htmx: true, seq: null }));
      if (i % 3 === 0) posts.push(second.click("Click", { htmx: true, seq: null }));
      posts.push(second.click("Append", { htmx: true, seq: null }));
    }
    expect((await Promise.all(posts)).every((r) => r.status === 200)).toBe(true);
    const [a, b] = [await snapshotOf(first), await snapshotOf(second)];
    expect([a.data.user.clicks, a.data.user.log]).toEqual([12, []]);
    expect([b.data.user.clicks, b.data.user.log]).toEqual([4, Array(12).fill("append")]);
    // A tab's CSRF token does not open the other tab's session.
    expect((await first.click("Click", { htmx: true, csrf: second.csrf })).status).toBe(403);
  });

  it("handles one event at a time in arrival order: a newer event waits out a long await (D8)", async () => {
    const page = await new TestBrowser().open(APP);
    const stub = page.stub();
    const finished: string[] = [];
    // Calls on one stub arrive in the order they are made; the first awaits a 300 ms timer.
    const slow = stub.event(clickCall(page, "Slow append")).then((reply) => (finished.push("slow"), html(reply)));
    const fast = stub.event(clickCall(page, "Append")).then((reply) => (finished.push("append"), html(reply)));
    const [slowHtml, fastHtml] = await Promise.all([slow, fast]);
    expect(finished).toEqual(["slow", "append"]);
    expect(textOf(slowHtml)).toContain("Log = slow");
    expect(textOf(fastHtml)).toContain("Log = slow,append");
    const seqOf = (markup: string) => Number(markup.match(/name="_seq" value="(\d+)"/)![1]);
    expect(seqOf(fastHtml)).toBe(seqOf(slowHtml) + 1);
    expect((await snapshotOf(page)).data.user.log).toEqual(["slow", "append"]);
  });
});

describe("eviction between every pair of events", () => {
  it("keeps state and fires callbacks with args exactly once across a sequence", async () => {
    const page = await new TestBrowser().open("/seeds/counter-callbacks");
    const steps: [kind: "set" | "Increment" | "Decrement", value: number][] = [
      ["set", 5], ["Increment", 0], ["Increment", 0], ["set", 3], ["Decrement", 0],
      ["Increment", 0], ["set", -2], ["Increment", 0], ["Decrement", 0], ["Decrement", 0],
    ];
    let by = 0;
    let count = 0;
    for (const [kind, value] of steps) {
      await abortAllDurableObjects();
      const response = kind === "set" ? await page.set("Enter a value", String(value), { htmx: true, seq: null }) : await page.click(kind, { htmx: true, seq: null });
      expect(response.status, `${kind} ${value}`).toBe(200);
      if (kind === "set") by = value;
      else count += kind === "Increment" ? by : -by;
      expect(textOf(await response.text()), `${kind} ${value}`).toContain(`Count = ${count}`);
    }
    expect(count).toBe(5 + 5 - 3 + 3 - 2 + 2 + 2);
    await abortAllDurableObjects();
    await page.reload();
    expect(textOf(page.html)).toContain(`Count = ${count}`);
  });

  it("keeps an args callback's effect single across evictions in the reliability app", async () => {
    const page = await new TestBrowser().open(APP);
    for (let i = 0; i < 4; i++) {
      await abortAllDurableObjects();
      expect((await page.click("Append", { htmx: true, seq: null })).status).toBe(200);
      await abortAllDurableObjects();
      expect((await page.click("Click", { htmx: true, seq: null })).status).toBe(200);
    }
    const snapshot = await snapshotOf(page);
    expect([snapshot.data.user.clicks, snapshot.data.user.log]).toEqual([4, Array(4).fill("append")]);
  });
});

describe("runaway apps", () => {
  it("stops a rerun loop with an error box and keeps the session usable", async () => {
    const page = await new TestBrowser().open(APP);
    const loop = await page.click("Rerun forever", { htmx: true, seq: null });
    expect(loop.status).toBe(200);
    expect(textOf(await loop.text())).toMatch(/st\.rerun\(\) was called 100 times while handling one event/);
    const stopped = await page.click("Stop looping", { htmx: true, seq: null });
    expect(stopped.status).toBe(200);
    expect(textOf(await stopped.text())).not.toMatch(/st\.rerun\(\) was called/);
    expect((await page.click("Click", { htmx: true, seq: null })).status).toBe(200);
    await page.reload();
    expect(textOf(page.html)).toContain("Clicks = 1");
  });

  it("stops a run past its deadline with an error box and keeps the session usable", async () => {
    const page = await new TestBrowser().open(APP);
    const limited = { ...env, EDGELIT_RUN_DEADLINE_MS: "400" };
    // One instance with a short deadline on this session's storage, driven as the Worker would.
    const [slow, click] = await runInDurableObject(page.stub(), async (_, state) => {
      const session = new Session(state, limited);
      return [await session.event(clickCall(page, "Run slowly")), await session.event(clickCall(page, "Click"))];
    });
    expect(textOf(html(slow))).toMatch(/ran past its deadline for one event and was stopped/);
    expect(textOf(html(click))).toContain("Clicks = 1");
    expect(textOf(html(click))).not.toMatch(/ran past its deadline/);
    await abortAllDurableObjects(); // the test's instance and the live one must not both hold the session
    expect((await snapshotOf(page)).data.user.clicks).toBe(1);
  });
});

describe("exceptions in development mode", () => {
  it("show their details in the error box (production redacts them: test/workers-production)", async () => {
    const page = await new TestBrowser().open(APP);
    const response = await page.click("Fail", { htmx: true, seq: null });
    expect(response.status).toBe(200);
    expect(textOf(await response.text())).toContain("secret detail: db password is hunter2");
  });
});

describe("session state that cannot be stored", () => {
  it("names the key in an error, stores no broken record, and keeps the session working", async () => {
    const page = await new TestBrowser().open(APP);
    await page.click("Click", { htmx: true, seq: null });
    const response = await page.click("Store a function", { htmx: true, seq: null });
    expect(response.status).toBe(200);
    expect(textOf(await response.text())).toMatch(/Cannot persist .?st\.sessionState\.handler.?: its value is not structured-clonable/);
    const snapshot = await snapshotOf(page);
    expect(Object.keys(snapshot.data.user)).not.toContain("handler");
    expect(() => structuredClone(snapshot)).not.toThrow();
    await abortAllDurableObjects();
    expect((await page.click("Click", { htmx: true, seq: null })).status).toBe(200);
    expect((await snapshotOf(page)).data.user.clicks).toBe(2);
  });
});
