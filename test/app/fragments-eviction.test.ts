// DESIGN §3 for fragments (SEMANTICS 1.13): after an eviction, fragment runs still rerun the right
// fragment once, with its arguments, and answer with the tree the client holds.
import { describe, expect, it, vi } from "vitest";
import type { BlockNode, ElementNode, TreeNode } from "../../src/elements/types";
import { AppSession, defineApp } from "../../src/runtime/session";

describe("fragments after eviction (DESIGN §3)", () => {
  function buttonIn(roots: BlockNode[], label: string): string {
    const all = (nodes: TreeNode[]): TreeNode[] => nodes.flatMap((n) => (n ? (n.kind === "block" ? [n, ...all(n.children)] : [n]) : []));
    const button = all(roots).find((n): n is ElementNode => n.kind === "element" && n.type === "button" && n.props.label === label);
    return button!.widget!.id;
  }

  it("R119: after an eviction a fragment event reruns the right fragment once, with its arguments and its callbacks' arguments, changing no state twice", async () => {
    const body = vi.fn();
    const app = defineApp((st) => {
      st.sessionState.full = (st.sessionState.full ?? 0) + 1;
      body();
      st.markdown(`full ${st.sessionState.full}`);
      const box = st.fragment((name: string, step: number) => {
        st.sessionState[name] ??= 0;
        // The callback's args are captured when drawn: in the last fragment run, not the full run.
        st.button(`Add to ${name}`, { onClick: (by: number) => { st.sessionState[name] += by; }, args: [step + st.sessionState[name]] });
        st.markdown(`${name} = ${st.sessionState[name]}`);
      });
      box("a", 1);
      box("b", 10);
    });
    const first = new AppSession(app);
    const loaded = await first.load();
    const addB = buttonIn(loaded.roots, "Add to b");
    await first.handle({ values: {}, trigger: addB }); // b: 0 → 10 (args [10 + 0])
    body.mockClear();
    const second = new AppSession(app, structuredClone(first.snapshot()));
    const out = await second.handle({ values: {}, trigger: addB }); // args [10 + 10]
    expect(second.peekState("b")).toBe(30);
    expect(second.peekState("a")).toBe(0);
    expect(second.peekState("full")).toBe(1);
    expect(out.fragment).toBeDefined();
    // Outside the fragment the tree is the one the client holds.
    const texts = (roots: BlockNode[]) => JSON.stringify(roots[0].children.map((n) => (n.kind === "element" ? n.props.body : n.props.id)));
    expect(texts(out.roots)).toBe(texts(loaded.roots));
    expect((out.roots[0].children[2] as BlockNode).children.map((n) => n.props.body ?? n.props.label)).toEqual(["Add to b", "b = 30"]);
  });

  it("R119: after an eviction a fragment run keeps non-deterministic output outside the fragment as the client saw it", async () => {
    let calls = 0;
    const app = defineApp((st) => {
      calls += 1;
      st.markdown(`drawn by call ${calls}`);
      st.fragment(() => {
        if (st.button("Go")) st.markdown("went");
      })();
    });
    const first = new AppSession(app);
    const loaded = await first.load();
    const second = new AppSession(app, structuredClone(first.snapshot()));
    const out = await second.handle({ values: {}, trigger: buttonIn(loaded.roots, "Go") });
    expect(calls).toBe(2); // the replay ran the body once more…
    expect(out.roots[0].children[0].props.body).toBe("drawn by call 1"); // …but what the client holds stays
    expect((out.roots[0].children[1] as BlockNode).children.map((n) => n.type)).toEqual(["button", "markdown"]);
  });

  it("R121: after an eviction the fragment runs of nested fragments are replayed in order", async () => {
    const app = defineApp((st) => {
      st.sessionState.outer ??= 0;
      st.fragment(() => {
        if (st.button("Outer")) st.sessionState.outer += 1;
        const seen = st.sessionState.outer;
        st.fragment(() => {
          st.button("Inner", { onClick: (v: number) => { st.sessionState.innerSaw = v; }, args: [seen] });
        })();
      })();
    });
    const first = new AppSession(app);
    const loaded = await first.load();
    await first.handle({ values: {}, trigger: buttonIn(loaded.roots, "Outer") });
    await first.handle({ values: {}, trigger: buttonIn(loaded.roots, "Outer") });
    const second = new AppSession(app, structuredClone(first.snapshot()));
    const out = await second.handle({ values: {}, trigger: buttonIn(loaded.roots, "Inner") });
    expect(second.peekState("innerSaw")).toBe(2); // the args of the inner fragment's last run
    expect(out.fragment).toBeDefined();
  });

  it("R117: apps without fragments store nothing more", async () => {
    const session = new AppSession(defineApp((st) => void st.markdown("plain")));
    await session.load();
    expect(session.snapshot().fragments).toBeUndefined();
  });
});
