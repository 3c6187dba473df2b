import { describe, expect, it } from "vitest";
import { html } from "../../render/html";
import { Page } from "../../runtime/navigation";
import { AppSession, defineApp } from "../../runtime/session";
import type { St } from "../../runtime/st";
import { definitionFor } from "../lookup";
import type { ElementNode, RenderContext } from "../types";

const ctx: RenderContext = { action: "/app/a?_s=TOKEN-1", hiddenFields: html``, showErrorDetails: true };
const HOSTILE = '"><img src=x onerror=alert(1)>';

async function draw(main: (st: St) => void | Promise<void>, page = "/app/a"): Promise<string[]> {
  const pages = [Page(() => {}, { title: "Start" }), Page(() => {}, { title: HOSTILE, urlPath: "a" })];
  const session = new AppSession(defineApp(async (st) => void (await main(st)), { pages }), undefined, { page: "/app" });
  const out = await session.load({ page });
  return out.roots.flatMap((root) => root.children).map((node) => definitionFor(node.type)!.render!(node as ElementNode, ctx).value);
}

describe("links to pages", () => {
  it("R138: the menu is a labelled nav of plain links, each with the tab's token, the current one marked", async () => {
    const pages = [Page(() => {}, { title: "Start" }), Page(() => {}, { title: "Second", urlPath: "a" })];
    const session = new AppSession(defineApp(async (st) => void st.navigation(pages), { pages }), undefined, { page: "/app" });
    const out = await session.load({ page: "/app/a" });
    const html = definitionFor("navigation")!.render!(out.roots[1].children[0] as ElementNode, ctx).value;
    expect(html).toBe(
      '<nav class="el-nav" aria-label="Pages"><a href="/app?_s=TOKEN-1">Start</a><a href="/app/a?_s=TOKEN-1" aria-current="page">Second</a></nav>',
    );
  });

  it("st.pageLink escapes its label and links an external URL in a new tab without the token", async () => {
    const [own, external] = await draw((st) => {
      st.pageLink("a");
      st.pageLink("https://example.com/?q=<x>", { label: "Out", icon: "↗" });
    });
    expect(own).toContain('href="/app/a?_s=TOKEN-1" aria-current="page"');
    expect(own).not.toContain("<img");
    expect(own).toContain("&quot;&gt;&lt;img");
    expect(external).toContain('href="https://example.com/?q=&lt;x&gt;" target="_blank" rel="noopener noreferrer"');
    expect(external).toContain('<span aria-hidden="true">↗</span> Out');
  });

  it("a disabled link is not a link anyone can follow", async () => {
    const [link] = await draw((st) => void st.pageLink("a", { disabled: true, label: "Later" }));
    expect(link).toContain('aria-disabled="true"');
    expect(link).not.toContain("href=");
  });
});
