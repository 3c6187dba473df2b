// SEMANTICS 1.16 in Chromium: the gallery is one multipage app; its pages share the tab's session,
// its menu and st.pageLink are plain links (JavaScript or not), st.switchPage swaps the page in
// and pushes its address, and leaving a page drops its widgets (R72, R140).
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { headings, scriptsOff, useBrowser, visibleText } from "./browser";

const browser = useBrowser();

const count = (page: Page) => visibleText(page.getByText(/^Count =/));
const menuLink = (page: Page, name: string) => page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name, exact: true });
const path = (page: Page) => new URL(page.url()).pathname;
const token = (page: Page) => new URL(page.url()).searchParams.get("_s");

describe("the gallery, a multipage app (R138–R140)", () => {
  it("R138: menu links move between pages in the same session; session state is shared", async () => {
    const { page } = await browser.open("/seeds/counter");
    await page.getByRole("button", { name: "Increment", exact: true }).click();
    await expect.poll(() => count(page)).toBe("Count = 1");
    // The boot module, loaded by that first use, wrote the tab's token into the address bar.
    await expect.poll(() => token(page)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const tab = token(page);
    expect(await menuLink(page, "Counter").getAttribute("aria-current")).toBe("page");
    await menuLink(page, "Form").click();
    await expect.poll(() => path(page)).toBe("/seeds/form");
    expect(token(page)).toBe(tab);
    await expect.poll(() => page.title()).toBe("Form");
    await menuLink(page, "Counter").click();
    await expect.poll(() => count(page)).toBe("Count = 1");
    await page.getByRole("button", { name: "Increment", exact: true }).click();
    await expect.poll(() => count(page)).toBe("Count = 2");
  });

  it("R139: st.switchPage swaps the form page in, pushes its address, and its widgets post to it; Back returns", async () => {
    const { page } = await browser.open("/");
    expect(await headings(page)).toEqual(["Edgelit"]);
    await page.getByRole("button", { name: "Open the form with st.switchPage", exact: true }).click();
    await expect.poll(() => path(page)).toBe("/seeds/form");
    await expect.poll(() => visibleText(page.getByRole("main"))).toContain("Inside the form");
    expect(await page.title()).toBe("Form");
    await page.getByRole("checkbox", { name: "Form checkbox" }).check();
    await page.getByRole("button", { name: "Submit", exact: true }).click();
    await expect.poll(() => visibleText(page.getByRole("main"))).toContain("checkbox true");
    await page.goBack();
    await expect.poll(() => path(page)).toBe("/");
    await expect.poll(() => headings(page)).toEqual(["Edgelit"]);
  });

  it("R140: leaving a page drops its widgets' state; staying (a reload) keeps it", async () => {
    const { page } = await browser.open("/seeds/counter-callbacks");
    const value = page.getByRole("spinbutton", { name: "Enter a value" });
    await value.fill("5");
    await value.press("Enter");
    await page.getByRole("button", { name: "Increment", exact: true }).click();
    await expect.poll(() => count(page)).toBe("Count = 5");
    await page.reload();
    await expect.poll(() => value.inputValue()).toBe("5");
    await menuLink(page, "Form").click();
    await expect.poll(() => path(page)).toBe("/seeds/form");
    await menuLink(page, "Counter with callbacks").click();
    await expect.poll(() => path(page)).toBe("/seeds/counter-callbacks");
    await expect.poll(() => value.inputValue()).toBe("0");
    expect(await count(page)).toBe("Count = 5"); // plain session state is shared, not dropped
  });

  it("without JavaScript, menu links and st.pageLink keep the tab's session", async () => {
    const { page } = await browser.open("/seeds/counter", await browser.newUser(scriptsOff));
    await page.getByRole("button", { name: "Increment", exact: true }).click();
    await expect.poll(() => count(page)).toBe("Count = 1");
    const tab = token(page);
    await menuLink(page, "Home").click();
    await expect.poll(() => path(page)).toBe("/");
    expect(token(page)).toBe(tab);
    await page.getByRole("main").getByRole("link", { name: "Counter", exact: true }).click(); // st.pageLink
    await expect.poll(() => count(page)).toBe("Count = 1");
  });
});
