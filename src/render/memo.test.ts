import { describe, expect, it } from "vitest";
import type { ElementNode, RenderContext } from "../elements/types";
import { trustedHtml } from "./html";
import { hashString } from "../runtime/identity";
import { diffTrees, fingerprintTrees } from "./diff";
import { RenderMemo } from "./memo";

const ctx: RenderContext = { action: "/app?_s=t", hiddenFields: trustedHtml(""), showErrorDetails: false };
const node = (props: Record<string, unknown>): ElementNode => ({ kind: "element", type: "text", path: [0, 0], props });

function drawOnce(memo: RenderMemo, props: Record<string, unknown>, context = ctx): { html: string; drawn: boolean } {
  let drawn = false;
  const scope = memo.begin();
  const { html } = scope.block(0, "el-root-0").draw(0, "el-0-0", node(props), context, () => {
    drawn = true;
    return `<p>${JSON.stringify(props)}</p>`;
  });
  memo.commit(scope);
  return { html, drawn };
}

/** One render of `elements` (block id → the ids of its elements, all drawn from the same data): which ids it drew. */
function render(memo: RenderMemo, elements: Record<string, string[]>): string[] {
  const drawn: string[] = [];
  const scope = memo.begin();
  const root = scope.block(0, "el-root-0");
  Object.entries(elements).forEach(([block, ids], b) => {
    const inner = root.block(b, block);
    ids.forEach((id, i) => inner.draw(i, id, node({ body: "same" }), ctx, () => (drawn.push(id), `<p id="${id}">same</p>`)));
  });
  memo.commit(scope);
  return drawn;
}

describe("RenderMemo", () => {
  it("keeps an element's fingerprint with its HTML: the drawn element itself, one object for every render that keeps it", () => {
    const memo = new RenderMemo();
    const draw = (body: string) => {
      const scope = memo.begin();
      const drawn = scope.block(0, "el-root-0").draw(0, "el-0-0", node({ body }), ctx, () => `<p>${body}</p>`);
      memo.commit(scope);
      return drawn;
    };
    const first = draw("a");
    const kept = draw("a");
    const changed = draw("b");
    expect(fingerprintTrees([kept])[0]).toBe(fingerprintTrees([first])[0]);
    expect(fingerprintTrees([kept])[0]).toBe(kept);
    expect(fingerprintTrees([kept])[0]).toMatchObject({ id: "el-0-0", hash: hashString("<p>a</p>") });
    expect(fingerprintTrees([kept])[0].children).toBeUndefined();
    expect(diffTrees(fingerprintTrees([first]), [kept]).changed).toEqual([]);
    expect(diffTrees(fingerprintTrees([kept]), [changed]).changed).toEqual([changed]);
  });

  it("reuses an element's HTML while its data and context are unchanged", () => {
    const memo = new RenderMemo();
    expect(drawOnce(memo, { body: "a" }).drawn).toBe(true);
    expect(drawOnce(memo, { body: "a" })).toEqual({ html: '<p>{"body":"a"}</p>', drawn: false });
    expect(drawOnce(memo, { body: "b" }).drawn).toBe(true);
    expect(drawOnce(memo, { body: "b" }, { ...ctx, action: "/app?_s=u" }).drawn).toBe(true);
  });

  it("tells apart values JSON would confuse, and never keys what it cannot write exactly", () => {
    const memo = new RenderMemo();
    drawOnce(memo, { value: null });
    expect(drawOnce(memo, { value: Number.NaN }).drawn).toBe(true);
    drawOnce(memo, { rows: new Map([["a", 1]]) });
    expect(drawOnce(memo, { rows: new Map([["a", 2]]) }).drawn).toBe(true);
    drawOnce(memo, { onClick: () => 1 });
    expect(drawOnce(memo, { onClick: () => 1 }).drawn).toBe(true);
  });

  it("keys plain data and data JSON would confuse apart (the fast path and the exact path)", () => {
    const memo = new RenderMemo();
    drawOnce(memo, { body: "\u0000x" });
    expect(drawOnce(memo, { body: "\u0000x" }).drawn).toBe(false);
    expect(drawOnce(memo, { body: "x" }).drawn).toBe(true);
    drawOnce(memo, { value: Number.POSITIVE_INFINITY });
    expect(drawOnce(memo, { value: "\u0000Infinity" }).drawn).toBe(true);
    drawOnce(memo, { nested: [{ a: 1, b: undefined }] });
    expect(drawOnce(memo, { nested: [{ a: 1 }] }).drawn).toBe(false);
  });

  it("compares data with a copy: key order, -0, array holes and later mutation all count", () => {
    const memo = new RenderMemo();
    drawOnce(memo, { rows: { a: 1, b: 2 } });
    expect(drawOnce(memo, { rows: { a: 1, b: 2 } }).drawn).toBe(false);
    expect(drawOnce(memo, { rows: { b: 2, a: 1 } }).drawn).toBe(true); // st.json shows the order
    drawOnce(memo, { value: 0 });
    expect(drawOnce(memo, { value: -0 }).drawn).toBe(true); // a format can show "-0"
    drawOnce(memo, { items: [null] });
    expect(drawOnce(memo, { items: [undefined] }).drawn).toBe(true);
    const shared = { cells: [1, 2, { deep: "x" }] };
    drawOnce(memo, { data: shared });
    (shared.cells[2] as { deep: string }).deep = "y"; // the app mutates what it passed last run
    expect(drawOnce(memo, { data: shared })).toEqual({ html: '<p>{"data":{"cells":[1,2,{"deep":"y"}]}}</p>', drawn: true });
    expect(drawOnce(memo, { data: shared }).drawn).toBe(false);
  });

  it("lets go of a flat element's HTML when the next render begins and draws it again from its node when read; keeps other HTML", () => {
    const memo = new RenderMemo();
    let calls = 0;
    const draw = (props: Record<string, unknown>) => {
      const scope = memo.begin();
      const drawn = scope.block(0, "el-root-0").draw(0, "el-0-0", node(props), ctx, (n) => (calls++, `<p>${JSON.stringify(n.props)}</p>`));
      memo.commit(scope);
      return drawn;
    };
    const first = draw({ body: "a" });
    expect(first.html).toBe('<p>{"body":"a"}</p>');
    expect(calls).toBe(1); // kept while its render's answer is made
    const kept = draw({ body: "a" });
    expect(kept).toBe(first);
    expect(calls).toBe(1); // the next render reuses it without drawing
    expect(kept.html).toBe('<p>{"body":"a"}</p>');
    expect(calls).toBe(2); // read later: drawn again, the same
    expect(kept.hash).toBe(hashString('<p>{"body":"a"}</p>'));
    const changed = draw({ body: "b" });
    expect(changed.html).toBe('<p>{"body":"b"}</p>');
    expect(calls).toBe(3);
    // Data that is not flat may be changed in place by the app: its HTML is kept as drawn.
    const list = draw({ items: ["x"] });
    calls = 0;
    expect(draw({ items: ["x"] })).toBe(list);
    expect(list.html).toBe('<p>{"items":["x"]}</p>');
    expect(calls).toBe(0);
  });

  it("compares flat data (no copy kept) as it compares a copy: order, -0, undefined fields, added fields", () => {
    const memo = new RenderMemo();
    drawOnce(memo, { body: "a", level: 2, open: false, help: null });
    expect(drawOnce(memo, { body: "a", level: 2, open: false, help: null }).drawn).toBe(false); // another object, same data
    expect(drawOnce(memo, { body: "a", level: 2, open: false, help: null, extra: undefined }).drawn).toBe(false);
    expect(drawOnce(memo, { level: 2, body: "a", open: false, help: null }).drawn).toBe(true); // the order counts, as for a copy
    expect(drawOnce(memo, { level: 2, body: "a", open: false, help: null, more: 1 }).drawn).toBe(true);
    drawOnce(memo, { value: 0 });
    expect(drawOnce(memo, { value: -0 }).drawn).toBe(true);
    expect(drawOnce(memo, { value: Number.NaN }).drawn).toBe(true); // not flat: the exact path
    expect(drawOnce(memo, { value: Number.NaN }).drawn).toBe(false);
    expect(drawOnce(memo, { value: "NaN" }).drawn).toBe(true);
  });

  it("keys very deep data by its exact text, and draws cyclic data every time, without failing", () => {
    const memo = new RenderMemo();
    const cyclic: Record<string, unknown> = { name: "loop" };
    cyclic.self = cyclic;
    let deep: unknown = "leaf";
    for (let i = 0; i < 100; i++) deep = [deep];
    for (const [props, times] of [[{ cyclic }, 2], [{ deep }, 1]] as const) {
      let drawn = 0;
      for (let i = 0; i < 2; i++) {
        const scope = memo.begin();
        scope.draw(0, "el-0-0", node(props), ctx, () => (drawn++, "<p>x</p>"));
        memo.commit(scope);
      }
      expect(drawn).toBe(times);
    }
  });

  it("keeps only what the last render drew", () => {
    const memo = new RenderMemo();
    drawOnce(memo, { body: "a" });
    memo.commit(memo.begin()); // a render that drew nothing
    expect(drawOnce(memo, { body: "a" }).drawn).toBe(true);
  });

  it("reuses an element only at the place it was drawn, inside blocks too", () => {
    const memo = new RenderMemo();
    expect(render(memo, { "el-0-0": ["el-0-0-0", "el-0-0-1"], "el-0-1": ["el-0-1-0"] })).toEqual(["el-0-0-0", "el-0-0-1", "el-0-1-0"]);
    expect(render(memo, { "el-0-0": ["el-0-0-0", "el-0-0-1"], "el-0-1": ["el-0-1-0"] })).toEqual([]);
    // An element added at the end: only it is drawn.
    expect(render(memo, { "el-0-0": ["el-0-0-0", "el-0-0-1", "el-0-0-2"], "el-0-1": ["el-0-1-0"] })).toEqual(["el-0-0-2"]);
    // Another block at the second place: none of the old block's entries apply to it.
    expect(render(memo, { "el-0-0": ["el-0-0-0", "el-0-0-1", "el-0-0-2"], "el-0-9": ["el-0-9-0"] })).toEqual(["el-0-9-0"]);
  });
});
