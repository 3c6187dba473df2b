import { describe, expect, it } from "vitest";
import { html } from "../../render/html";
import { renderRoot } from "../../render/tree";
import { AppSession, defineApp, type AppFunction } from "../../runtime/session";
import type { BlockNode, ElementNode } from "../types";

const ctx = { action: "/x", hiddenFields: html``, showErrorDetails: true };
const load = (main: AppFunction) => new AppSession(defineApp(main)).load();

describe("st.tabs", () => {
  it("R111: one container per label, and every tab body runs", async () => {
    const ran: string[] = [];
    const out = await load((st) => {
      const [one, two] = st.tabs(["One", "Two"]);
      two.with(() => {
        ran.push("two");
        st.markdown("second");
      });
      one.with(() => {
        ran.push("one");
        st.markdown("first");
      });
    });
    expect(ran).toEqual(["two", "one"]);
    const tabs = out.roots[0].children[0] as BlockNode;
    expect(tabs.children.map((t) => [t.type, t.props.label, (t as BlockNode).children[0].props.body])).toEqual([
      ["tab", "One", "first"],
      ["tab", "Two", "second"],
    ]);
  });

  it("R111: tabs switch without JavaScript: radios, labels and panels, first tab checked, no htmx", async () => {
    const out = await load((st) => {
      st.tabs(["A", "B"]);
    });
    const page = renderRoot(out.roots[0], ctx).value;
    expect(page).toContain(
      '<div class="el-tabs-inner" role="group">' +
        '<input type="radio" class="el-tab-radio" id="el-0-0-tab-0" name="el-0-0-tabs" form="el-no-form" checked>' +
        '<label for="el-0-0-tab-0" class="el-tab-label" id="el-0-0-label-0">A</label>' +
        '<div class="el el-node-tab" id="el-0-0-0"><div class="el-tab-panel" role="region" id="el-0-0-panel-0" aria-labelledby="el-0-0-label-0"></div></div>' +
        '<input type="radio" class="el-tab-radio" id="el-0-0-tab-1" name="el-0-0-tabs" form="el-no-form">',
    );
    expect(page).not.toContain("hx-");
  });

  it("R111: an empty label list raises", async () => {
    const out = await load((st) => {
      st.tabs([]);
    });
    expect((out.roots[0].children[0] as ElementNode).props.message).toBe(
      "The input argument to st.tabs must contain at least one tab label.",
    );
  });

  it("R111: a label that is not a string raises", async () => {
    const out = await load((st) => {
      st.tabs(["ok", 3 as unknown as string]);
    });
    expect((out.roots[0].children[0] as ElementNode).props.message).toBe(
      "The tabs input list to st.tabs is only allowed to contain strings.",
    );
    expect(out.roots[0].children).toHaveLength(1);
  });

  it("R111: hostile labels are escaped", async () => {
    const out = await load((st) => {
      st.tabs(['<img src=x onerror="alert(1)">']);
    });
    const page = renderRoot(out.roots[0], ctx).value;
    expect(page).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</label>");
    expect(page).not.toContain("<img");
  });
});
