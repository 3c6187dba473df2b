import { describe, expect, it } from "vitest";
import { TestBrowser, textOf } from "../workers/client";

describe("production mode (EDGELIT_ENV=production)", () => {
  it("redacts an exception's details in the error box and keeps the session usable (R96)", async () => {
    const page = await new TestBrowser().open("/e2e/reliability");
    const response = await page.click("Fail", { htmx: true, seq: null });
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(textOf(body)).toContain("This app has encountered an error. The original error message is redacted");
    expect(body).not.toContain("hunter2");
    expect(body).not.toContain("secret detail");
    expect(body).not.toMatch(/at .*reliability\.ts/); // no stack trace either
    expect((await page.click("Click", { htmx: true, seq: null })).status).toBe(200);
    await page.reload();
    expect(textOf(page.html)).toContain("Clicks = 1");
    expect(page.html).not.toContain("hunter2");
  });

});
