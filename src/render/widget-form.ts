/**
 * How a widget joins the wire protocol. Inside an st.form it is a plain control of the form's one
 * `<form>`; outside, it gets a `<form>` of its own that posts only its id and value on its commit
 * event, with htmx when scripting is on and as a plain form post (full page) when it is off.
 */
import type { RenderContext } from "../elements/types";
import { FIELD } from "../wire";
import { attrs, html, type Html } from "./html";

export type CommitEvent =
  /** Buttons: the form's submit (a click, or Enter on the button). */
  | "submit"
  /** Checkboxes, selects, sliders (release), dates: the control's change event. */
  | "change"
  /** Text: Enter submits, blur after an edit fires change. */
  | "submit-or-change";

/** `label` names the no-script Apply button for screen readers ("Apply Colour"), one per widget. */
export function widgetForm(ctx: RenderContext, widgetId: string, body: Html, commit: CommitEvent, label?: string): Html {
  const marker = html`<input type="hidden" name="${FIELD.widget}" value="${widgetId}">`;
  if (ctx.form) return html`${marker}${body}`;
  const trigger = commit === "submit" ? "submit" : commit === "change" ? "change" : "submit, change";
  // Without scripting a change fires nothing, so such widgets offer an apply button then.
  const named = label ? html`<span class="el-sr-only"> ${label}</span>` : "";
  const apply = commit === "change" ? html`<noscript><button type="submit" class="el-apply">Apply${named}</button></noscript>` : "";
  return html`<form${attrs({
    method: "post",
    action: ctx.action,
    class: "el-wform",
    "hx-post": ctx.action,
    "hx-trigger": trigger,
    "hx-swap": "none",
  })}>${ctx.hiddenFields}${marker}${body}${apply}</form>`;
}
