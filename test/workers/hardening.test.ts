// Gaps left by security.test.ts: headers on every kind of answer, signatures in a non-canonical
// spelling, events into an expired session, and widget ids that name Object.prototype members.
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sessionTtlMs } from "../../src/edge/env";
import { FIELD } from "../../src/wire";
import { ORIGIN, TestBrowser, textOf, type TestPage } from "./client";

function storage(page: TestPage): Promise<Map<string, unknown>> {
  return runInDurableObject(page.stub(), (_, state) => state.storage.list());
}

/** The same bytes in another base64url spelling: the last character's unused low bits flipped. */
function respell(token: string): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const last = alphabet.indexOf(token.at(-1)!);
  return token.slice(0, -1) + alphabet[last ^ 1];
}

describe("security headers", () => {
  it("are on every kind of answer: event, refusal, redirect, 404 and 405", async () => {
    const page = await new TestBrowser().open("/seeds/counter");
    const answers = [
      await page.click("Increment", { htmx: true }), // 200 partials
      await page.click("Increment"), // 303 after a plain post
      await page.click("Increment", { csrf: "x".repeat(43) }), // 403
      await page.post([["pad", "x".repeat(70_000)]]), // 413
      await page.browser.fetch(page.url, { method: "POST", headers: { "Content-Type": "text/plain", Origin: ORIGIN }, body: "x" }), // 415
      await page.browser.fetch("/no-such-page"), // 404
      await page.browser.fetch(page.url, { method: "PUT" }), // 405
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 303, 403, 413, 415, 404, 405]);
    for (const response of answers) {
      const csp = response.headers.get("Content-Security-Policy") ?? "";
      expect(csp, String(response.status)).toContain("frame-ancestors 'none'");
      expect(csp, String(response.status)).toContain("script-src 'self'");
      expect(response.headers.get("X-Content-Type-Options"), String(response.status)).toBe("nosniff");
      expect(response.headers.get("Referrer-Policy"), String(response.status)).toBe("same-origin");
    }
    // An event's answer: session HTML, never cached.
    expect(answers[0].headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(answers[0].headers.get("Cache-Control")).toBe("no-store");
  });
});

describe("signatures", () => {
  it("refuse a CSRF token or cookie MAC respelled with the same bytes (only the canonical form verifies)", async () => {
    const page = await new TestBrowser().open("/seeds/counter");
    const before = await storage(page);
    expect((await page.click("Increment", { htmx: true, csrf: respell(page.csrf) })).status).toBe(403);
    const cookie = page.browser.cookie!;
    const [id, mac] = cookie.split(".");
    page.browser.cookie = `${id}.${respell(mac)}`;
    expect((await page.click("Increment", { htmx: true })).status).toBe(403);
    page.browser.cookie = cookie;
    expect(await storage(page)).toEqual(before);
    expect((await page.click("Increment", { htmx: true })).status).toBe(200);
  });
});

describe("expired sessions", () => {
  it("never bring old state back: an old page's event after expiry finds an empty session", async () => {
    const page = await new TestBrowser().open("/seeds/counter");
    await page.click("Increment", { htmx: true });
    await runInDurableObject(page.stub(), (_, state) => state.storage.put("lastActive", Date.now() - sessionTtlMs(env) - 1));
    expect(await runDurableObjectAlarm(page.stub())).toBe(true);
    const late = await page.click("Increment", { htmx: true });
    expect(late.status).toBe(409);
    expect(textOf(await late.text())).toMatch(/This page has no (widget|button)/);
    expect((await storage(page)).size).toBe(0);
    await page.reload();
    expect(textOf(page.html)).toContain("Count = 0");
  });
});

describe("widget ids", () => {
  it("refuse names of Object.prototype members with 400 instead of crashing the engine", async () => {
    const page = await new TestBrowser().open("/seeds/counter");
    const before = await storage(page);
    for (const id of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      for (const fields of [[[FIELD.widget, id], [id, "1"]], [[FIELD.widget, id], [FIELD.trigger, id]], [[FIELD.trigger, id]]] as [string, string][][]) {
        const response = await page.post(fields, { htmx: true });
        expect(response.status, `${id} ${JSON.stringify(fields)}`).toBe(400);
        expect(textOf(await response.text())).toMatch(/is not a widget id|names no widget or form/);
      }
    }
    expect(await storage(page)).toEqual(before);
  });
});
