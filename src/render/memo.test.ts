import { describe, expect, it } from "vitest";
import type { ElementNode, RenderContext } from "../elements/types";
import { trustedHtml } from "./html";
import { RenderMemo } from "./memo";

const ctx: RenderContext = { action: "/app?_s=t", hiddenFields: trustedHtml(""), showErrorDetails: false };
const node = (props: Record<string, unknown>): ElementNode => ({ kind: "element", type: "text", path: [0, 0], props });

function drawOnce(memo: RenderMemo, props: Record<string, unknown>, context = ctx): { html: string; drawn: boolean } {
  let drawn = false;
  const { html } = memo.draw("el-0-0", node(props), context, () => {
    drawn = true;
    return `<p>${JSON.stringify(props)}</p>`;
  });
  memo.commit();
  return { html, drawn };
}

describe("RenderMemo", () => {
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

  it("keeps only what the last render drew", () => {
    const memo = new RenderMemo();
    drawOnce(memo, { body: "a" });
    memo.commit(); // a render that drew nothing
    expect(drawOnce(memo, { body: "a" }).drawn).toBe(true);
  });
});
