import { describe, expect, it } from "vitest";
import type { BlockNode, RenderContext, TreeNode } from "../elements/types";
import { AppTest } from "../testing/app-test";
import { defineApp } from "../runtime/session";
import { diffTrees } from "./diff";
import { RenderMemo } from "./memo";
import { escapeHtml, html, type Html } from "./html";
import { ASSET, DOM } from "../wire";
import { HANDLED, INLINE_ASSET, INLINE_CSP } from "../wire/inline-assets";
import { drawBlock, iconHref, renderErrorPage, renderPage, renderTree, renderUpdate } from "./page";

const ctx: RenderContext = { action: "/app?_s=t", hiddenFields: html`<input type="hidden" name="_csrf" value="c">`, showErrorDetails: true };

async function roots(main: Parameters<typeof defineApp>[0]): Promise<BlockNode[]> {
  const at = await AppTest.fromApp(defineApp(main)).run();
  return at.lastRun.roots;
}

describe("renderTree", () => {
  it("renders every node exactly as it appears inside its parent, form widgets included", async () => {
    const tree = renderTree(
      await roots((st) => {
        st.form("f", () => {
          st.checkbox("Agree");
          st.formSubmitButton("Send");
        });
        st.columns(2)[1].write("right");
      }),
      ctx,
    );
    const visit = (node: { html: string; children?: { html: string }[] }): void => {
      for (const child of node.children ?? []) {
        expect(node.html).toContain(child.html);
        visit(child);
      }
    };
    tree.forEach(visit);
    const form = tree[0].children![0];
    expect(form.children![0].html).not.toContain("<form"); // a plain control of the form's <form>
  });

  it("gives each node the id of its delta path, in nested blocks, placeholders and the sidebar", async () => {
    const tree = await roots((st) => {
      const slot = st.empty();
      st.sidebar.write("side");
      const [left, right] = st.columns(2);
      left.container().expander("More").write("deep");
      right.text("right");
      slot.markdown("filled later");
    });
    const rendered = renderTree(tree, ctx);
    const check = (nodes: (TreeNode | undefined)[], drawn: { id: string; html: string; children?: unknown[] }[]): number => {
      const present = nodes.filter((node) => node !== undefined);
      expect(drawn.map((node) => node.id)).toEqual(present.map((node) => DOM.element(node.path)));
      let count = present.length;
      present.forEach((node, i) => {
        expect(drawn[i].html).toContain(`id="${drawn[i].id}"`);
        if (node.kind === "block") count += check(node.children, drawn[i].children as typeof drawn);
      });
      return count;
    };
    const count = tree.reduce((sum, root, r) => sum + check(root.children, rendered[r].children!), 0);
    expect(count).toBeGreaterThanOrEqual(8);
    expect(rendered[0].children!.map((node) => node.id)).toEqual(["el-0-0", "el-0-1"]);
  });

  it("keeps an empty sidebar in the page, hidden, so an update can fill it", async () => {
    const tree = renderTree(await roots((st) => void st.write("x")), ctx);
    const hidden = '<aside id="el-root-1" class="el-root el-sidebar" hidden></aside>';
    expect(tree[1]).toEqual({ id: "el-root-1", html: hidden, shell: hidden, children: [] });
    const page = renderPage({ title: "T", roots: tree.map((r) => r.html), seq: 4 });
    expect(page).toContain('<aside id="el-root-1" class="el-root el-sidebar" hidden></aside><main id="el-root-0"');
    expect(page).toContain('<input type="hidden" id="el-seq" name="_seq" value="4">');
  });
});

describe("block shells", () => {
  it("are a block's markup with a NUL in each child's place, the children filling those places in its HTML", async () => {
    const tree = renderTree(await roots((st) => void st.expander("More", () => void st.write("inside"))), ctx);
    const expander = tree[0].children![0];
    const [before, after] = expander.shell!.split("\u0000");
    expect(expander.html).toBe(before + expander.children![0].html + after);
    expect(before).toContain("More");
  });

  it("of a root are kept while its child count stays: a memo's renders equal fresh ones as the page grows, shrinks and empties", async () => {
    const app = (rows: number, side: number) =>
      roots((st) => {
        for (let i = 0; i < rows; i++) st.write(`row ${i}`);
        for (let i = 0; i < side; i++) st.sidebar.write(`side ${i}`);
      });
    const memo = new RenderMemo();
    for (const [rows, side] of [[3, 0], [3, 0], [5, 1], [5, 1], [2, 0], [0, 2], [0, 0], [3, 0]]) {
      const tree = await app(rows, side);
      const kept = renderTree(tree, ctx, memo);
      const fresh = renderTree(tree, ctx);
      expect(kept.map((root) => [root.html, root.shell])).toEqual(fresh.map((root) => [root.html, root.shell]));
    }
  });

  it("fall back to the whole HTML when a block does not place each child once, in order", () => {
    const kids = [{ id: "a", html: "<p>A</p>" }, { id: "b", html: "<p>B</p>" }];
    const drawn = (draw: (c: Html[]) => Html) => {
      const node = drawBlock("x", draw, kids);
      return { html: node.html, shell: node.shell };
    };
    expect(drawn((c) => html`<div>${c}</div>`)).toEqual({ html: "<div><p>A</p><p>B</p></div>", shell: "<div>\u0000\u0000</div>" });
    const swapped = drawn((c) => html`<div>${c[1]}${c[0]}</div>`);
    expect(swapped).toEqual({ html: "<div><p>B</p><p>A</p></div>", shell: "<div><p>B</p><p>A</p></div>" });
    const twice = drawn((c) => html`<div>${c}${c[0]}</div>`);
    expect(twice).toEqual({ html: "<div><p>A</p><p>B</p><p>A</p></div>", shell: "<div><p>A</p><p>B</p><p>A</p></div>" });
  });

  it("fall back to the whole HTML when the block's own text holds a NUL, so a change inside still reaches the client", async () => {
    const app = (text: string) => roots((st) => void st.expander("a\u0000b", () => void st.write(text)));
    const first = renderTree(await app("one"), ctx);
    const expander = first[0].children![0];
    expect(expander.shell).toBe(expander.html);
    const second = renderTree(await app("two"), ctx);
    const changed = diffTrees(diffTrees(null, first).fingerprints, second).changed;
    expect(changed.map((node) => node.id)).toEqual([expander.id]);
    expect(changed[0].html).toContain("two");
  });
});

describe("renderUpdate", () => {
  it("addresses each changed node by id, then the sequence, the title and the notice", async () => {
    const before = renderTree(await roots((st) => void st.write("one")), ctx);
    const after = renderTree(await roots((st) => void st.write("two")), ctx);
    const { changed } = diffTrees(diffTrees(null, before).fingerprints, after);
    const body = renderUpdate({ changed, seq: 9, title: "A <b>", notice: "Oops & co" });
    expect(body).toMatch(/^<hx-partial hx-target="#el-0-0" hx-swap="outerMorph"><div class="el el-node-markdown" id="el-0-0">/);
    expect(body).toContain('<hx-partial hx-target="#el-seq" hx-swap="outerMorph"><input type="hidden" id="el-seq" name="_seq" value="9"></hx-partial>');
    expect(body).toContain('<hx-partial hx-target="#el-title" hx-swap="textContent">A &lt;b&gt;</hx-partial>');
    expect(body).toContain('<hx-partial hx-target="#el-notice" hx-swap="innerHTML"><p class="el-alert el-error" role="alert">Oops &amp; co</p></hx-partial>');
  });
});

describe("renderPage themes", () => {
  it("follows prefers-color-scheme unless setPageConfig pins light or dark on <html>", () => {
    const page = (theme?: "auto" | "light" | "dark") => renderPage({ title: "T", roots: [""], seq: 1, theme });
    expect(page()).toContain('<html lang="en"><head>');
    expect(page("auto")).toContain('<html lang="en"><head>');
    expect(page("light")).toContain('<html lang="en" data-theme="light"><head>');
    expect(page("dark")).toContain('<html lang="en" data-theme="dark"><head>');
  });
});

describe("renderPage assets (issue 7)", () => {
  const page = (assets?: "inline" | "linked") => renderPage({ title: "T", roots: ['<main id="el-root-0">content</main>'], seq: 1, assets });

  /** The body's handler attributes, as the page writes them (each with the one handler text). */
  const handlers = (names: readonly string[]) => names.map((name) => ` ${name}="${escapeHtml(INLINE_ASSET.handler)}"`).join("");
  const atUse = HANDLED.filter((name) => name !== "onload");

  it("links the stylesheet by default, for a browser whose cache has it, and ends with its prefetches", () => {
    const linked = page();
    expect(linked).toBe(page("linked"));
    expect(linked).toContain(`<link rel="stylesheet" href="${ASSET.stylesheet}">`);
    expect(linked).not.toContain("<style>");
    expect(linked).not.toContain("<script");
    const prefetches = [ASSET.boot, ASSET.htmx, ASSET.extension].map((href) => `<link rel="prefetch" href="${href}">`).join("");
    expect(linked).toContain(`content</main></div>${prefetches}</body></html>`);
  });

  it("on a first visit carries the stylesheet inline and prefetches it too, after the content", () => {
    const inline = page("inline");
    expect(inline).toContain(`<style>${INLINE_ASSET.stylesheet}</style>`);
    expect(inline).not.toContain("<script");
    expect(inline).not.toContain('rel="stylesheet"');
    const prefetches = [ASSET.boot, ASSET.htmx, ASSET.extension, ASSET.stylesheet].map((href) => `<link rel="prefetch" href="${href}">`).join("");
    expect(inline).toContain(`content</main></div>${prefetches}</body></html>`);
    // Both kinds of page configure htmx alike, before any script runs.
    for (const kind of [inline, page()]) expect(kind).toContain(`<meta name="htmx-config" content="{&quot;includeIndicatorCSS&quot;:false,&quot;history&quot;:&quot;reload&quot;}">`);
  });

  it("runs no script as it loads: the body's handlers load the boot module on the first use", () => {
    for (const kind of [page(), page("inline")]) {
      expect(kind).toContain(`hx-sync:inherited="body:queue all"${handlers(atUse)}>`);
      expect(kind).not.toContain(" onload=");
    }
    expect(atUse).toEqual(["onpointermove", "onpointerdown", "ontouchstart", "onwheel", "onkeydown", "oninput", "onchange", "onsubmit"]);
  });

  it("loads the boot module on load too where the page needs htmx at once: a fragment that polls, a dialog", async () => {
    const pageOf = async (main: Parameters<typeof defineApp>[0]) => renderPage({ title: "T", roots: renderTree(await roots(main), ctx).map((root) => root.html), seq: 1 });
    const polls = await pageOf((st) => st.fragment(() => void st.write("tick"), { runEvery: "1s" })());
    const dialog = await pageOf((st) => st.dialog("Hello", () => void st.write("inside"))());
    for (const page of [polls, dialog]) expect(page).toContain(`${handlers(HANDLED)}>`);
    // The same words in text (whose quotes are escaped) are not that markup.
    const text = await pageOf((st) => void st.write('class="el-wform el-poll" el-dialog'));
    expect(text).toContain(`${handlers(atUse)}>`);
    expect(text).not.toContain(" onload=");
  });

  it("serves the boot module built to load the served htmx, then the served extension; the handler imports it", async () => {
    const served = async (path: string) => (await import("node:fs")).readFileSync(`public${path}`, "utf8");
    expect(INLINE_ASSET.stylesheet).toBe(await served(ASSET.stylesheet));
    const boot = await served(ASSET.boot);
    expect(boot).toContain(JSON.stringify([ASSET.htmx, ASSET.extension]));
    expect(boot).toContain(JSON.stringify(HANDLED));
    expect(boot).not.toMatch(/__EDGELIT_/);
    expect(INLINE_ASSET.handler).toContain(`import('${ASSET.boot}')`);
  });

  it("gives an error page no script", () => {
    const error = renderErrorPage("Not found", "No app here.");
    expect(error).not.toContain("<script");
    expect(error).not.toContain("htmx-config");
  });

  it("names in the CSP the SHA-256 of exactly the inline texts (the handler, an attribute, under 'unsafe-hashes')", async () => {
    const hash = async (text: string) => `'sha256-${Buffer.from(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text))).toString("base64")}'`;
    expect(INLINE_CSP).toEqual({ script: `'unsafe-hashes' ${await hash(INLINE_ASSET.handler)}`, style: await hash(INLINE_ASSET.stylesheet) });
  });
});

describe("renderPage icon", () => {
  const page = (icon?: string) => renderPage({ title: "T", roots: [""], seq: 1, icon });

  it("uses Edgelit's icon unless setPageConfig sets pageIcon", () => {
    expect(page()).toContain(`<link rel="icon" href="${ASSET.icon}">`);
    expect(page("/static/logo.png")).toContain('<link rel="icon" href="/static/logo.png">');
    expect(page("https://example.com/i.png")).toContain('<link rel="icon" href="https://example.com/i.png">');
  });

  it("draws text such as an emoji in an SVG data URL, with hostile text kept inert", () => {
    const emoji = decodeURIComponent(iconHref("🎈").slice("data:image/svg+xml,".length));
    expect(emoji).toContain('font-size="90">🎈</text>');
    const hostile = iconHref(`"><script>alert(1)</script>`);
    expect(hostile.startsWith("data:image/svg+xml,")).toBe(true);
    expect(decodeURIComponent(hostile)).toContain("&#34;&#62;&#60;script&#62;");
    expect(page(`"><script>alert(1)</script>`)).not.toContain("<script>alert");
    expect(page("javascript:alert(1)")).not.toContain('href="javascript:');
  });
});
