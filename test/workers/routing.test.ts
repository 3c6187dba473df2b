import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { ASSET, DOM, FIELD, PAGE_DOM, PAGE_URL_ATTR, SESSION_PARAM } from "../../src/wire";
import { escapeHtml } from "../../src/render/html";
import { INLINE_ASSET, INLINE_CSP } from "../../src/wire/inline-assets";
import { htmlResponse } from "../../src/edge/respond";
import { addressOf, ORIGIN, TestBrowser, textOf } from "./client";

describe("routing", () => {
  it("R138: GET / is the gallery, a multipage app whose menu links its pages within this tab", async () => {
    const page = await new TestBrowser().open("/");
    for (const path of ["/seeds/form", "/seeds/counter", "/seeds/counter-callbacks", "/seeds/rerun", "/seeds/rerun-callback", "/seeds/rerun-container", "/demo"]) {
      expect(page.html).toContain(`href="${path}?${SESSION_PARAM}=${page.token}"`);
    }
    expect(page.html).toContain(`<a href="/?${SESSION_PARAM}=${page.token}" aria-current="page">Home</a>`);
  });

  it("issue 7: GET of a page without _s serves it at once with a new tab token and the cookie, keeping other parameters", async () => {
    const browser = new TestBrowser();
    const response = await browser.fetch("/seeds/counter?theme=dark");
    expect(response.status).toBe(200);
    expect(response.headers.get("Set-Cookie")).toContain("edgelit_browser=");
    const html = await response.text();
    const address = new URL(addressOf(html), "https://x");
    expect(address.pathname).toBe("/seeds/counter");
    expect(address.searchParams.get("theme")).toBe("dark");
    expect(address.searchParams.get(SESSION_PARAM)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(browser.cookie).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
    // The forms post to the tab's session; a reload of the address finds it again.
    expect(html).toContain(`action="/seeds/counter?${SESSION_PARAM}=${address.searchParams.get(SESSION_PARAM)}"`);
  });

  it("gives each HTML response headers of its own, copied from the set made once per isolate", () => {
    const first = htmlResponse("<p>a</p>");
    first.headers.set("Cache-Control", "public, max-age=60");
    first.headers.append("Set-Cookie", "x=1");
    const second = htmlResponse("<p>b</p>", 409);
    expect(second.status).toBe(409);
    expect(second.headers.get("Cache-Control")).toBe("no-store");
    expect(second.headers.get("Set-Cookie")).toBeNull();
    expect(second.headers.get("Content-Security-Policy")).toContain("default-src 'self'");
  });

  it("serves the whole page, usable without scripts, with the security headers", async () => {
    const browser = new TestBrowser();
    const response = await browser.fetch("/seeds/counter");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("text/html");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const csp = response.headers.get("Content-Security-Policy")!;
    // Scripts and styles: this origin's files, or the exact texts pages carry inline.
    for (const rule of ["default-src 'self'", `script-src 'self' ${INLINE_CSP.script};`, `style-src 'self' ${INLINE_CSP.style};`, "frame-ancestors 'none'", "img-src 'self' data:"]) {
      expect(csp).toContain(rule);
    }
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Referrer-Policy")).toBe("same-origin");
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>/);
    // A first visit (no cookie yet): the stylesheet travels in the page; no script runs as it loads
    // (the body's handlers load the boot module on the first use).
    expect(html).toContain(`<style>${INLINE_ASSET.stylesheet}</style>`);
    expect(html).not.toContain("<script");
    expect(html).toContain(` onpointerdown="${escapeHtml(INLINE_ASSET.handler)}"`);
    expect(html).toContain('<meta name="htmx-config" content="{&quot;includeIndicatorCSS&quot;:false,&quot;history&quot;:&quot;reload&quot;}">');
    expect(html).toContain('hx-include:inherited="#el-seq"');
    expect(html).toContain('hx-sync:inherited="body:queue all"');
    expect(html).toContain('<input type="hidden" id="el-seq" name="_seq" value="1">');
    expect(html).toContain('<main id="el-root-0"');
    expect(html).toContain('<title id="el-title">Counter</title>');
    // Every widget is a plain form that posts to the page without JavaScript.
    expect(html).toMatch(/<form method="post" action="\/seeds\/counter\?_s=[^"]+"/);
    expect(textOf(html)).toContain("Count = 0");
  });

  it("issue 7: inlines the stylesheet only for a browser without the cookie; every page prefetches the boot module", async () => {
    const browser = new TestBrowser();
    const first = await (await browser.fetch("/seeds/counter")).text();
    expect(first).toContain(`<style>${INLINE_ASSET.stylesheet}</style>`);
    for (const href of [ASSET.boot, ASSET.htmx, ASSET.extension, ASSET.stylesheet]) expect(first).toContain(`<link rel="prefetch" href="${href}">`);
    // The same browser (its cookie now set), a new tab and a reload of the first: a linked stylesheet.
    const tab = await browser.fetch("/seeds/counter");
    const reload = await browser.fetch(addressOf(first));
    for (const response of [tab, reload]) {
      expect(response.headers.get("Set-Cookie")).toBeNull();
      const html = await response.text();
      expect(html).toContain(`<link rel="stylesheet" href="${ASSET.stylesheet}">`);
      expect(html).not.toContain("<style>");
      expect(html).not.toContain("<script");
      expect(html).toContain(`</div><link rel="prefetch" href="${ASSET.boot}"><link rel="prefetch" href="${ASSET.htmx}"><link rel="prefetch" href="${ASSET.extension}"></body>`);
    }
    // A forged cookie is no cookie: a first visit again, with a new one.
    const forged = new TestBrowser();
    forged.cookie = `${"a".repeat(22)}.${"b".repeat(43)}`;
    const response = await forged.fetch("/seeds/counter");
    expect(response.headers.get("Set-Cookie")).toContain("edgelit_browser=");
    expect(await response.text()).toContain("<style>");
  });

  it("answers 404 for unknown paths and 405 for wrong methods", async () => {
    const browser = new TestBrowser();
    expect((await browser.fetch("/nowhere")).status).toBe(404);
    const put = await browser.fetch("/seeds/counter", { method: "PUT" });
    expect(put.status).toBe(405);
    expect(put.headers.get("Allow")).toBe("GET, POST");
    const del = await browser.fetch("/", { method: "DELETE" });
    expect(del.status).toBe(405);
    expect(del.headers.get("Allow")).toBe("GET, POST");
  });

  it("serves the pinned client assets from public/, cached for good", async () => {
    // Static assets answer before the Worker runs, so they are fetched through their binding.
    for (const path of Object.values(ASSET)) {
      const response = await env.ASSETS.fetch(new URL(path, ORIGIN));
      expect(response.status, path).toBe(200);
      expect(response.headers.get("Cache-Control"), path).toBe("public, max-age=31536000, immutable");
      expect((await response.text()).length).toBeGreaterThan(100);
    }
    const htmx = await env.ASSETS.fetch(new URL(ASSET.htmx, ORIGIN));
    expect(await htmx.text()).toContain('version="4.0.1"');
  });

  it("keeps the client scripts' names in step with the wire vocabulary", async () => {
    const script = await (await env.ASSETS.fetch(new URL(ASSET.extension, ORIGIN))).text();
    expect(script).toContain(`"${DOM.seq}"`);
    expect(script).toContain(`"${FIELD.seq}"`);
    expect(script).toContain(`"${PAGE_DOM.notice}"`);
    // data-el-url, read by the boot module through the dataset: the two spellings must name one attribute.
    const boot = await (await env.ASSETS.fetch(new URL(ASSET.boot, ORIGIN))).text();
    expect(PAGE_URL_ATTR).toBe("data-el-url");
    expect(boot).toContain("document.body.dataset.elUrl");
    for (const text of [script, boot, INLINE_ASSET.handler]) expect(text).not.toMatch(/\beval\(|new Function/);
  });
});
