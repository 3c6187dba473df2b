import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sessionTtlMs } from "../../src/edge/env";
import { TestBrowser, textOf } from "./client";

describe("idle expiry", () => {
  it("arms an alarm one TTL after the session's first write; firing early, it moves to one TTL after the last event", async () => {
    const opened = Date.now();
    const page = await new TestBrowser().open("/seeds/counter");
    const alarmOf = () => runInDurableObject(page.stub(), (_, state) => state.storage.getAlarm());
    const first = await alarmOf();
    expect(first).toBeGreaterThanOrEqual(opened + sessionTtlMs(env));
    expect(first).toBeLessThanOrEqual(Date.now() + sessionTtlMs(env));
    await page.click("Increment", { htmx: true });
    const lastActive = await runInDurableObject(page.stub(), (_, state) => state.storage.get<number>("lastActive"));
    expect(await alarmOf()).toBe(first); // events do not move it
    expect(await runDurableObjectAlarm(page.stub())).toBe(true); // fired before the session was idle a TTL
    expect(await alarmOf()).toBe(lastActive! + sessionTtlMs(env));
  });

  it("keeps a session that was active within the TTL and re-arms the alarm", async () => {
    const page = await new TestBrowser().open("/seeds/counter");
    await page.click("Increment", { htmx: true });
    expect(await runDurableObjectAlarm(page.stub())).toBe(true);
    const [keys, alarm] = await runInDurableObject(page.stub(), async (_, state) => [[...(await state.storage.list()).keys()], await state.storage.getAlarm()]);
    expect(keys).toContain("state");
    expect(alarm).not.toBeNull();
    await page.reload();
    expect(textOf(page.html)).toContain("Count = 1");
  });

  it("deletes all storage of a session idle past the TTL", async () => {
    const page = await new TestBrowser().open("/seeds/counter");
    await page.click("Increment", { htmx: true });
    await runInDurableObject(page.stub(), (_, state) => state.storage.put("lastActive", Date.now() - sessionTtlMs(env) - 1));
    expect(await runDurableObjectAlarm(page.stub())).toBe(true);
    const [size, alarm] = await runInDurableObject(page.stub(), async (_, state) => [(await state.storage.list()).size, await state.storage.getAlarm()]);
    expect(size).toBe(0);
    expect(alarm).toBeNull();
    await page.reload();
    expect(textOf(page.html)).toContain("Count = 0");
  });
});
