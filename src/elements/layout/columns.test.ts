import { describe, expect, it } from "vitest";
import { html } from "../../render/html";
import { renderRoot } from "../../render/tree";
import { AppSession, defineApp, type AppFunction } from "../../runtime/session";
import type { BlockNode, ElementNode } from "../types";

const ctx = { action: "/x", hiddenFields: html``, showErrorDetails: true };
const load = (main: AppFunction) => new AppSession(defineApp(main)).load();
const SPEC_ERROR = "The `spec` argument to `st.columns` must be either a positive integer (number of columns)";

describe("st.columns", () => {
  it("R105/R110: writes to column k appear in column k whatever the call order", async () => {
    const out = await load((st) => {
      const [a, b] = st.columns(2);
      b.markdown("B");
      a.markdown("A");
      st.markdown("after");
    });
    const row = out.roots[0].children[0] as BlockNode;
    const [a, b] = row.children as BlockNode[];
    expect([row.type, a.type, b.type]).toEqual(["columns", "column", "column"]);
    expect([a.children[0].props.body, b.children[0].props.body]).toEqual(["A", "B"]);
    expect(b.children[0].path).toEqual([0, 0, 1, 0]);
    expect(out.roots[0].children[1].path).toEqual([0, 1]);
  });

  it("R110: a list gives relative widths, rendered as flex weights in column order", async () => {
    const out = await load((st) => {
      st.columns([3, 1, 0.5], { gap: "large", verticalAlignment: "center", border: true });
    });
    const row = out.roots[0].children[0] as BlockNode;
    expect(row.children.map((c) => c.props.weight)).toEqual([3, 1, 0.5]);
    const page = renderRoot(out.roots[0], ctx).value;
    expect(page).toContain(
      'class="el-columns-inner el-gap-large el-valign-center" style="--el-stack:640px"',
    );
    expect(page.match(/style="flex-grow:[\d.]+"/g)).toEqual(['style="flex-grow:3"', 'style="flex-grow:1"', 'style="flex-grow:0.5"']);
    expect(page.match(/<div class="el el-node-column" id="el-0-0-\d">/g)).toHaveLength(3);
    expect(page).toContain('class="el-column-inner el-bordered"');
  });

  it.each([[0], [-1], [1.5], [[]], [[1, 0]], [[1, -2]], [[1, Number.NaN]], [["1"]], ["2"]])(
    "R110: spec %j raises InvalidColumnSpecError",
    async (spec) => {
      const out = await load((st) => {
        st.columns(spec as number);
      });
      const error = out.roots[0].children[0] as ElementNode;
      expect(error.props.name).toBe("StreamlitInvalidColumnSpecError");
      expect(error.props.message).toContain(SPEC_ERROR);
      expect(out.roots[0].children).toHaveLength(1);
    },
  );

  it("stackBelow sets the width below which the columns stack (default 640; 0 never)", async () => {
    const out = await load((st) => {
      st.columns(2);
      st.columns(2, { stackBelow: 480 });
      st.columns(2, { stackBelow: 0 });
      st.columns(2, { stackBelow: -1 });
    });
    const page = renderRoot(out.roots[0], ctx).value;
    expect(page.match(/--el-stack:\d+px/g)).toEqual(["--el-stack:640px", "--el-stack:480px", "--el-stack:0px"]);
    expect((out.roots[0].children[3] as ElementNode).props.message).toContain("The stackBelow argument to st.columns must be");
  });

  it("R110: an unknown gap or alignment raises", async () => {
    const out = await load((st) => {
      st.container(() => st.columns(2, { gap: "huge" as "large" }));
      st.container(() => st.columns(2, { verticalAlignment: "middle" as "top" }));
    });
    const [gap] = (out.roots[0].children[0] as BlockNode).children as ElementNode[];
    expect(gap.props.message).toContain('The gap argument to st.columns must be "small", "medium", "large" or null.');
    expect(out.roots[0].children).toHaveLength(1);
  });

  it("R110 (≥1.46): columns nest without limit, in the main area and the sidebar", async () => {
    const out = await load((st) => {
      const [outer] = st.columns(2);
      const [mid] = outer.columns(2);
      const [inner] = mid.columns(2);
      inner.markdown("deep");
      st.sidebar.with(() => {
        const [s] = st.columns(1);
        s.columns(2)[1].markdown("side");
      });
    });
    const deep = (((((out.roots[0].children[0] as BlockNode).children[0] as BlockNode).children[0] as BlockNode)
      .children[0] as BlockNode).children[0] as BlockNode).children[0] as BlockNode;
    expect(deep.children[0].path).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    const side = renderRoot(out.roots[1], ctx).value;
    expect(side).toContain('<div class="el el-node-markdown" id="el-1-0-0-0-1-0">');
  });
});
