import { attrs, html } from "../../render/html";
import { widgetForm } from "../../render/widget-form";
import type { Dg } from "../../runtime/dg";
import { FIELD } from "../../wire";
import { defineElement } from "../types";
import { checkLabelVisibility, helpFor, triggerCodec } from "./common";

export interface ButtonOptions {
  key?: string | number;
  help?: string;
  onClick?: (...args: any[]) => unknown;
  args?: unknown[];
  type?: "primary" | "secondary" | "tertiary";
  icon?: string;
  disabled?: boolean;
  useContainerWidth?: boolean;
}

export const button = defineElement({
  name: "button",
  /** A button: `true` only in the run its click caused (R52). `if (st.button("Go")) …` */
  api: (dg: Dg, label: string, options: ButtonOptions = {}): boolean =>
    dg.widget({
      type: "button",
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
      identity: [String(label), options.icon ?? null, options.help ?? null, options.type ?? "secondary"],
      default: false,
      trigger: true,
      writable: false,
      form: "forbidden",
      onChange: options.onClick,
      args: options.args,
      disabled: options.disabled,
    }),
  render: (node, ctx) => {
    const id = node.widget!.id;
    const p = node.props as { label: string; kind: string; icon?: string; disabled: boolean; help?: string; fullWidth: boolean };
    const button = html`<button${attrs({
      type: "submit",
      id: `${id}-control`,
      name: FIELD.trigger,
      value: id,
      class: `el-button el-button-${p.kind}${p.fullWidth ? " el-full" : ""}`,
      disabled: p.disabled,
      "aria-describedby": p.help ? `${id}-help` : undefined,
    })}>${p.icon ? html`<span aria-hidden="true">${p.icon}</span> ` : ""}${p.label}</button>`;
    return widgetForm(ctx, id, html`${button}${helpFor(node)}`, "submit");
  },
  codec: triggerCodec,
});
