// Run.unchanged: a rerun reuses the last tree's node for an element drawn again from the same data.
import { describe, expect, it } from "vitest";
import type { BlockNode, ElementNode, TreeNode } from "../elements/types";
import { RenderMemo } from "../render/memo";
import { renderTree } from "../render/page";
import { trustedHtml } from "../render/html";
import { Run } from "./run";
import { AppSession, defineApp } from "./session";
import { emptySessionData } from "./state";

const ctx = { action: "/t?_s=x", hiddenFields: trustedHtml(""), showErrorDetails: false };
const main = (roots: BlockNode[]): TreeNode[] => roots[0].children;
const widgetId = (node: TreeNode): string => (node as ElementNode).widget!.id;

describe("reruns reuse the nodes of elements they draw again unchanged", () => {
  it("keeps the node of every element whose data is the same and makes a new one for the changed", async () => {
    const session = new AppSession(
      defineApp((st) => {
        st.title("Static");
        const name = st.textInput("Name", { value: "world" });
        st.markdown(`Hello, ${name}`);
        st.checkbox("Agree");
        st.columns(2)[0].text("in a column");
      }),
    );
    const first = await session.load();
    const before = [...main(first.roots)];
    const column = (roots: BlockNode[]) => ((roots[0].children[4] as BlockNode).children[0] as BlockNode).children[0];
    const inColumn = column(first.roots);
    const next = await session.handle({ values: { [widgetId(before[1])]: "Ada" } });
    const after = main(next.roots);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]); // its value changed
    expect((after[1] as ElementNode).widget!.value).toBe("Ada");
    expect(after[2]).not.toBe(before[2]);
    expect((after[2] as ElementNode).props.body).toBe("Hello, Ada");
    expect(after[3]).toBe(before[3]);
    expect(after[4]).not.toBe(before[4]); // blocks are always new
    expect(column(next.roots)).toBe(inColumn); // found by its path through new blocks
    expect((before[2] as ElementNode).props.body).toBe("Hello, world"); // the last tree is untouched
  });

  it("compares primitive props field by field: an array, or NaN against -0, makes a new node", async () => {
    let round = 0;
    const session = new AppSession(
      defineApp((st) => {
        st.radio("Pick", ["a", "b"]);
        st.metric("Ratio", round++ === 0 ? Number.NaN : -0);
        st.metric("Same", Number.NaN);
      }),
    );
    const first = await session.load();
    const next = await session.handle({ values: {} });
    expect(main(next.roots)[0]).not.toBe(main(first.roots)[0]);
    expect((main(next.roots)[0] as ElementNode).props).toEqual((main(first.roots)[0] as ElementNode).props);
    expect(main(next.roots)[1]).not.toBe(main(first.roots)[1]);
    expect(main(next.roots)[2]).toBe(main(first.roots)[2]); // NaN is NaN (Object.is)
  });

  it("an object the app changed in place and shows again is drawn anew, not taken for the same", async () => {
    const session = new AppSession(
      defineApp((st) => {
        st.sessionState.rows ??= ["first"];
        st.sessionState.picked ??= ["a"];
        if (st.button("Add")) (st.sessionState.rows as string[]).push("second");
        st.json(st.sessionState.rows);
        st.write(st.sessionState.rows);
      }),
    );
    const memo = new RenderMemo();
    const first = await session.load();
    const texts = (roots: BlockNode[]) => renderTree(roots, ctx, memo)[0].children!.slice(1).map((node) => node.html);
    expect(texts(first.roots).join("")).not.toContain("second");
    const next = await session.handle({ values: {}, trigger: widgetId(main(first.roots)[0]) });
    expect(main(next.roots)[1]).not.toBe(main(first.roots)[1]);
    const shown = texts(next.roots);
    expect(shown).toHaveLength(2);
    for (const html of shown) expect(html).toContain("second");
  });

  it("never takes a field holding an object or a function for the same, even the very same one", () => {
    const rows = ["first"];
    const onPick = () => 1;
    const before: ElementNode = { kind: "element", type: "custom", path: [0, 0], props: { rows, onPick, n: 1 } };
    const run = new Run(emptySessionData(), { page: "", showErrorDetails: false });
    run.last = [{ kind: "block", type: "main", path: [0], props: {}, children: [before] }];
    const main = run.roots[0];
    expect(run.unchanged(main, 0, "custom", { rows, onPick, n: 1 }, undefined)).toBeUndefined();
    before.props = { n: 1, label: null };
    expect(run.unchanged(main, 0, "custom", { n: 1, label: null }, undefined)).toBe(before);
    expect(run.unchanged(main, 0, "custom", { n: 1 }, undefined)).toBeUndefined(); // a field fewer
    expect(run.unchanged(main, 0, "custom", { n: 1, label: undefined }, undefined)).toBeUndefined();
    expect(run.unchanged(main, 0, "other", { n: 1, label: null }, undefined)).toBeUndefined();
    expect(run.unchanged(main, 1, "custom", { n: 1, label: null }, undefined)).toBeUndefined();
    expect(run.unchanged(main, 0, "custom", { n: 1, label: null }, { id: "w1", raw: "x", value: "x" })).toBeUndefined();
    before.props = { x: undefined, zero: 0, nan: Number.NaN };
    expect(run.unchanged(main, 0, "custom", { x: undefined, zero: 0, nan: Number.NaN }, undefined)).toBe(before);
    expect(run.unchanged(main, 0, "custom", { y: undefined, zero: 0, nan: Number.NaN }, undefined)).toBeUndefined();
    expect(run.unchanged(main, 0, "custom", { x: undefined, zero: -0, nan: Number.NaN }, undefined)).toBeUndefined();
    expect(run.unchanged(main, 0, "custom", { x: undefined, zero: 0, nan: 0 }, undefined)).toBeUndefined();
  });

  it("a widget registered again as it was keeps its meta; one whose label or options changed gets a new one", async () => {
    let label = "Agree";
    let keyedLabel = "Fixed";
    const session = new AppSession(
      defineApp((st) => {
        st.checkbox(label);
        st.checkbox(keyedLabel, { key: "fixed" });
        st.radio("Pick", ["a", "b"]);
      }),
    );
    const first = await session.load();
    const metas = () => Object.fromEntries(main(first.roots).map((node) => [widgetId(node), session.snapshot().data.widgets[widgetId(node)]?.meta]));
    const before = metas();
    const fixed = widgetId(main(first.roots)[1]);
    await session.handle({ values: { [fixed]: "on" } });
    const after = metas();
    const [agree, , pick] = Object.keys(before);
    expect(after[agree]).toBe(before[agree]);
    expect(after[fixed]).toBe(before[fixed]);
    expect(session.snapshot().data.widgets[fixed].value).toBe(true); // the value still follows the event
    expect(after[pick]).not.toBe(before[pick]); // its options are an array
    expect(after[pick]).toEqual(before[pick]);
    keyedLabel = "Fixed, relabelled"; // a keyed widget keeps its id (R19): its meta must follow
    await session.handle({ values: {} });
    expect(metas()[fixed]).not.toBe(before[fixed]);
    expect(metas()[fixed]!.label).toBe("Fixed, relabelled");
    expect((metas()[fixed]!.props as { label: string }).label).toBe("Fixed, relabelled");
    expect(session.snapshot().data.widgets[fixed].value).toBe(true);
    label = "Agree to all"; // a new label is a new widget id (R18): a new record and meta
    const renamed = await session.handle({ values: {} });
    const id = widgetId(main(renamed.roots)[0]);
    expect(id).not.toBe(agree);
    expect(session.snapshot().data.widgets[id].meta.label).toBe("Agree to all");
    expect(session.snapshot().data.widgets[agree]).toBeUndefined();
  });

  it("a placeholder filled again with the same element reuses it; filled differently, it is new", async () => {
    let text = "same";
    const session = new AppSession(
      defineApp((st) => {
        const slot = st.empty();
        slot.text("first");
        slot.text(text);
      }),
    );
    const first = await session.load();
    const again = await session.handle({ values: {} });
    expect(main(again.roots)[0]).toBe(main(first.roots)[0]);
    text = "changed";
    const changed = await session.handle({ values: {} });
    expect(main(changed.roots)[0]).not.toBe(main(again.roots)[0]);
    expect((main(changed.roots)[0] as ElementNode).props.body).toBe("changed");
  });

  it("a clearOnSubmit reset replaces a reused widget's node, so the memo draws the reset value", async () => {
    const session = new AppSession(
      defineApp((st) => {
        st.sessionState.t ??= "preset";
        st.form("f", { clearOnSubmit: true }, () => {
          st.textInput("Text", { key: "t" });
          st.formSubmitButton("Send");
        });
      }),
    );
    const memo = new RenderMemo();
    const first = await session.load();
    const form = (roots: BlockNode[]) => main(roots)[0] as BlockNode;
    const drawn = renderTree(first.roots, ctx, memo);
    expect(drawn[0].children![0].html).toContain('value="preset"');
    const input = form(first.roots).children[0] as ElementNode;
    const submit = form(first.roots).children[1] as ElementNode;
    // Submitted unchanged: the submit run draws the same input (reused), then the form resets it.
    const next = await session.handle({ values: { [input.widget!.id]: "preset" }, trigger: submit.widget!.id, form: form(first.roots).formId });
    expect(input.widget!.raw).toBe("preset"); // the last tree's node was not changed
    expect((form(next.roots).children[0] as ElementNode).widget!.raw).toBe("");
    const redrawn = renderTree(next.roots, ctx, memo);
    expect(redrawn[0].children![0].html).not.toContain('value="preset"');
  });

  it("a fragment run draws new nodes; the full run after it reuses the tree the page shows", async () => {
    const session = new AppSession(
      defineApp((st) => {
        st.text("outside");
        st.fragment(() => {
          st.button("Again");
          st.text("inside");
        })();
      }),
    );
    const first = await session.load();
    const fragment = main(first.roots)[1] as BlockNode;
    const inside = fragment.children[1];
    const button = fragment.children[0];
    const partial = await session.handle({ values: {}, trigger: widgetId(button) });
    expect(partial.fragment).toBeDefined();
    const rerun = main(partial.roots)[1] as BlockNode;
    expect(rerun.children[1]).not.toBe(inside);
    const full = await session.handle({ values: {} });
    expect(main(full.roots)[0]).toBe(main(partial.roots)[0]);
    expect((main(full.roots)[1] as BlockNode).children[1]).toBe(rerun.children[1]);
  });
});
