// The session-state counter seeds, clicked through as a user would.
import { describe, expect, it } from "vitest";
import { headings, useBrowser, visibleText } from "./browser";

const browser = useBrowser();

describe("seed: session-state counter", () => {
  it("shows the count after every click", async () => {
    const { page, posts } = await browser.open("/seeds/counter");
    const count = page.getByText(/^Count =/);
    expect(await headings(page)).toEqual(["Counter Example"]);
    await expect.poll(() => visibleText(count)).toBe("Count = 0");
    const increment = page.getByRole("button", { name: "Increment", exact: true });
    const decrement = page.getByRole("button", { name: "Decrement", exact: true });

    await increment.click();
    await expect.poll(() => visibleText(count)).toBe("Count = 1");
    await increment.click();
    await expect.poll(() => visibleText(count)).toBe("Count = 2");
    await decrement.click();
    await expect.poll(() => visibleText(count)).toBe("Count = 1");
    await decrement.click();
    await decrement.click();
    await expect.poll(() => visibleText(count)).toBe("Count = -1");
    expect(posts).toHaveLength(5);
  });

  it("counts every one of several quick clicks, in order", async () => {
    const { page, posts } = await browser.open("/seeds/counter");
    const count = page.getByText(/^Count =/);
    await expect.poll(() => visibleText(count)).toBe("Count = 0");
    const increment = page.getByRole("button", { name: "Increment", exact: true });
    // No waiting between clicks: the events queue up on the client and none may be dropped.
    for (let i = 0; i < 5; i++) await increment.click();
    await expect.poll(() => visibleText(count)).toBe("Count = 5");
    expect(posts).toHaveLength(5);
    await page.getByRole("button", { name: "Decrement", exact: true }).click();
    await expect.poll(() => visibleText(count)).toBe("Count = 4");
  });
});

describe("seed: counter with callbacks", () => {
  it("adds and subtracts the number typed in, the callback running before the script", async () => {
    const { page } = await browser.open("/seeds/counter-callbacks");
    const count = page.getByText(/^Count =/);
    expect(await headings(page)).toEqual(["Counter Example using Callbacks with args"]);
    await expect.poll(() => visibleText(count)).toBe("Count = 0");
    const value = page.getByRole("spinbutton", { name: "Enter a value" });
    await expect.poll(() => value.inputValue()).toBe("0");

    // Enter commits the number; the buttons then pass it to their callbacks.
    await value.fill("5");
    await value.press("Enter");
    await page.getByRole("button", { name: "Increment", exact: true }).click();
    await expect.poll(() => visibleText(count)).toBe("Count = 5");
    await page.getByRole("button", { name: "Increment", exact: true }).click();
    await expect.poll(() => visibleText(count)).toBe("Count = 10");
    await page.getByRole("button", { name: "Decrement", exact: true }).click();
    await expect.poll(() => visibleText(count)).toBe("Count = 5");
    expect(await value.inputValue()).toBe("5");
  });

  it("uses a number typed and left by clicking a button straight away", async () => {
    const { page } = await browser.open("/seeds/counter-callbacks");
    const count = page.getByText(/^Count =/);
    await expect.poll(() => visibleText(count)).toBe("Count = 0");
    // The click blurs the input first, so its change is sent (and queued) before the click.
    await page.getByRole("spinbutton", { name: "Enter a value" }).fill("3");
    await page.getByRole("button", { name: "Increment", exact: true }).click();
    await expect.poll(() => visibleText(count)).toBe("Count = 3");
  });
});
