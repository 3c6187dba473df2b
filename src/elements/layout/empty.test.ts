import { describe, expect, it } from "vitest";
import { html } from "../../render/html";
import { renderRoot } from "../../render/tree";
import { AppSession, defineApp, type AppFunction } from "../../runtime/session";
import type { BlockNode, ElementNode } from "../types";

const ctx = { action: "/x", hiddenFields: html``, showErrorDetails: true };
const load = (main: AppFunction) => new AppSession(defineApp(main)).load();

describe("st.empty", () => {
  it("R106: st.empty() is an invisible element holding one position", async () => {
    const out = await load((st) => {
      st.empty();
      st.markdown("next");
    });
    const [ph, next] = out.roots[0].children as ElementNode[];
    expect([ph.type, ph.path, next.path]).toEqual(["empty", [0, 0], [0, 1]]);
    expect(renderRoot(out.roots[0], ctx).value).toContain('<div class="el el-node-empty" id="el-0-0"></div>');
  });

  it("R106/R108: each write to a placeholder replaces the element at its position", async () => {
    const out = await load((st) => {
      const ph = st.empty();
      st.markdown("below");
      ph.markdown("one");
      ph.markdown("two");
    });
    const [ph, below] = out.roots[0].children as ElementNode[];
    expect([ph.type, ph.props.body, ph.path]).toEqual(["markdown", "two", [0, 0]]);
    expect(below.props.body).toBe("below");
  });

  it("R106: the value of a single-element call is locked to its position too", async () => {
    const out = await load((st) => {
      const line = st.markdown("draft");
      line.markdown("final");
    });
    expect(out.roots[0].children.map((n) => n.props.body)).toEqual(["final"]);
  });

  it("R107: with a placeholder as the with-target, only the last element remains", async () => {
    const out = await load((st) => {
      const ph = st.empty();
      ph.with(() => {
        st.markdown("a");
        st.markdown("b");
      });
    });
    expect(out.roots[0].children.map((n) => n.props.body)).toEqual(["b"]);
  });

  it("R107: placeholder.container() replaces it with a block that takes several elements", async () => {
    const out = await load((st) => {
      const ph = st.empty();
      ph.markdown("loading");
      const c = ph.container();
      c.markdown("x");
      c.markdown("y");
      st.markdown("after");
    });
    const [c, after] = out.roots[0].children as [BlockNode, ElementNode];
    expect(c.type).toBe("container");
    expect(c.children.map((n) => [n.props.body, n.path])).toEqual([["x", [0, 0, 0]], ["y", [0, 0, 1]]]);
    expect(after.path).toEqual([0, 1]);
  });

  it("R107: placeholder.empty() clears it, and it can be written again afterwards", async () => {
    const out = await load((st) => {
      const ph = st.empty();
      ph.container().markdown("content");
      ph.empty();
      ph.markdown("again");
    });
    expect(out.roots[0].children.map((n) => [n.type, n.props.body])).toEqual([["markdown", "again"]]);
  });

  it("R107: placeholder.empty() leaves an empty element in place", async () => {
    const out = await load((st) => {
      const ph = st.empty();
      ph.container().markdown("content");
      ph.empty();
    });
    expect(out.roots[0].children.map((n) => [n.kind, n.type])).toEqual([["element", "empty"]]);
  });

  it("R106: columns written into a placeholder replace it", async () => {
    const out = await load((st) => {
      const ph = st.empty();
      const [a] = ph.columns(2);
      a.markdown("in column");
    });
    const row = out.roots[0].children[0] as BlockNode;
    expect(row.type).toBe("columns");
    expect(((row.children[0] as BlockNode).children[0] as ElementNode).props.body).toBe("in column");
  });
});
