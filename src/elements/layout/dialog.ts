import { attrs, html, type Html } from "../../render/html";
import type { Dg } from "../../runtime/dg";
import { createDialog, type DialogOptions, type DialogProps } from "../../runtime/dialog";
import { DOM, FIELD } from "../../wire";
import { defineElement, type RenderContext } from "../types";

const WIDTH = { small: "32rem", medium: "48rem", large: "80rem" };

/**
 * A dialog's container (runtime/dialog.ts): a native `<dialog open>`. Without JavaScript it is a
 * box in the page's flow (the stylesheet makes a non-modal dialog static) whose close button, a
 * `<form method="dialog">`, closes it without a request.
 *
 * With JavaScript the extension shows every `<dialog open>` that arrives modally, and morphs never
 * change `open`, so the user's Escape or close button is final while the dialog's fragment reruns.
 * A dialog opened again by a later run must show again although its node may be unchanged: its id
 * carries the run that opened it, so htmx's morph cannot match it to the closed one and inserts
 * it anew (the extension then also lets that morph set `open`). `closedby` lets Escape and a click outside close a dismissible dialog, and nothing
 * close the others. Its look is inline: the client's stylesheet stays small.
 */
export const dialog = defineElement({
  name: "dialog",
  api: <A extends unknown[], R>(dg: Dg, title: string, fn: (...args: A) => R, options?: DialogOptions) => createDialog(dg, title, fn, options),
  renderBlock: (node, children, ctx) => {
    const p = node.props as unknown as DialogProps;
    const id = DOM.element(node.path);
    return html`<dialog${attrs({
      open: true,
      id: `${id}-dialog-${p.opened}`,
      class: "el-dialog",
      "aria-labelledby": `${id}-title`,
      closedby: p.dismissible ? "any" : "none",
      style: `width:min(${WIDTH[p.width]},100%);border:1px solid var(--el-border);border-radius:var(--el-radius);padding:1.5rem;background:var(--el-bg);color:var(--el-fg)`,
    })}><div style="display:flex;justify-content:space-between;gap:1rem;margin-bottom:1rem"><h2 class="el-heading" id="${id}-title">${p.title}</h2>${
      p.dismissible ? closer(ctx, p.dismiss) : ""
    }</div>${children}</dialog>`;
  },
});

/**
 * The close button. With `onDismiss` it posts the dismiss trigger, on a click and (htmx) on any
 * other close (Escape, a click outside); the full run that follows takes the dialog away.
 */
function closer(ctx: RenderContext, dismiss: string | undefined): Html {
  const button = html`<button type="submit" class="el-button el-button-tertiary" aria-label="Close">✕</button>`;
  if (dismiss === undefined) return html`<form method="dialog">${button}</form>`;
  return html`<form${attrs({
    method: "post",
    action: ctx.action,
    class: "el-wform",
    "hx-post": ctx.action,
    "hx-trigger": "submit, close from:'closest dialog'",
    "hx-swap": "none",
  })}>${ctx.hiddenFields}<input type="hidden" name="${FIELD.widget}" value="${dismiss}"><input type="hidden" name="${FIELD.trigger}" value="${dismiss}">${button}</form>`;
}
