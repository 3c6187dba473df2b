import { describe, expect, it } from "vitest";
import type { BlockNode, TreeNode } from "../elements/types";
import type { Dg } from "../runtime/dg";
import { AppSession, defineApp, type AppFunction } from "../runtime/session";
import { html } from "./html";
import { renderNode, renderRoot } from "./tree";

const ctx = { action: "/x", hiddenFields: html``, showErrorDetails: true };
const load = (main: AppFunction) => new AppSession(defineApp(main)).load();
const block = (type: string, path: number[], children: TreeNode[], extra: Partial<BlockNode> = {}): BlockNode => ({
  kind: "block",
  type,
  path,
  props: {},
  children,
  ...extra,
});
const text = (path: number[], body: string): TreeNode => ({ kind: "element", type: "markdown", path, props: { body } });

describe("renderRoot / renderNode", () => {
  it("R103/R105: one wrapper per node, id from the delta path, in children order", async () => {
    const out = await load((st) => {
      const [a, b] = st.columns(2);
      b.markdown("B");
      a.markdown("A");
      st.markdown("end");
    });
    const page = renderRoot(out.roots[0], ctx).value;
    const ids = [...page.matchAll(/<div class="el el-node-([a-z]+)" id="([^"]+)">/g)].map((m) => `${m[1]}#${m[2]}`);
    expect(ids).toEqual([
      "columns#el-0-0",
      "column#el-0-0-0",
      "markdown#el-0-0-0-0",
      "column#el-0-0-1",
      "markdown#el-0-0-1-0",
      "markdown#el-0-1",
    ]);
    expect(page.startsWith('<main id="el-root-0" class="el-root el-main">')).toBe(true);
    expect(page.indexOf("<p>A</p>")).toBeLessThan(page.indexOf("<p>B</p>"));
  });

  it("R114: the sidebar is an <aside>, omitted while empty", async () => {
    const empty = await load((st) => {
      st.markdown("main");
    });
    expect(renderRoot(empty.roots[1], ctx).value).toBe("");
    const out = await load((st) => {
      st.sidebar.markdown("side");
    });
    expect(renderRoot(out.roots[1], ctx).value).toBe(
      '<aside id="el-root-1" class="el-root el-sidebar"><div class="el el-node-markdown" id="el-1-0"><div class="el-markdown"><p>side</p>\n</div></div></aside>',
    );
  });

  it("other roots render as a plain div with their root id", () => {
    expect(renderRoot(block("event", [2], [text([2, 0], "t")]), ctx).value).toMatch(/^<div id="el-root-2" class="el-root">/);
  });

  it("an unknown element type renders a visible error box instead of throwing", async () => {
    const out = await load((st) => {
      (st as Dg).widget({ type: "nosuch", label: "n", props: {}, codec: { parse: (r) => r, format: (v) => v }, identity: [], default: "" });
    });
    const page = renderRoot(out.roots[0], ctx).value;
    expect(page).toContain('<div class="el el-node-nosuch" id="el-0-0"><div class="el-alert el-exception" role="alert"><strong>Unknown element</strong>');
    expect(page).toContain('type &quot;nosuch&quot;');
  });

  it("an unknown block type shows the error box and still draws its children", () => {
    const node = block("mystery", [0, 0], [text([0, 0, 0], "kept")]);
    const out = renderNode(node, ctx).value;
    expect(out).toContain("<strong>Unknown element</strong>");
    expect(out).toContain('<div class="el-block"><div class="el el-node-markdown" id="el-0-0-0">');
  });

  it("holes in a sparse children array are skipped", () => {
    const children: TreeNode[] = [];
    children[0] = text([0, 0], "first");
    children[2] = text([0, 2], "third");
    const page = renderRoot(block("main", [0], children), ctx).value;
    expect([...page.matchAll(/id="(el-0-\d)"/g)].map((m) => m[1])).toEqual(["el-0-0", "el-0-2"]);
    const columns = block("columns", [0, 0], [], { props: { gap: "small", verticalAlignment: "top" } });
    columns.children[1] = block("column", [0, 0, 1], [], { props: { weight: 2 } });
    expect(renderNode(columns, ctx).value).toContain(`<div class="el-column-inner" style="flex-grow:2">`);
  });

  it("a render that throws becomes an error box; details are redacted in production", () => {
    // A container whose props are missing: its renderBlock throws a TypeError.
    const broken = block("container", [0, 0], [], { props: null as unknown as Record<string, unknown> });
    const shown = renderNode(broken, ctx).value;
    expect(shown).toContain('<div class="el el-node-container" id="el-0-0"><div class="el-alert el-exception" role="alert">');
    expect(shown).toContain('<strong>Could not draw &quot;container&quot;</strong>: <span class="el-message">TypeError: ');
    const redacted = renderNode(broken, { ...ctx, showErrorDetails: false }).value;
    expect(redacted).toContain("This app has encountered an error.");
    expect(redacted).not.toContain("TypeError");
  });

  it("R76: children of a form block render with ctx.form, so widgets are plain controls of its <form>", () => {
    const button: TreeNode = {
      kind: "element",
      type: "button",
      path: [0, 0, 0],
      props: { label: "b", kind: "secondary", disabled: false, fullWidth: false },
      widget: { id: "wabc", raw: undefined, value: false, formId: "f1" },
    };
    const form = block("form", [0, 0], [block("container", [0, 0, 0], [{ ...button, path: [0, 0, 0, 0] }], { props: { border: false } })], {
      formId: "f1",
      props: { enterToSubmit: true, border: true },
    });
    const inside = renderNode(form, ctx).value;
    expect(inside.match(/<form/g)).toHaveLength(1);
    expect(inside).toContain('value="wabc"');
    const outside = renderNode(button, ctx).value;
    expect(outside).toMatch(/<form [^>]*class="el-wform"/);
  });

  it("escapes node types in the wrapper class", () => {
    const hostile: TreeNode = { kind: "element", type: '"><script>', path: [0, 0], props: {} };
    const out = renderNode(hostile, ctx).value;
    expect(out).not.toContain("<script>");
    expect(out.startsWith('<div class="el el-node-&quot;&gt;&lt;script&gt;" id="el-0-0">')).toBe(true);
  });
});
