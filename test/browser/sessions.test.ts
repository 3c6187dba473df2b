// DESIGN §3: each tab is a session that survives reloads; other tabs and other browsers get their own.
import { describe, expect, it } from "vitest";
import { useBrowser, visibleText } from "./browser";

const browser = useBrowser();

async function clickIncrement(page: import("playwright-core").Page, expected: number) {
  await page.getByRole("button", { name: "Increment", exact: true }).click();
  await expect.poll(() => visibleText(page.getByText(/^Count =/))).toBe(`Count = ${expected}`);
}

describe("sessions", () => {
  it("reloading the page keeps the count", async () => {
    const { page } = await browser.open("/seeds/counter");
    await clickIncrement(page, 1);
    await clickIncrement(page, 2);
    await page.reload();
    await expect.poll(() => visibleText(page.getByText(/^Count =/))).toBe("Count = 2");
    await clickIncrement(page, 3);
  });

  it("a second browser gets its own session, starting at 0", async () => {
    const first = await browser.open("/seeds/counter");
    await clickIncrement(first.page, 1);
    await clickIncrement(first.page, 2);

    const second = await browser.open("/seeds/counter");
    await expect.poll(() => visibleText(second.page.getByText(/^Count =/))).toBe("Count = 0");
    await clickIncrement(second.page, 1);

    await first.page.reload();
    await expect.poll(() => visibleText(first.page.getByText(/^Count =/))).toBe("Count = 2");
  });

  it("a new tab in the same browser starts a new session", async () => {
    const user = await browser.newUser();
    const first = await browser.open("/seeds/counter", user);
    await clickIncrement(first.page, 1);
    const second = await browser.open("/seeds/counter", user);
    await expect.poll(() => visibleText(second.page.getByText(/^Count =/))).toBe("Count = 0");
  });

  it("a tab's address opened in another browser does not reach that tab's session", async () => {
    const first = await browser.open("/seeds/counter");
    await clickIncrement(first.page, 1);
    await clickIncrement(first.page, 2);
    const leaked = await browser.open(first.page.url());
    await expect.poll(() => visibleText(leaked.page.getByText(/^Count =/))).toBe("Count = 0");
    await clickIncrement(leaked.page, 1);
    await first.page.reload();
    await expect.poll(() => visibleText(first.page.getByText(/^Count =/))).toBe("Count = 2");
  });
});
