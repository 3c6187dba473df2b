// The st.form seed: edits stay in the browser until Submit sends them all as one event.
import { describe, expect, it } from "vitest";
import { useBrowser, visibleText } from "./browser";

const browser = useBrowser();

describe("seed: form", () => {
  it("sends nothing until Submit, then shows the submitted values", async () => {
    const { page, posts } = await browser.open("/seeds/form");
    const main = page.getByRole("main");
    await expect.poll(() => visibleText(main)).toMatch(/^Inside the form.*Outside the form$/);

    const slider = page.getByRole("slider", { name: "Form slider" });
    await slider.focus();
    for (let i = 0; i < 5; i++) await slider.press("ArrowRight");
    expect(await slider.inputValue()).toBe("5");
    expect(posts).toEqual([]);

    const checkbox = page.getByRole("checkbox", { name: "Form checkbox" });
    await checkbox.check();
    expect(await checkbox.isChecked()).toBe(true);
    expect(posts).toEqual([]);
    expect(await visibleText(main)).not.toContain("checkbox true");

    await page.getByRole("button", { name: "Submit", exact: true }).click();
    await expect.poll(() => visibleText(main)).toContain("slider 5 checkbox true");
    // Events are sent in order, so a post caused by the slider or the checkbox would have left first.
    expect(posts).toHaveLength(1);
    expect(await slider.inputValue()).toBe("5");
    expect(await checkbox.isChecked()).toBe(true);
  });

  it("shows the value the slider's thumb is on while the form is edited", async () => {
    const { page, posts } = await browser.open("/seeds/form");
    const main = page.getByRole("main");
    await expect.poll(() => visibleText(main)).toContain("Form slider 0 Form checkbox");
    const slider = page.getByRole("slider", { name: "Form slider" });
    await slider.focus();
    await slider.press("End");
    expect(await slider.inputValue()).toBe("100");
    await expect.poll(() => visibleText(main)).toContain("Form slider 100 Form checkbox");
    expect(posts).toEqual([]);
  });

  it("submits again with what was changed since", async () => {
    const { page, posts } = await browser.open("/seeds/form");
    const main = page.getByRole("main");
    const submit = page.getByRole("button", { name: "Submit", exact: true });
    await submit.click();
    await expect.poll(() => visibleText(main)).toContain("slider 0 checkbox false");
    await page.getByRole("checkbox", { name: "Form checkbox" }).check();
    const slider = page.getByRole("slider", { name: "Form slider" });
    await slider.focus();
    await slider.press("End");
    expect(posts).toHaveLength(1);
    await submit.click();
    await expect.poll(() => visibleText(main)).toContain("slider 100 checkbox true");
    expect(posts).toHaveLength(2);
  });
});
