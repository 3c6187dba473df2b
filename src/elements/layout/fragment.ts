import { attrs, html, type Html } from "../../render/html";
import type { Dg } from "../../runtime/dg";
import { createFragment, type FragmentOptions } from "../../runtime/fragment";
import { FIELD } from "../../wire";
import { defineElement, type RenderContext } from "../types";

/**
 * A fragment's container (runtime/fragment.ts): invisible, it only groups what the fragment draws.
 * With `runEvery` it also holds a hidden form that htmx posts on a timer (`every <ms>ms`) with the
 * fragment's id: htmx stops the timer once the form is no longer in the document, that is once a
 * full run drew the page without the fragment (R122). Without JavaScript nothing polls; the form
 * then shows a Refresh button that posts the same event.
 */
export const fragment = defineElement({
  name: "fragment",
  api: <A extends unknown[], R>(dg: Dg, fn: (...args: A) => R, options?: FragmentOptions) => createFragment(dg, fn, options),
  renderBlock: (node, children, ctx) => {
    const { id, runEvery } = node.props as { id: string; runEvery?: number };
    return html`${runEvery ? poll(ctx, id, runEvery) : ""}${children}`;
  },
});

function poll(ctx: RenderContext, id: string, ms: number): Html {
  return html`<form${attrs({
    method: "post",
    action: ctx.action,
    class: "el-wform el-poll",
    "hx-post": ctx.action,
    "hx-trigger": `every ${ms}ms`,
    "hx-swap": "none",
  })}>${ctx.hiddenFields}<input type="hidden" name="${FIELD.fragment}" value="${id}"><noscript><button type="submit" class="el-apply">Refresh</button></noscript></form>`;
}
