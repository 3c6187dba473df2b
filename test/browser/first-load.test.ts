// Issue 7: a browser's first visit carries the stylesheet and the scripts inline (no second round
// trip on a slow network); they run under the CSP, and the files the page prefetches serve the
// next page load of the same browser from its cache.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ASSET } from "../../src/wire";
import { useBrowser, visibleText } from "./browser";

const browser = useBrowser();

/** Installed before any page script: a log of CSP violations. */
const CSP_LOG = `window.__csp = []; document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));`;

/** How the page carries its assets: [linked scripts, inline module scripts, <style> elements, linked stylesheets]. */
const ASSET_TAGS = `[
  document.querySelectorAll("script[src]").length,
  document.querySelectorAll('script[type="module"]:not([src])').length,
  document.querySelectorAll("style").length,
  document.querySelectorAll('link[rel="stylesheet"]').length,
]`;

/** Clicks Increment and checks that htmx sent it and swapped the answer in (no page load). */
async function incrementsInPlace(page: Page, posts: string[], expected: string): Promise<void> {
  await page.evaluate("window.__sameDocument = true");
  const before = posts.length;
  await page.getByRole("button", { name: "Increment", exact: true }).click();
  await expect.poll(() => visibleText(page.getByText(/^Count =/))).toBe(expected);
  expect(await page.evaluate("window.__sameDocument")).toBe(true);
  expect(posts).toHaveLength(before + 1);
}

describe("first load", () => {
  it("a first visit runs its inline stylesheet and scripts under the CSP; events then go by htmx", async () => {
    const user = await browser.newUser();
    await user.addInitScript(CSP_LOG);
    const { page, posts } = await browser.open("/seeds/counter", user);
    expect(await page.evaluate(ASSET_TAGS)).toEqual([0, 1, 1, 0]);
    await expect.poll(() => page.evaluate("typeof htmx === 'object' && htmx.version")).toBe("4.0.1");
    // The extension ran: it wrote the tab's address into the address bar.
    await expect.poll(() => new URL(page.url()).searchParams.has("_s")).toBe(true);
    // The inline stylesheet applied: controls are at least 44 px tall.
    const height = await page.getByRole("button", { name: "Increment", exact: true }).evaluate((button: any) => button.getBoundingClientRect().height);
    expect(height).toBeGreaterThanOrEqual(44);
    await incrementsInPlace(page, posts, "Count = 1");
    expect(await page.evaluate("window.__csp")).toEqual([]);
  });

  it("the next load of the same browser links the files, which the first visit's prefetches left in its cache", async () => {
    const user = await browser.newUser();
    await user.addInitScript(CSP_LOG);
    const { page, posts } = await browser.open("/seeds/counter", user);
    const files = [ASSET.stylesheet, ASSET.htmx, ASSET.extension];
    const fetched = `${JSON.stringify(files)}.filter((f) => performance.getEntriesByName(new URL(f, location.href).href).some((e) => e.responseEnd > 0)).length`;
    await expect.poll(() => page.evaluate(fetched), { timeout: 10_000 }).toBe(3);
    await incrementsInPlace(page, posts, "Count = 1");

    await page.reload(); // the tab's own URL, with the browser's cookie now set
    await expect.poll(() => page.evaluate("typeof htmx === 'object' && htmx.version")).toBe("4.0.1");
    expect(await page.evaluate(ASSET_TAGS)).toEqual([2, 0, 0, 1]);
    // Served from the cache: nothing crossed the network for them.
    const transferred = `${JSON.stringify(files)}.map((f) => performance.getEntriesByName(new URL(f, location.href).href).map((e) => e.transferSize))`;
    expect(await page.evaluate(transferred)).toEqual([[0], [0], [0]]);
    await expect.poll(() => visibleText(page.getByText(/^Count =/))).toBe("Count = 1");
    await incrementsInPlace(page, posts, "Count = 2");
    expect(await page.evaluate("window.__csp")).toEqual([]);
  });
});
