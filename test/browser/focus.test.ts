// DESIGN §4: a rerun never takes focus, caret or pending edits from the user, yet a value the
// server changed shows. Fixture: examples/e2e/focus.ts.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useBrowser, visibleText } from "./browser";

const browser = useBrowser();
const path = "/e2e/focus";

/** Holds the answers to event posts until `release` is called (a slow server, made deterministic). */
async function holdEventAnswers(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route((url) => url.pathname === path, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const response = await route.fetch();
    await released;
    await route.fulfill({ response });
  });
  return release;
}

/** Focus and caret of a field, as the user sees them: is it focused, and where is the caret. */
function caretOf(page: Page) {
  return page.evaluate(() => {
    const field = (globalThis as any).document.activeElement;
    return { label: field?.labels?.[0]?.innerText ?? null, value: field?.value ?? null, caret: field?.selectionStart ?? null };
  });
}

describe("focus, caret and pending edits across reruns", () => {
  it("keeps focus, caret and typed text in a field redrawn by a rerun another widget caused", async () => {
    const { page } = await browser.open(path);
    const main = page.getByRole("main");
    await expect.poll(() => visibleText(main)).toContain("Bumps: 0");
    const release = await holdEventAnswers(page);

    await page.getByRole("button", { name: "Bump", exact: true }).click();
    const name = page.getByRole("textbox", { name: /^Name/ });
    await name.click();
    await page.keyboard.type("hello");
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowLeft");
    expect(await caretOf(page)).toEqual({ label: "Name (bump 0)", value: "hello", caret: 2 });

    release();
    await expect.poll(() => visibleText(main)).toContain("Bumps: 1");
    await expect.poll(() => caretOf(page)).toEqual({ label: "Name (bump 1)", value: "hello", caret: 2 });
    await page.keyboard.type("X");
    expect(await name.inputValue()).toBe("heXllo");
    await page.keyboard.press("Enter");
    await expect.poll(() => visibleText(main)).toContain("Hello, heXllo");
    expect(await name.inputValue()).toBe("heXllo");
  });

  it("keeps what is typed after Enter while that very event is on its way", async () => {
    const { page, posts } = await browser.open(path);
    const main = page.getByRole("main");
    const release = await holdEventAnswers(page);
    const name = page.getByRole("textbox", { name: /^Name/ });
    await name.click();
    await page.keyboard.type("hel");
    await page.keyboard.press("Enter");
    // On its way: a first use holds the Enter until htmx has started, so typing on before the post
    // has left would put "hello" in it (and this test's last answer would already be on screen).
    await expect.poll(() => posts.length).toBe(1);
    await page.keyboard.type("lo");
    release();
    await expect.poll(() => visibleText(main)).toMatch(/Hello, hel(?!lo)/); // this answer, not the next
    expect(await caretOf(page)).toEqual({ label: "Name (bump 0)", value: "hello", caret: 5 });
    await page.keyboard.press("Enter");
    await expect.poll(() => visibleText(main)).toContain("Hello, hello");
    expect(posts).toHaveLength(2);
  });

  it("shows a value the server changed: a callback clears the field", async () => {
    const { page } = await browser.open(path);
    const main = page.getByRole("main");
    const name = page.getByRole("textbox", { name: /^Name/ });
    await name.fill("Ada");
    await name.press("Enter");
    await expect.poll(() => visibleText(main)).toContain("Hello, Ada");
    await page.getByRole("button", { name: "Clear name", exact: true }).click();
    await expect.poll(() => name.inputValue()).toBe("");
    await expect.poll(() => visibleText(main)).not.toContain("Ada");
  });

  it("runs a field's change callback once per Enter, and shows the value it rewrote while focused", async () => {
    const { page, posts } = await browser.open(path);
    const main = page.getByRole("main");
    const tag = page.getByRole("textbox", { name: "Tag", exact: true });
    await tag.click();
    await page.keyboard.type("  Hello World ");
    await page.keyboard.press("Enter");
    await expect.poll(() => tag.inputValue()).toBe("hello world");
    expect(await caretOf(page)).toMatchObject({ label: "Tag", value: "hello world" });
    // Events are answered in order: once the bump shows, everything the Enter caused has too.
    await page.getByRole("button", { name: "Bump", exact: true }).click();
    await expect.poll(() => visibleText(main)).toContain("Bumps: 1");
    expect(await visibleText(main)).toContain("Tag changes: 1");
    expect(posts).toHaveLength(2);
  });

  it("unticks a checkbox the user ticked when a callback resets it", async () => {
    const { page } = await browser.open(path);
    const agree = page.getByRole("checkbox", { name: "Agree", exact: true });
    await agree.check();
    await page.getByRole("button", { name: "Withdraw", exact: true }).click();
    await expect.poll(() => agree.isChecked()).toBe(false);
    await agree.check();
    await page.getByRole("button", { name: "Bump", exact: true }).click();
    await expect.poll(() => visibleText(page.getByRole("main"))).toContain("Bumps: 1");
    expect(await agree.isChecked()).toBe(true);
  });

  it("keeps pending edits of a form when another widget causes a rerun", async () => {
    const { page, posts } = await browser.open(path);
    const main = page.getByRole("main");
    const note = page.getByRole("textbox", { name: "Note", exact: true });
    await note.fill("draft");
    await page.getByRole("button", { name: "Bump", exact: true }).click();
    await expect.poll(() => visibleText(main)).toContain("Bumps: 1");
    expect(await note.inputValue()).toBe("draft");
    expect(posts).toHaveLength(1);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect.poll(() => visibleText(main)).toContain("Saved: draft");
  });
});
