// Issue 7: a page runs no script as it loads; its first use loads the boot module (boot.js, through
// the body's handlers), which loads htmx and the extension, and the event that used it is sent by
// them. A browser's first visit also carries the stylesheet inline (no second round trip on a slow
// network); everything runs under the CSP, and the files the page prefetches serve the next page
// load from the browser's cache.
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ASSET } from "../../src/wire";
import { useBrowser, visibleText } from "./browser";

const browser = useBrowser();

/** Installed before any page script: a log of CSP violations. */
const CSP_LOG = `window.__csp = []; document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));`;

/** How the page carries its assets: [linked scripts, inline scripts, <style> elements, linked stylesheets]. */
const ASSET_TAGS = `[
  document.querySelectorAll("script[src]").length,
  document.querySelectorAll("script:not([src])").length,
  document.querySelectorAll("style").length,
  document.querySelectorAll('link[rel="stylesheet"]').length,
]`;

/** The body's handler attributes (on…) still in place: until the boot module has loaded. */
const HANDLERS = `document.body.getAttributeNames().filter((name) => name.startsWith("on"))`;

/** Clicks Increment and checks that htmx sent it and swapped the answer in (no page load). */
async function incrementsInPlace(page: Page, posts: string[], expected: string): Promise<void> {
  await page.evaluate("window.__sameDocument = true");
  const before = posts.length;
  await page.getByRole("button", { name: "Increment", exact: true }).click();
  await expect.poll(() => visibleText(page.getByText(/^Count =/))).toBe(expected);
  expect(await page.evaluate("window.__sameDocument")).toBe(true);
  expect(posts).toHaveLength(before + 1);
}

/** A browser whose requests for `path` wait until the returned function is called. */
async function holding(path: string): Promise<{ user: BrowserContext; release: () => void }> {
  const user = await browser.newUser();
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await user.route((url) => url.pathname === path, async (route) => {
    await released;
    await route.continue();
  });
  return { user, release };
}

describe("first load", () => {
  it("a first visit runs no script as it loads; the first click loads the boot module and htmx, which send it", async () => {
    const user = await browser.newUser();
    await user.addInitScript(CSP_LOG);
    const { page, posts } = await browser.open("/seeds/counter", user);
    expect(await page.evaluate(ASSET_TAGS)).toEqual([0, 0, 1, 0]);
    // A page that is only read runs nothing: its handlers wait, the address bar keeps the bare path.
    await page.waitForTimeout(300);
    expect(await page.evaluate(HANDLERS)).toHaveLength(8);
    expect(new URL(page.url()).searchParams.has("_s")).toBe(false);
    expect(await page.evaluate("typeof htmx")).toBe("undefined");
    // The inline stylesheet applied: controls are at least 44 px tall.
    const height = await page.getByRole("button", { name: "Increment", exact: true }).evaluate((button: any) => button.getBoundingClientRect().height);
    expect(height).toBeGreaterThanOrEqual(44);
    await incrementsInPlace(page, posts, "Count = 1");
    expect(await page.evaluate("typeof htmx === 'object' && htmx.version")).toBe("4.0.1");
    expect(await page.evaluate(ASSET_TAGS)).toEqual([2, 0, 1, 0]); // htmx and the extension, loaded by the boot module
    // The boot module took over from the handlers and wrote the tab's address into the address bar.
    expect(await page.evaluate(HANDLERS)).toEqual([]);
    await expect.poll(() => new URL(page.url()).searchParams.has("_s")).toBe(true);
    await incrementsInPlace(page, posts, "Count = 2");
    expect(await page.evaluate("window.__csp")).toEqual([]);
  });

  it("the next load of the same browser links the stylesheet; the first visit's prefetches left every file in its cache", async () => {
    const user = await browser.newUser();
    await user.addInitScript(CSP_LOG);
    const { page, posts } = await browser.open("/seeds/counter", user);
    const files = [ASSET.stylesheet, ASSET.boot, ASSET.htmx, ASSET.extension];
    const fetched = `${JSON.stringify(files)}.filter((f) => performance.getEntriesByName(new URL(f, location.href).href).some((e) => e.responseEnd > 0)).length`;
    await expect.poll(() => page.evaluate(fetched), { timeout: 10_000 }).toBe(4);
    await incrementsInPlace(page, posts, "Count = 1");

    await page.reload(); // the tab's own URL, with the browser's cookie now set
    expect(await page.evaluate(ASSET_TAGS)).toEqual([0, 0, 0, 1]);
    await expect.poll(() => visibleText(page.getByText(/^Count =/))).toBe("Count = 1");
    await incrementsInPlace(page, posts, "Count = 2");
    // Served from the cache: nothing crossed the network for them (each is also prefetched again).
    const transferred = `${JSON.stringify(files)}.map((f) => performance.getEntriesByName(new URL(f, location.href).href).map((e) => e.transferSize))`;
    const sizes: number[][] = await page.evaluate(transferred);
    expect(sizes.map((entries) => entries.length > 0 && entries.every((size) => size === 0))).toEqual([true, true, true, true]);
    expect(await page.evaluate("window.__csp")).toEqual([]);
  });

  it("events made before the boot module has loaded wait for it and go in order, by htmx: Enter is one event", async () => {
    const { user, release } = await holding(ASSET.boot);
    const { page, posts } = await browser.open("/seeds/counter-callbacks", user);
    await page.evaluate("window.__sameDocument = true");
    const input = page.getByLabel("Enter a value");
    await input.fill("4");
    await input.press("Enter"); // its change, then its form's submit: both queued by the handlers
    const increment = page.getByRole("button", { name: "Increment", exact: true });
    await increment.click(); // a submit, held by the handler
    await page.waitForTimeout(300);
    expect(posts).toHaveLength(0);
    expect(await page.evaluate(HANDLERS)).toHaveLength(8); // the module has not run
    release();
    await expect.poll(() => visibleText(page.getByText(/^Count =/))).toBe("Count = 4");
    expect(posts).toHaveLength(2); // the Enter, then the click
    expect(await page.evaluate(HANDLERS)).toEqual([]);
    expect(await page.evaluate("window.__sameDocument")).toBe(true);
  });

  it("when the boot module cannot load, a submit its handler held goes as a plain post", async () => {
    const user = await browser.newUser();
    await user.route((url) => url.pathname === ASSET.boot, (route) => route.abort());
    const { page, posts } = await browser.open("/seeds/counter", user);
    await page.evaluate("window.__sameDocument = true");
    await page.getByRole("button", { name: "Increment", exact: true }).click();
    await expect.poll(() => visibleText(page.getByText(/^Count =/))).toBe("Count = 1");
    expect(posts).toHaveLength(1);
    expect(await page.evaluate("window.__sameDocument")).toBeUndefined(); // a new page: the post's redirect
  });

  it("events made while htmx is still loading wait for it and go in order, by htmx, not as plain posts", async () => {
    const { user, release } = await holding(ASSET.htmx);
    const { page, posts } = await browser.open("/seeds/counter-callbacks", user);
    await page.evaluate("window.__sameDocument = true");
    const input = page.getByLabel("Enter a value");
    await input.fill("5");
    await input.press("Tab"); // its change: held
    const increment = page.getByRole("button", { name: "Increment", exact: true });
    await increment.click(); // a submit: held
    await increment.click();
    expect(posts).toHaveLength(0);
    expect(await page.evaluate("typeof htmx")).toBe("undefined");
    release();
    await expect.poll(() => visibleText(page.getByText(/^Count =/))).toBe("Count = 10");
    expect(posts).toHaveLength(3);
    expect(await page.evaluate("window.__sameDocument")).toBe(true);
  });

  it("an event after htmx has started but before the extension has is held, not also sent: one click, one post", async () => {
    const { user, release } = await holding(ASSET.extension);
    const { page, posts } = await browser.open("/seeds/counter", user);
    await page.evaluate("window.__sameDocument = true");
    await page.mouse.move(5, 5); // starts the load; htmx runs, the extension is held back
    await page.locator("form[data-htmx-powered]").first().waitFor({ state: "attached" });
    await page.getByRole("button", { name: "Increment", exact: true }).click();
    await page.waitForTimeout(300); // htmx, which has started on the form, would have posted by now
    expect(posts).toHaveLength(0);
    release();
    await expect.poll(() => visibleText(page.getByText(/^Count =/))).toBe("Count = 1");
    expect(posts).toHaveLength(1);
    expect(await page.evaluate("window.__sameDocument")).toBe(true);
    await incrementsInPlace(page, posts, "Count = 2");
  });

  it("Enter in a field before the extension has started is one event, not a change and a submit", async () => {
    const { user, release } = await holding(ASSET.extension);
    const { page, posts } = await browser.open("/seeds/counter-callbacks", user);
    const input = page.getByLabel("Enter a value");
    await input.click(); // starts the load; htmx runs, the extension is held back
    await page.locator("form[data-htmx-powered]").first().waitFor({ state: "attached" });
    await input.fill("4");
    await input.press("Enter"); // change, then submit, of the same form
    release();
    await page.getByRole("button", { name: "Increment", exact: true }).click();
    await expect.poll(() => visibleText(page.getByText(/^Count =/))).toBe("Count = 4");
    expect(posts).toHaveLength(2);
  });

  it("when htmx cannot load, the held events go as plain form posts, in order, none lost", async () => {
    const user = await browser.newUser();
    let fail!: () => void;
    const failing = new Promise<void>((resolve) => (fail = resolve));
    await user.route((url) => url.pathname === ASSET.htmx, async (route) => {
      await failing;
      await route.abort();
    });
    const { page, posts } = await browser.open("/seeds/counter-callbacks", user);
    await page.evaluate("window.__sameDocument = true");
    const input = page.getByLabel("Enter a value");
    await input.fill("3");
    await input.press("Tab"); // its change: held
    await page.getByRole("button", { name: "Increment", exact: true }).click(); // held
    fail();
    await expect.poll(() => visibleText(page.getByText(/^Count =/))).toBe("Count = 3");
    expect(posts).toHaveLength(2);
    expect(await page.evaluate("window.__sameDocument")).toBeUndefined(); // a new page: the last post's redirect
    expect(await page.getByLabel("Enter a value").inputValue()).toBe("3");
  });
});
