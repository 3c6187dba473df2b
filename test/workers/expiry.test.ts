import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sessionTtlMs } from "../../src/edge/env";
import { TestBrowser, textOf } from "./client";

describe("idle expiry", () => {
  it("arms an alarm one TTL after each event", async () => {
    const page = await new TestBrowser().open("/seeds/counter");
    const before = Date.now();
    await page.click("Increment", { htmx: true });
    const alarm = await runInDurableObject(page.stub(), (_, state) => state.storage.getAlarm());
    expect(alarm).toBeGreaterThanOrEqual(before + sessionTtlMs(env));
    expect(alarm).toBeLessThanOrEqual(Date.now() + sessionTtlMs(env));
  });

  it("keeps a session that was active within the TTL and re-arms the alarm", async () => {
    const page = await new TestBrowser().open("/seeds/counter");
    await page.click("Increment", { htmx: true });
    expect(await runDurableObjectAlarm(page.stub())).toBe(true);
    const [keys, alarm] = await runInDurableObject(page.stub(), async (_, state) => [[...(await state.storage.list()).keys()], await state.storage.getAlarm()]);
    expect(keys).toContain("snapshot");
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
