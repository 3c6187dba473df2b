// Keyboard only: the seed form and the counter with Tab, Space and Enter alone; focus stays on the
// control the user was on across updates, and it shows a visible focus ring.
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useBrowser, visibleText } from "./browser";

const browser = useBrowser();

/** Is `control` the focused element? (Runs in the page; loosely typed: no DOM lib in tsconfig.) */
const focused = (control: Locator) => control.evaluate((el: any) => el === el.ownerDocument.activeElement, undefined, { timeout: 1_000 });

/** The focused element's outline, as drawn. */
const focusRing = (page: Page) =>
  page.evaluate(() => {
    const el = (globalThis as any).document.activeElement;
    const style = (globalThis as any).getComputedStyle(el);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });

/** The gallery's menu comes first in tab order: Tab through its links, each with a focus ring. */
async function tabPastMenu(page: Page) {
  const links = page.getByRole("navigation", { name: "Pages" }).getByRole("link");
  const count = await links.count();
  for (let i = 0; i < count; i++) await tabTo(page, links.nth(i));
}

async function tabTo(page: Page, control: Locator) {
  await page.keyboard.press("Tab");
  await expect.poll(() => focused(control)).toBe(true);
  const ring = await focusRing(page);
  expect(ring.style).not.toBe("none");
  expect(ring.width).toBeGreaterThanOrEqual(2);
}

describe("keyboard only", () => {
  it("completes the seed form: Tab past the slider, Space ticks the checkbox, Enter submits", async () => {
    const { page, posts } = await browser.open("/seeds/form");
    await tabPastMenu(page);
    await tabTo(page, page.getByRole("slider", { name: "Form slider" }));
    const checkbox = page.getByRole("checkbox", { name: "Form checkbox" });
    await tabTo(page, checkbox);
    await page.keyboard.press("Space");
    expect(await checkbox.isChecked()).toBe(true);
    const submit = page.getByRole("button", { name: "Submit", exact: true });
    await tabTo(page, submit);
    expect(posts).toEqual([]);
    await page.keyboard.press("Enter");
    await expect.poll(() => visibleText(page.getByRole("main"))).toContain("slider 0 checkbox true");
    expect(await focused(submit)).toBe(true);
  });

  it("counts with the counter: Enter and Space press a button, and focus stays on it", async () => {
    const { page } = await browser.open("/seeds/counter");
    const count = page.getByText(/^Count =/);
    const increment = page.getByRole("button", { name: "Increment", exact: true });
    await tabPastMenu(page);
    await tabTo(page, increment);
    await page.keyboard.press("Enter");
    await expect.poll(() => visibleText(count)).toBe("Count = 1");
    expect(await focused(increment)).toBe(true);
    await page.keyboard.press("Space");
    await expect.poll(() => visibleText(count)).toBe("Count = 2");
    expect(await focused(increment)).toBe(true);
    const decrement = page.getByRole("button", { name: "Decrement", exact: true });
    await tabTo(page, decrement);
    await page.keyboard.press("Enter");
    await expect.poll(() => visibleText(count)).toBe("Count = 1");
    expect(await focused(decrement)).toBe(true);
  });

  it("when the focused button is gone after an update, focus moves to the place it was", async () => {
    const { page } = await browser.open("/seeds/counter");
    const decrement = page.getByRole("button", { name: "Decrement", exact: true });
    const place = await decrement.locator("xpath=ancestor::div[contains(@class,'el-node-button')]").getAttribute("id");
    // The server's answer plus one part that redraws the button's element without the button.
    await page.route((url) => url.pathname === "/seeds/counter", async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      const response = await route.fetch();
      const gone = `<hx-partial hx-target="#${place}" hx-swap="outerMorph"><div class="el el-node-button" id="${place}"><p>No more decrements</p></div></hx-partial>`;
      await route.fulfill({ response, body: (await response.text()) + gone });
    });
    await tabPastMenu(page);
    await page.keyboard.press("Tab");
    await tabTo(page, decrement);
    await page.keyboard.press("Enter");
    await expect.poll(() => visibleText(page.getByRole("main"))).toContain("No more decrements");
    await expect.poll(() => page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe(place);
  });
});
