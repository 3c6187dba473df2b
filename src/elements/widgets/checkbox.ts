/** st.checkbox, and the boolean widget machinery st.toggle shares. */
import { attrs, html, type Html } from "../../render/html";
import { widgetForm } from "../../render/widget-form";
import type { Dg } from "../../runtime/dg";
import { defineElement, WidgetValueError, type Codec, type ElementNode, type RenderContext } from "../types";
import {
  baseProps,
  controlAttrs,
  describeValue,
  helpFor,
  labelFor,
  singleRaw,
  specOptions,
  validity,
  type WidgetOptions,
} from "./common";

export interface CheckboxOptions extends WidgetOptions {
  /** Initial state; false by default (R30). */
  value?: boolean;
}

/** A checked box posts "on" (the HTML default); an unchecked one posts nothing at all. */
export const booleanCodec: Codec<boolean> = {
  parse: (raw) => {
    if (raw === undefined) return false;
    const text = singleRaw(raw, '"on" (checked) or no value (unchecked)');
    if (text === "on") return true;
    throw new WidgetValueError(`Expected "on" (checked) or no value (unchecked), got ${describeValue(text)}.`);
  },
  format: (value) => (value ? "on" : undefined),
};

/** The st method of a boolean widget; checkbox and toggle differ only in type and look. */
export function booleanWidget(type: "checkbox" | "toggle") {
  return (dg: Dg, label: string, options: CheckboxOptions = {}): boolean => {
    const value = Boolean(options.value ?? false);
    return dg.widget({
      type,
      label: String(label),
      props: baseProps(label, options),
      codec: booleanCodec,
      identity: [String(label), value, options.help ?? null],
      keyedIdentity: [],
      default: value,
      explicitDefault: options.value !== undefined,
      isValid: validity(dg, type, options.key, (v: unknown) => (typeof v === "boolean" ? undefined : "true or false")),
      ...specOptions(options),
    });
  };
}

/** A native checkbox after which its label sits; a toggle adds role="switch" for assistive tech. */
export function renderBoolean(node: ElementNode, ctx: RenderContext): Html {
  const w = node.widget!;
  const toggle = node.type === "toggle";
  const input = html`<input${attrs({
    type: "checkbox",
    ...controlAttrs(node),
    role: toggle ? "switch" : undefined,
    class: toggle ? "el-switch" : undefined,
    checked: w.raw === "on",
  })}>`;
  const cls = toggle ? "el-widget el-toggle" : "el-widget el-checkbox";
  return widgetForm(ctx, w.id, html`<div class="${cls}">${input}${labelFor(node)}${helpFor(node)}</div>`, "change", String(node.props.label));
}

export const checkbox = defineElement({
  name: "checkbox",
  /** A checkbox: `true` while checked. `if (st.checkbox("Show raw data")) st.write(data)` */
  api: booleanWidget("checkbox"),
  render: renderBoolean,
  codec: booleanCodec,
});
