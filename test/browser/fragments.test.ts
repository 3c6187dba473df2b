// SEMANTICS 1.13–1.14 in Chromium: a fragment on a timer and a dialog. Fixture: examples/e2e/fragments.ts.
//
// "Not re-rendered" is observed through a data-mark attribute the test puts on an element outside
// the fragment: a morph of that element would remove it (the server's markup has none).
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { scriptsOff, useBrowser, visibleText } from "./browser";

const browser = useBrowser();
const path = "/e2e/fragments";

function mark(locator: Locator): Promise<void> {
  return locator.evaluate((element: any) => element.setAttribute("data-mark", "untouched"));
}

function marked(locator: Locator): Promise<string | null> {
  return locator.getAttribute("data-mark");
}

function isModal(page: Page): Promise<boolean> {
  return page.locator("dialog.el-dialog").evaluate((dialog: any) => dialog.matches(":modal"));
}

describe("st.fragment with runEvery (R119, R122)", () => {
  it("R122/R119: a runEvery fragment counts on its own, redraws nothing outside, and stops polling once it is gone", async () => {
    const user = await browser.newUser();
    await user.clock.install(); // real time flows (resume below); fastForward can jump ahead
    const { page, posts } = await browser.open(path, user);
    await page.clock.resume();
    const main = page.getByRole("main");
    await page.getByRole("checkbox", { name: "Show the clock" }).check();
    await expect.poll(() => visibleText(main)).toContain("Ticks: 1");
    expect(await visibleText(main)).toContain("Full runs: 2");

    const fullRuns = page.locator(".el", { hasText: /^Full runs:/ });
    const note = page.getByRole("textbox", { name: "Note" });
    await mark(fullRuns);
    await mark(note);
    await note.fill("typed, not sent"); // a pending edit outside: a redraw would not show it
    await expect.poll(() => visibleText(main), { timeout: 15_000 }).toContain("Ticks: 4");
    expect(await visibleText(main)).toContain("Full runs: 2");
    expect(await marked(fullRuns)).toBe("untouched");
    expect(await marked(note)).toBe("untouched");
    expect(await note.inputValue()).toBe("typed, not sent");

    // Leaving the note commits it (a full run), then the box hides the clock (another).
    await page.getByRole("checkbox", { name: "Show the clock" }).uncheck();
    await expect.poll(() => visibleText(main)).toContain("Full runs: 4");
    expect(await visibleText(main)).not.toContain("Ticks");
    // A live timer would fire during this jump and post before the click below (events queue in order).
    const before = posts.length;
    await page.clock.fastForward("00:10");
    await page.getByRole("button", { name: "Add one" }).click();
    await expect.poll(() => visibleText(main)).toContain("Clicks: 1");
    expect(posts.length - before).toBe(1);
  });
});

describe("st.fragment with runEvery on a page as it loads", () => {
  it("polls without the page being used: its body loads the boot module, and so htmx, on load", async () => {
    const { page } = await browser.open(path);
    const main = page.getByRole("main");
    await page.getByRole("checkbox", { name: "Show the clock" }).check();
    await expect.poll(() => visibleText(main)).toContain("Ticks: 1");
    await expect.poll(() => new URL(page.url()).searchParams.has("_s")).toBe(true);
    await page.reload(); // the tab's URL: the page arrives with the fragment, and nothing touches it
    const ticks = async () => Number(/Ticks: (\d+)/.exec(await visibleText(main))?.[1]);
    const shown = await ticks();
    await expect.poll(ticks, { timeout: 15_000 }).toBeGreaterThan(shown);
    expect(await page.evaluate(`document.body.getAttributeNames().filter((name) => name.startsWith("on"))`)).toEqual([]);
  });
});

describe("st.dialog (R129–R131)", () => {
  it("R129/R130: a dialog opens modally, reruns only itself, closes on Escape without a request and on a full rerun", async () => {
    const { page, posts } = await browser.open(path);
    const main = page.getByRole("main");
    const dialog = page.getByRole("dialog", { name: "Edit the name" });
    await page.getByRole("button", { name: "Edit the name" }).click();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await isModal(page)).toBe(true);
    expect(await visibleText(main)).toContain("Full runs: 2");

    const fullRuns = page.locator(".el", { hasText: /^Full runs:/ });
    await mark(fullRuns);
    const name = dialog.getByRole("textbox", { name: "Name" });
    await name.fill("Ada");
    await name.press("Enter");
    await expect.poll(() => visibleText(dialog)).toContain("Draft: Ada");
    expect(await isModal(page)).toBe(true);
    expect(await marked(fullRuns)).toBe("untouched");
    expect(await visibleText(fullRuns)).toBe("Full runs: 2");

    const sent = posts.length;
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.isVisible()).toBe(false);
    // The next event is the only post since the Escape (posts leave in order).
    await page.getByRole("button", { name: "Edit the name" }).click();
    await expect.poll(() => visibleText(main)).toContain("Full runs: 3");
    expect(posts.length - sent).toBe(1);
    await expect.poll(() => isModal(page)).toBe(true); // opened again by this run

    await name.fill("Grace");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => visibleText(main)).toContain("Name: Grace");
    expect(await page.locator("dialog").count()).toBe(0);
  });

  it("R130: with onDismiss, Escape or the close button is an event: the callback runs, then the app", async () => {
    const { page } = await browser.open(path);
    const main = page.getByRole("main");
    const notice = page.getByRole("dialog", { name: "Notice" });
    for (const [close, count] of [["Escape", 1], ["button", 2]] as const) {
      await page.getByRole("button", { name: "Show the notice" }).click();
      await expect.poll(() => notice.isVisible()).toBe(true);
      expect(await isModal(page)).toBe(true);
      if (close === "Escape") await page.keyboard.press("Escape");
      else await notice.getByRole("button", { name: "Close" }).click();
      await expect.poll(() => visibleText(main)).toContain(`Dismissed: ${count}`);
      expect(await page.locator("dialog").count()).toBe(0);
    }
  });

  it("R129/R130: without JavaScript the dialog shows in the page, reruns with plain posts and closes without one", async () => {
    const { page, posts } = await browser.open(path, await browser.newUser(scriptsOff));
    const dialog = page.getByRole("dialog", { name: "Edit the name" });
    await page.getByRole("button", { name: "Edit the name" }).click();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const name = dialog.getByRole("textbox", { name: "Name" });
    await name.fill("Ada");
    await name.press("Enter");
    await expect.poll(() => visibleText(dialog)).toContain("Draft: Ada");
    const sent = posts.length;
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(posts.length).toBe(sent);
    await page.getByRole("button", { name: "Edit the name" }).click();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => visibleText(page.getByRole("main"))).toContain("Name: Ada");
    expect(await page.locator("dialog").count()).toBe(0);
  });
});
