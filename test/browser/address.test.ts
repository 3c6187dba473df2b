// SEMANTICS 1.15 in Chromium: st.queryParams writes reach the address bar without a reload, a
// reload restores them, Back and Forward run each page with its own URL's query, and a first
// visit gets its tab token into the address bar without a redirect, once it is used (issue 7).
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { scriptsOff, useBrowser, visibleText } from "./browser";

const browser = useBrowser();

const line = (page: Page, label: string) => visibleText(page.getByText(new RegExp(`^${label}: `)));
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

describe("query parameters in the browser (R132–R134)", () => {
  it("issue 7: a first visit is served without a redirect and the address bar gets the tab token", async () => {
    const { page } = await browser.open("/e2e/address?tab=4");
    const redirects = await page.evaluate(() => (globalThis as any).performance.getEntriesByType("navigation")[0].redirectCount);
    expect(redirects).toBe(0);
    // No script runs until the page is used: the address bar keeps what was typed until then.
    expect(param(page, "_s")).toBeNull();
    await page.getByRole("button", { name: "Next tab", exact: true }).click();
    await expect.poll(() => line(page, "Clicks")).toBe("Clicks: 1");
    // Written by the boot module, which that first use loaded.
    await expect.poll(() => param(page, "_s")).toMatch(/^[A-Za-z0-9_-]{22}$/);
    await expect.poll(() => param(page, "tab")).toBe("5");
    await page.reload();
    await expect.poll(() => line(page, "Clicks")).toBe("Clicks: 1");
  });

  it("R134: a write changes the address bar without a reload or a rerun, and a reload restores it", async () => {
    const { page } = await browser.open("/e2e/address");
    await page.evaluate(() => ((globalThis as any).stillHere = true));
    await page.getByRole("button", { name: "Next tab", exact: true }).click();
    await expect.poll(() => line(page, "Tab")).toBe("Tab: 1");
    await expect.poll(() => param(page, "tab")).toBe("1");
    expect(await page.evaluate(() => (globalThis as any).stillHere)).toBe(true);
    expect(await line(page, "Runs")).toBe("Runs: 2"); // the load and the click: the write started no run
    await page.getByRole("button", { name: "Next tab", exact: true }).click();
    await expect.poll(() => param(page, "tab")).toBe("2");
    await page.reload();
    await expect.poll(() => line(page, "Tab")).toBe("Tab: 2");
    expect(await line(page, "Clicks")).toBe("Clicks: 2");
  });

  it("R132: Back and Forward run each page with its own URL's query; session state stays", async () => {
    const { page } = await browser.open("/e2e/address?tab=5");
    await page.getByRole("button", { name: "Next tab", exact: true }).click();
    await expect.poll(() => param(page, "tab")).toBe("6");
    const edited = new URL(page.url());
    edited.searchParams.set("tab", "9");
    await page.goto(edited.href); // the user edits the address
    await expect.poll(() => line(page, "Tab")).toBe("Tab: 9");
    await page.goBack();
    await expect.poll(() => line(page, "Tab")).toBe("Tab: 6");
    expect(param(page, "tab")).toBe("6");
    expect(await line(page, "Clicks")).toBe("Clicks: 1");
    await page.goForward();
    await expect.poll(() => line(page, "Tab")).toBe("Tab: 9");
    const runs = await line(page, "Runs");
    expect(Number(runs.split(": ")[1])).toBeGreaterThanOrEqual(5); // every history step was a run
  });

  it("R134 without JavaScript: the post/redirect/get lands on the address with the current query", async () => {
    const { page } = await browser.open("/e2e/address?tab=2", await browser.newUser(scriptsOff));
    expect(param(page, "_s")).toBeNull(); // nothing can write it into the address bar
    await page.getByRole("button", { name: "Next tab", exact: true }).click();
    await expect.poll(() => line(page, "Tab")).toBe("Tab: 3");
    expect(param(page, "tab")).toBe("3");
    expect(param(page, "_s")).toMatch(/^[A-Za-z0-9_-]{22}$/);
    await page.reload();
    await expect.poll(() => line(page, "Clicks")).toBe("Clicks: 1");
    expect(new URL(page.url()).origin).toBe(new URL(inject("baseUrl")).origin);
  });
});
