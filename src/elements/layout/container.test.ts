import { describe, expect, it } from "vitest";
import { html } from "../../render/html";
import { renderRoot } from "../../render/tree";
import { AppSession, defineApp, type AppFunction } from "../../runtime/session";
import type { BlockNode, ElementNode } from "../types";

const ctx = { action: "/x", hiddenFields: html``, showErrorDetails: true };
const load = (main: AppFunction) => new AppSession(defineApp(main)).load();
const bodies = (block: BlockNode) => block.children.map((c) => (c as ElementNode).props.body);

describe("st.container", () => {
  it("R105: writing to a container later in the script places the element inside it", async () => {
    const out = await load((st) => {
      const c = st.container();
      st.markdown("after");
      c.markdown("inside 1");
      c.markdown("inside 2");
    });
    const [c, after] = out.roots[0].children as [BlockNode, ElementNode];
    expect(c.type).toBe("container");
    expect(bodies(c)).toEqual(["inside 1", "inside 2"]);
    expect(c.children.map((n) => n.path)).toEqual([[0, 0, 0], [0, 0, 1]]);
    expect(after.props.body).toBe("after");
  });

  it("R104: bare st.* inside a body writes into the container; after it, into the main area", async () => {
    const out = await load((st) => {
      st.container(() => {
        st.markdown("in");
      });
      st.markdown("out");
    });
    const [c, out2] = out.roots[0].children as [BlockNode, ElementNode];
    expect(bodies(c)).toEqual(["in"]);
    expect(out2.props.body).toBe("out");
  });

  it("R104: nested withs write to the innermost container, and container.x() ignores withs", async () => {
    const out = await load((st) => {
      const a = st.container();
      const b = st.container();
      a.with(() => {
        st.markdown("a1");
        b.with(() => {
          st.markdown("b1");
          a.markdown("a2 (explicit)");
        });
        st.markdown("a3");
      });
    });
    const [a, b] = out.roots[0].children as BlockNode[];
    expect(bodies(a)).toEqual(["a1", "a2 (explicit)", "a3"]);
    expect(bodies(b)).toEqual(["b1"]);
  });

  it("R104: with() returns what the body returns and awaits an async body", async () => {
    let seen: unknown;
    const out = await load(async (st) => {
      seen = await st.container().with(async () => {
        await Promise.resolve();
        st.markdown("late");
        return 42;
      });
      st.markdown("after");
    });
    expect(seen).toBe(42);
    expect(bodies(out.roots[0].children[0] as BlockNode)).toEqual(["late"]);
    expect((out.roots[0].children[1] as ElementNode).props.body).toBe("after");
  });

  it("R104: an async body passed to st.container raises a teaching error before it runs", async () => {
    let ran = false;
    const out = await load((st) => {
      st.container(async () => {
        ran = true;
      });
    });
    expect(ran).toBe(false);
    const error = out.roots[0].children[1] as ElementNode;
    expect(error.type).toBe("exception");
    expect(error.props.message).toContain("await st.container(…).with(async () => {");
  });

  it("R104: a plain function body that returns a promise raises the same error", async () => {
    const out = await load((st) => {
      st.container(() => Promise.resolve(st.markdown("sync part")));
      st.markdown("not reached");
    });
    expect(out.status).toBe("error");
    const [c, error] = out.roots[0].children as [BlockNode, ElementNode];
    expect(bodies(c)).toEqual(["sync part"]);
    expect(error.props.message).toContain("runs `body` synchronously");
  });

  it("R95/R104: an exception inside a body is drawn inside that container", async () => {
    const out = await load((st) => {
      const outer = st.container();
      st.markdown("below");
      outer.with(() => {
        st.markdown("before");
        st.container(() => {
          throw new Error("boom");
        });
      });
    });
    expect(out.status).toBe("error");
    const outer = out.roots[0].children[0] as BlockNode;
    const inner = outer.children[1] as BlockNode;
    expect(inner.children.map((n) => [n.type, (n as ElementNode).props.message])).toEqual([["exception", "boom"]]);
    expect(out.roots[0].children).toHaveLength(2);
  });

  it("R113: height makes it scroll with a border by default; border is off otherwise", async () => {
    const out = await load((st) => {
      st.container({ height: 300 });
      st.container({ height: 200, border: false });
      st.container({ border: true });
      st.container();
    });
    expect(out.roots[0].children.map((c) => [c.props.height, c.props.border])).toEqual([
      [300, true],
      [200, false],
      [undefined, true],
      [undefined, false],
    ]);
    const page = renderRoot(out.roots[0], ctx).value;
    expect(page).toContain('class="el-container-inner el-bordered el-scroll" style="height:300px;overflow-y:auto"');
  });

  it("R113: an invalid height raises", async () => {
    const out = await load((st) => {
      st.container({ height: -5 });
    });
    expect((out.roots[0].children[0] as ElementNode).props.message).toContain("Invalid height value: -5.");
  });

  it("R25/R113: a key adds the st-key class, with unsafe characters replaced", async () => {
    const out = await load((st) => {
      st.container({ key: 'x"><script>alert(1)</script>' }, () => st.markdown("k"));
    });
    const page = renderRoot(out.roots[0], ctx).value;
    expect(page).toContain('class="el-container-inner st-key-x---script-alert-1---script-"');
    expect(page).not.toContain("<script>");
  });

  it("R24/R25: a container key shares the key namespace with widgets", async () => {
    const out = await load((st) => {
      st.container({ key: "k" });
      st.button("b", { key: "k" });
    });
    const error = out.roots[0].children[1] as ElementNode;
    expect(error.props.name).toBe("StreamlitDuplicateElementKey");
    expect(error.props.message).toContain("There are multiple elements with the same `key='k'`.");
    expect(error.props.message).toContain('`container` with key "k" (position 0.0)');
  });
});
