// Script injection: the corpus of examples/e2e/xss.ts rendered through every element and widget,
// then typed in as user input. Nothing may run, and the text must read literally.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { XSS_CORPUS } from "../../examples/e2e/xss";
import { INLINE_ASSET } from "../../src/wire/inline-assets";
import { pageText, useBrowser, visibleText } from "./browser";

const browser = useBrowser();

/** Installed before any page script: the flag payloads set, and a CSP-violation log. */
const TRAP = `
  window.__xss = 0;
  window.__csp = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));
`;

/**
 * What an injection would leave in the DOM, whether or not it ran (runs in the page). Edgelit's
 * own scripts and stylesheet are the only ones allowed: linked from /_edgelit/ (the stylesheet, and
 * htmx and the extension once the boot module loaded them), or inline with exactly the texts of
 * src/wire/inline-assets.ts (the body's boot handlers until the module removes them, and a first
 * visit's stylesheet).
 */
const INJECTED = `((ours) => {
  const found = [];
  for (const script of document.querySelectorAll("script")) {
    const linked = /^\\/_edgelit\\//.test(new URL(script.src || "x:", location.href).pathname) && !script.textContent.trim();
    if (!linked) found.push("script " + script.outerHTML.slice(0, 80));
  }
  for (const style of document.querySelectorAll("style")) {
    if (style.textContent !== ours.stylesheet) found.push("style " + style.outerHTML.slice(0, 80));
  }
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const boot = el === document.body && name.startsWith("on") && attr.value === ours.handler;
      if ((name.startsWith("on") && !boot) || name.startsWith("hx-on")) found.push(name + " on " + el.tagName);
      if (["href", "src", "action", "formaction", "data", "srcdoc"].includes(name) && /^\\s*javascript:/i.test(attr.value)) found.push(name + "=javascript: on " + el.tagName);
    }
  }
  for (const tag of ["iframe", "object", "embed", "base", "meta[http-equiv]", "body style", "svg script", "math", "link[href*='evil']", "details[open][ontoggle]"]) {
    for (const el of document.querySelectorAll(tag)) found.push("element " + el.outerHTML.slice(0, 80));
  }
  return { found, flag: window.__xss, csp: window.__csp };
})(${JSON.stringify(INLINE_ASSET)})`;

interface Traps {
  dialogs: string[];
  offsite: string[];
}

async function openTrapped(): Promise<{ page: Page; traps: Traps }> {
  const user = await browser.newUser();
  await user.addInitScript(TRAP);
  const traps: Traps = { dialogs: [], offsite: [] };
  const base = new URL(inject("baseUrl"));
  // Loopback only: anything else a payload tries to load is recorded and never fetched.
  await user.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === base.hostname) return route.continue();
    traps.offsite.push(url.href);
    return route.abort();
  });
  const { page } = await browser.open("/e2e/xss", user);
  page.on("dialog", (dialog) => {
    traps.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await expect.poll(() => visibleText(page.getByText("End of corpus"))).toBe("End of corpus");
  return { page, traps };
}

async function injections(page: Page, traps: Traps): Promise<string[]> {
  const { found, flag, csp } = (await page.evaluate(INJECTED)) as { found: string[]; flag: number; csp: string[] };
  return [
    ...found,
    ...(flag ? [`window.__xss was set (${flag})`] : []),
    ...csp.map((v) => `CSP violation: ${v}`),
    ...traps.dialogs.map((m) => `dialog: ${m}`),
    ...traps.offsite.map((u) => `off-site request: ${u}`),
  ];
}

describe("script injection", () => {
  it("has traps that do see an injection (positive control)", async () => {
    const { page, traps } = await openTrapped();
    // The page's CSP blocks the inline handler, so the injection shows as markup and a violation.
    await page.evaluate(`document.body.insertAdjacentHTML("beforeend", '<img id="probe" src="x:" onerror="window.__xss=1">'); alert("probe")`);
    await expect.poll(async () => (await injections(page, traps)).some((line) => line.startsWith("CSP violation: script-src"))).toBe(true);
    await page.evaluate("window.__xss = 1");
    const seen = await injections(page, traps);
    expect(seen).toContain("onerror on IMG");
    expect(seen).toContain("window.__xss was set (1)");
    expect(seen).toContain("dialog: probe");
  });

  it("renders the whole corpus through every element as inert, literal text", async () => {
    const { page, traps } = await openTrapped();
    expect(await injections(page, traps)).toEqual([]);
    expect(await page.title()).toBe(XSS_CORPUS[7]);
    const text = await pageText(page);
    const values = (await page.evaluate(`[...document.querySelectorAll("input, textarea")].map((el) => el.value)`)) as string[];
    const placeholders = (await page.evaluate(`[...document.querySelectorAll("[placeholder]")].map((el) => el.getAttribute("placeholder"))`)) as string[];
    const options = (await page.evaluate(`[...document.querySelectorAll("option")].map((el) => el.textContent)`)) as string[];
    for (const payload of XSS_CORPUS) {
      const shown = payload.replace(/\s+/g, " ").trim();
      expect(text, payload).toContain(shown); // st.text, labels, alerts, headings: the characters themselves
      expect(values, payload).toContain(payload); // textInput / textArea value
      expect(placeholders, payload).toContain(payload);
      expect(options, payload).toContain(payload);
    }
  });

  it("keeps typed payloads inert when echoed through text, Markdown, labels and options", async () => {
    const { page, traps } = await openTrapped();
    const input = page.getByLabel("Your payload", { exact: true });
    let tried = 0;
    for (const payload of XSS_CORPUS) {
      await input.fill(payload);
      await input.press("Enter");
      const echo = `Text echo: ${payload}`.replace(/\s+/g, " ").trim();
      await expect.poll(() => pageText(page), { timeout: 15_000 }).toContain(echo);
      tried++;
      expect(await injections(page, traps), payload).toEqual([]);
    }
    const executed = traps.dialogs.length + traps.offsite.length + Number(await page.evaluate("window.__xss"));
    console.log(`XSS-RESULT ${JSON.stringify({ rendered: XSS_CORPUS.length, typed: tried, executed })}`);
    expect(executed).toBe(0);
  });
});
