// axe-core on every page (every app of apps/index.ts and every page of the gallery), in the light and the dark
// theme. The pages' CSP allows only same-origin scripts, so these contexts bypass it to inject axe.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apps } from "../../apps/index";
import { routesOf } from "../../src/runtime/navigation";
import { useBrowser } from "./browser";

const browser = useBrowser();
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface Violation {
  id: string;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Every rule axe runs by default (WCAG 2.x A and AA, and best practices) except two that judge the
 * app author's outline rather than Edgelit: which heading levels an app uses is its choice
 * (st.title is h1, st.header h2, st.subheader h3, as in Streamlit).
 */
const AUTHOR_RULES = { "heading-order": { enabled: false }, "page-has-heading-one": { enabled: false } };

/** axe's violations, one line per offending element, so a failure names what to fix. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  // Runs in the page (the project's tsconfig has no DOM library, hence the loose typing).
  const run = (rules: object) => (globalThis as any).axe.run((globalThis as any).document, { rules }).then((r: any) => r.violations);
  const found = (await page.evaluate(run, AUTHOR_RULES)) as Violation[];
  return found.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.help}) at ${JSON.stringify(n.target)}: ${n.failureSummary ?? ""}`));
}

const pages = Object.entries(apps).flatMap(([path, app]) => routesOf(path, app));

describe("axe-core finds no violations", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    for (const path of pages) {
      it(`${path} in the ${colorScheme} theme`, async () => {
        const user = await browser.newUser({ bypassCSP: true, colorScheme });
        const { page } = await browser.open(path, user);
        expect(await violations(page)).toEqual([]);
      });
    }
    it(`/demo with every status message, the table and the expander showing, in the ${colorScheme} theme`, async () => {
      const user = await browser.newUser({ bypassCSP: true, colorScheme });
      const { page } = await browser.open("/demo", user);
      const level = page.getByRole("slider", { name: "Level" });
      await level.focus();
      await level.press("End");
      await expect.poll(() => page.getByText("That is a high level.").count()).toBe(1);
      await page.getByRole("button", { name: "Sign up", exact: true }).click();
      await expect.poll(() => page.getByText("Please enter an email.").count()).toBe(1);
      await page.getByRole("checkbox", { name: "I agree" }).check();
      await expect.poll(() => page.getByText("Thanks for agreeing.").count()).toBe(1);
      await page.getByRole("button", { name: "Raise an error", exact: true }).click();
      await expect.poll(() => page.getByRole("alert").filter({ hasText: "This is what an exception looks like." }).count()).toBe(1);
      await page.locator("label.el-tab-label", { hasText: "Layout" }).click();
      await page.getByText("An expander", { exact: true }).click();
      expect(await violations(page)).toEqual([]);
      await page.locator("label.el-tab-label", { hasText: "Data" }).click();
      expect(await violations(page)).toEqual([]);
    });
  }
});

describe("on a phone", () => {
  it("/demo fits 320px: no sideways scrolling, columns stacked, touch targets at least 44px tall", async () => {
    const user = await browser.newUser({ viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });
    const { page } = await browser.open("/demo", user);
    const widths = await page.evaluate(() => {
      const root = (globalThis as any).document.documentElement;
      return { scroll: root.scrollWidth, client: root.clientWidth };
    });
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    const columns = await page.locator(".el-column-inner").evaluateAll((els: any[]) => els.map((el) => Math.round(el.getBoundingClientRect().left)));
    expect(new Set(columns).size).toBe(1);
    const targets =
      "button:not([hidden]), input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, textarea, summary, label.el-tab-label, .el-radio-option, .el-checkbox label, .el-toggle label";
    const small = await page.locator(targets).evaluateAll((els: any[]) =>
      els
        .map((el) => ({ what: el.outerHTML.slice(0, 80), box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && box.height < 44)
        .map(({ what, box }) => `${Math.round(box.height)}px: ${what}`),
    );
    expect(small).toEqual([]);
  });

  it("/demo at 1280px keeps its columns side by side", async () => {
    const user = await browser.newUser({ viewport: { width: 1280, height: 800 } });
    const { page } = await browser.open("/demo", user);
    const columns = await page.locator(".el-column-inner").evaluateAll((els: any[]) => els.map((el) => Math.round(el.getBoundingClientRect().left)));
    expect(new Set(columns).size).toBe(3);
  });
});

describe("themes", () => {
  // No registered app pins a theme, so the test sets what setPageConfig({ theme }) renders
  // (page.test.ts checks that it does): <html data-theme="…">.
  for (const [theme, against, background] of [
    ["dark", "light", "rgb(14, 17, 23)"],
    ["light", "dark", "rgb(255, 255, 255)"],
  ] as const) {
    it(`data-theme="${theme}" wins over prefers-color-scheme: ${against}, and passes axe`, async () => {
      const user = await browser.newUser({ bypassCSP: true, colorScheme: against });
      const { page } = await browser.open("/demo", user);
      await page.evaluate((t) => (globalThis as any).document.documentElement.setAttribute("data-theme", t), theme);
      const bodyBackground = () => page.evaluate(() => (globalThis as any).getComputedStyle((globalThis as any).document.body).backgroundColor);
      expect(await bodyBackground()).toBe(background);
      expect(await violations(page)).toEqual([]);
    });
  }
});
