// DESIGN §4: with JavaScript off every widget is a plain form post answered with the whole page
// (post/redirect/get). Each app below is walked twice, with scripting on (htmx) and off, and
// must show the same text after every step.
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { scriptsOff, useBrowser, visibleText } from "./browser";

const browser = useBrowser();

interface Driver {
  page: Page;
  scripts: boolean;
  /** Sends a change-committed widget outside a form: its change event, or its Apply button. */
  apply(control: Locator): Promise<void>;
}

interface Step {
  what: string;
  act(d: Driver): Promise<void>;
  /** Text that appears in the app once the step took effect. */
  shows: string | RegExp;
  /** The step changes only client state (a tab, an expander): no event, no new render. */
  local?: true;
}

/** The app's text as a user reads it; the no-script Apply buttons are the one intended difference. */
async function appText(page: Page): Promise<string> {
  // Each Apply button also carries its widget's label for screen readers; leave the whole button out.
  const applies = page.locator(".el-apply");
  await applies.evaluateAll((buttons: any[]) => buttons.forEach((b) => (b.hidden = true)));
  const text = await visibleText(page.locator(".el-app"));
  await applies.evaluateAll((buttons: any[]) => buttons.forEach((b) => (b.hidden = false)));
  return text;
}

async function walk(path: string, steps: Step[], scripts: boolean): Promise<string[]> {
  const { page } = await browser.open(path, await browser.newUser(scripts ? {} : scriptsOff));
  const apply = async (control: Locator) => {
    if (scripts) return;
    await page.locator("form.el-wform", { has: control }).getByRole("button", { name: "Apply" }).click();
  };
  const seen: string[] = [];
  // Every event yields a new render sequence; waiting for it means a step never races the
  // previous step's page load (scripts off) or update (scripts on).
  const seq = () => page.locator("#el-seq").inputValue({ timeout: 1_000 });
  for (const step of steps) {
    const before = await seq();
    await step.act({ page, scripts, apply });
    if (!step.local) await expect.poll(seq, { message: `${step.what}: a new render` }).not.toBe(before);
    const text = expect.poll(() => appText(page), { message: step.what });
    await (typeof step.shows === "string" ? text.toContain(step.shows) : text.toMatch(step.shows));
    seen.push(await appText(page));
  }
  return seen;
}

/** A tab is a hidden radio; pointers use its label. */
const tabLabel = (page: Page, name: string) => page.locator("label.el-tab-label", { hasText: name });

const button = (name: string): Step["act"] => ({ page }) => page.getByRole("button", { name, exact: true }).click();

const apps: Record<string, Step[]> = {
  "/seeds/counter": [
    { what: "increment", act: button("Increment"), shows: "Count = 1" },
    { what: "increment again", act: button("Increment"), shows: "Count = 2" },
    { what: "decrement", act: button("Decrement"), shows: /Count = 1$/ },
  ],
  "/seeds/counter-callbacks": [
    {
      what: "enter 5 (Enter commits)",
      act: async ({ page }) => {
        const value = page.getByRole("spinbutton", { name: "Enter a value" });
        await value.fill("5");
        await value.press("Enter");
      },
      // The number input's new value shows only in the button's args; the next step proves it.
      shows: "Count = 0",
    },
    { what: "increment by 5", act: button("Increment"), shows: "Count = 5" },
    { what: "decrement by 5", act: button("Decrement"), shows: /Count = 0$/ },
  ],
  "/seeds/form": [
    {
      what: "edit the form, then submit",
      act: async ({ page }) => {
        const slider = page.getByRole("slider", { name: "Form slider" });
        await slider.focus();
        await slider.press("End");
        await page.getByRole("checkbox", { name: "Form checkbox" }).check();
        await page.getByRole("button", { name: "Submit", exact: true }).click();
      },
      shows: "slider 100 checkbox true",
    },
  ],
  // The header (its anchor shows as "#") now reads as the button; the gallery's menu comes first.
  "/seeds/rerun": [{ what: "Foo", act: button("Foo"), shows: / Foo# Foo$/ }],
  "/seeds/rerun-callback": [{ what: "Bar", act: button("Bar"), shows: / Bar# Bar$/ }],
  "/seeds/rerun-container": [{ what: "Baz", act: button("Baz"), shows: / Baz# Baz$/ }],
  "/demo": [
    {
      what: "a name, committed with Enter",
      act: async ({ page }) => {
        await page.getByRole("textbox", { name: "Your name" }).fill("Ada");
        await page.getByRole("textbox", { name: "Your name" }).press("Enter");
      },
      shows: "Hello Ada",
    },
    {
      what: "a text area, committed on blur or Apply",
      act: async ({ page, scripts, apply }) => {
        const bio = page.getByRole("textbox", { name: "About you" });
        await bio.fill("Writes engines.");
        if (scripts) await bio.blur();
        await apply(bio);
      },
      shows: "Writes engines.",
    },
    {
      what: "a checkbox",
      act: async ({ page, apply }) => {
        const agree = page.getByRole("checkbox", { name: "I agree" });
        await agree.check();
        await apply(agree);
      },
      shows: "Thanks for agreeing.",
    },
    {
      what: "a selectbox",
      act: async ({ page, apply }) => {
        const fruit = page.getByRole("combobox", { name: "Fruit" });
        await fruit.selectOption("cherry");
        await apply(fruit);
      },
      shows: /"fruit": "cherry"/,
    },
    {
      what: "a multiselect",
      act: async ({ page, apply }) => {
        const tags = page.getByRole("listbox", { name: "Tags" });
        await tags.selectOption(["green", "blue"]);
        await apply(tags);
      },
      shows: /"tags": \[\s*"green",\s*"blue"\s*\]/,
    },
    {
      what: "a slider, moved with the keyboard",
      act: async ({ page, apply }) => {
        const level = page.getByRole("slider", { name: "Level" });
        await level.focus();
        await level.press("End");
        await apply(level);
      },
      shows: "That is a high level.",
    },
    {
      what: "a number input, committed with Enter",
      act: async ({ page }) => {
        const age = page.getByRole("spinbutton", { name: "Age" });
        await age.fill("42");
        await age.press("Enter");
      },
      shows: /"age": 42/,
    },
    {
      what: "a date",
      act: async ({ page, apply }) => {
        const day = page.getByLabel("Day", { exact: true });
        await day.fill("2026-02-01");
        await apply(day);
      },
      shows: /"day": "2026-02-01/,
    },
    { what: "a button with a callback", act: button("Click me"), shows: "Clicks: 1" },
    {
      what: "a toggle in the sidebar",
      act: async ({ page, apply }) => {
        const details = page.getByRole("switch", { name: "Show details" });
        await details.check();
        await apply(details);
      },
      shows: /"details": true/,
    },
    {
      what: "a form, sent by its button",
      act: async ({ page }) => {
        await page.getByRole("textbox", { name: "Email" }).fill("ada@example.com");
        await page.getByRole("radio", { name: "Pro" }).check();
        await page.getByRole("button", { name: "Sign up", exact: true }).click();
      },
      shows: "Signed up ada@example.com for Pro.",
    },
    { what: "an exception", act: button("Raise an error"), shows: "This is what an exception looks like." },
    // Tabs and expanders are client state (no request), so they come last: a plain post's
    // reload would show the first tab again, which htmx's partial update does not.
    {
      what: "the Data tab",
      act: ({ page }) => tabLabel(page, "Data").click(),
      shows: "banana",
      local: true,
    },
    {
      what: "the Layout tab and its expander",
      act: async ({ page }) => {
        await tabLabel(page, "Layout").click();
        await page.getByText("An expander", { exact: true }).click();
      },
      shows: "Hidden until opened",
      local: true,
    },
  ],
};

describe("without JavaScript, the same app as with it", () => {
  for (const [path, steps] of Object.entries(apps)) {
    it(`${path}: ${steps.map((s) => s.what).join(", ")}`, async () => {
      const withScripts = await walk(path, steps, true);
      const withoutScripts = await walk(path, steps, false);
      expect(withoutScripts).toEqual(withScripts);
    });
  }

  it("a checkbox outside a form offers Apply only when scripting is off; a form's checkbox never does", async () => {
    const off = (await browser.open("/demo", await browser.newUser(scriptsOff))).page;
    const on = (await browser.open("/demo")).page;
    const applyOf = (page: Page, label: string) =>
      page.locator("form", { has: page.getByRole("checkbox", { name: label }) }).getByRole("button", { name: "Apply" });
    await expect.poll(() => applyOf(off, "I agree").count()).toBe(1);
    expect(await applyOf(on, "I agree").count()).toBe(0);
    const form = (await browser.open("/seeds/form", await browser.newUser(scriptsOff))).page;
    expect(await applyOf(form, "Form checkbox").count()).toBe(0);
  });

  it("the counter's count survives a reload (post/redirect/get)", async () => {
    const { page } = await browser.open("/seeds/counter", await browser.newUser(scriptsOff));
    await page.getByRole("button", { name: "Increment", exact: true }).click();
    await expect.poll(() => visibleText(page.getByText(/^Count =/))).toBe("Count = 1");
    await page.reload();
    await expect.poll(() => visibleText(page.getByText(/^Count =/))).toBe("Count = 1");
  });
});
