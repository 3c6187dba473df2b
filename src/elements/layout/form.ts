import { attrs, html } from "../../render/html";
import type { Dg } from "../../runtime/dg";
import { messages, StreamlitAPIException } from "../../runtime/errors";
import { FIELD } from "../../wire";
import { defineElement } from "../types";
import { optionsAndBody, runBody, type Body } from "./common";

export interface FormOptions {
  /** Reset the form's widgets to their defaults after each submit (R78, D1). */
  clearOnSubmit?: boolean;
  /** Enter in a single-line input submits as if the first submit button was clicked (R83). */
  enterToSubmit?: boolean;
  border?: boolean;
}

/**
 * A disabled submit button. HTML's implicit submission (Enter in a text field) clicks the form's
 * *default button*, the first submit button in tree order, hidden or not, and does nothing when
 * that button is disabled (https://html.spec.whatwg.org/multipage/forms.html#implicit-submission).
 * Placed first it makes Enter inert (enterToSubmit: false). Placed last it is the default button
 * only when the form has no submit button of its own, which stops a browser from submitting such
 * a form (Streamlit never submits it, R84).
 */
const enterBlocker = html`<button type="submit" disabled hidden aria-hidden="true" tabindex="-1"></button>`;

export const form = defineElement({
  name: "form",
  /**
   * Batches its widgets: nothing is sent until a submit button is pressed (R73–R76).
   * `st.form("signup", () => { const name = st.textInput("Name"); if (st.formSubmitButton("Go")) … })`
   */
  api: (dg: Dg, key: string, optionsOrBody?: FormOptions | Body, body?: Body): Dg => {
    const [options, fn] = optionsAndBody<FormOptions>(optionsOrBody, body);
    dg.run.checkpoint();
    if (dg.formId) throw new StreamlitAPIException(messages.nestedForm());
    if (key === undefined || key === null || String(key) === "") {
      throw new StreamlitAPIException('`st.form()` needs a key that names the form, for example `st.form("signup", () => { … })`.');
    }
    const clearOnSubmit = options.clearOnSubmit ?? false;
    const formId = dg.run.registerForm(String(key), clearOnSubmit);
    const props = { key: String(key), clearOnSubmit, enterToSubmit: options.enterToSubmit ?? true, border: options.border ?? true };
    return runBody(dg.addBlock("form", props, formId), fn, "form");
  },
  // The children were rendered with ctx.form set, so its widgets are plain controls of this <form>.
  renderBlock: (node, children, ctx) => {
    const { enterToSubmit, border } = node.props as { enterToSubmit: boolean; border: boolean };
    return html`<form${attrs({
      method: "post",
      action: ctx.action,
      "hx-post": ctx.action,
      "hx-swap": "none",
      class: border ? "el-form el-bordered" : "el-form",
    })}>${ctx.hiddenFields}<input type="hidden" name="${FIELD.form}" value="${node.formId ?? ""}">${
      enterToSubmit ? "" : enterBlocker
    }${children}${enterToSubmit ? enterBlocker : ""}</form>`;
  },
});
