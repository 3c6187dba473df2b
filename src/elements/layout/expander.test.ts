import { describe, expect, it } from "vitest";
import { html } from "../../render/html";
import { renderRoot } from "../../render/tree";
import { AppSession, defineApp, type AppFunction } from "../../runtime/session";
import type { BlockNode } from "../types";

const ctx = { action: "/x", hiddenFields: html``, showErrorDetails: true };
const load = (main: AppFunction) => new AppSession(defineApp(main)).load();

describe("st.expander", () => {
  it("R112: the body always runs, collapsed or not", async () => {
    const out = await load((st) => {
      st.expander("Closed", () => st.markdown("hidden but drawn"));
      st.expander("Open", { expanded: true }).markdown("shown");
    });
    const [closed, open] = out.roots[0].children as BlockNode[];
    expect(closed.children[0].props.body).toBe("hidden but drawn");
    expect([closed.props.expanded, open.props.expanded]).toEqual([false, true]);
    expect(open.children[0].props.body).toBe("shown");
  });

  it("R112: rendered as a native <details>, open iff expanded", async () => {
    const out = await load((st) => {
      st.expander("Closed");
      st.expander("Open", { expanded: true, icon: "🔥" });
    });
    const page = renderRoot(out.roots[0], ctx).value;
    expect(page).toContain(
      '<details class="el-expander-inner"><summary class="el-expander-summary"><span class="el-expander-label">Closed</span></summary>',
    );
    expect(page).toContain(
      '<details class="el-expander-inner" open><summary class="el-expander-summary"><span class="el-icon" aria-hidden="true">🔥</span> ',
    );
    expect(page).not.toContain("hx-");
  });

  it("R112: hostile labels and icons are escaped", async () => {
    const out = await load((st) => {
      st.expander("</summary><script>x()</script>", { icon: "<b>" });
    });
    const page = renderRoot(out.roots[0], ctx).value;
    expect(page).toContain("&lt;/summary&gt;&lt;script&gt;x()&lt;/script&gt;");
    expect(page).toContain("&lt;b&gt;");
    expect(page).not.toContain("<script>");
  });
});
