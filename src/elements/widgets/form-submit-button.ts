/**
 * st.formSubmitButton: the submit control of an st.form, and the only form widget that may have a
 * callback (R79, R89). It is a trigger: `true` only in the run its click caused (R52).
 */
import { attrs, html } from "../../render/html";
import type { Dg } from "../../runtime/dg";
import { DOM, FIELD } from "../../wire";
import { defineElement } from "../types";
import { checkLabelVisibility, helpFor, triggerCodec } from "./common";

export interface FormSubmitButtonOptions {
  key?: string | number;
  help?: string;
  onClick?: (...args: any[]) => unknown;
  args?: unknown[];
  type?: "primary" | "secondary" | "tertiary";
  icon?: string;
  disabled?: boolean;
  useContainerWidth?: boolean;
}

export const formSubmitButton = defineElement({
  name: "formSubmitButton",
  /** Submits its form: `if (st.formSubmitButton("Save")) st.write("Saved", name)`. */
  api: (dg: Dg, label = "Submit", options: FormSubmitButtonOptions = {}): boolean =>
    dg.widget({
      type: "formSubmitButton",
      label: String(label),
      props: {
        label: String(label),
        help: options.help,
        kind: options.type ?? "secondary",
        icon: options.icon,
        disabled: options.disabled ?? false,
        labelVisibility: checkLabelVisibility("visible"),
        fullWidth: options.useContainerWidth ?? false,
      },
      codec: triggerCodec,
      key: options.key,
      // The runtime adds the form to keyless identity: two buttons of one form with one label collide (R85).
      identity: [String(label), options.icon ?? null, options.help ?? null, options.type ?? "secondary"],
      keyedIdentity: [],
      default: false,
      trigger: true,
      writable: false,
      form: "required",
      onChange: options.onClick,
      args: options.args,
      disabled: options.disabled,
    }),
  /**
   * A native submit button of the st.form's `<form>` (it never stands alone): pressing it, or Enter
   * in a text field of the form when it is the first submit button, posts the form with `_t=<id>`.
   */
  render: (node) => {
    const id = node.widget!.id;
    const p = node.props as { label: string; kind: string; icon?: string; disabled: boolean; help?: string; fullWidth: boolean };
    const button = html`<button${attrs({
      type: "submit",
      id: DOM.control(id),
      name: FIELD.trigger,
      value: id,
      class: `el-button el-button-${p.kind} el-form-submit${p.fullWidth ? " el-full" : ""}`,
      disabled: p.disabled,
      "aria-describedby": p.help ? DOM.help(id) : undefined,
    })}>${p.icon ? html`<span aria-hidden="true">${p.icon}</span> ` : ""}${p.label}</button>`;
    return html`${button}${helpFor(node)}`;
  },
  codec: triggerCodec,
});
