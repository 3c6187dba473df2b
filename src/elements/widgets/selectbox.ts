/** st.selectbox: one option out of many, in a drop-down. */
import { attrs, html } from "../../render/html";
import type { Dg } from "../../runtime/dg";
import { widgetMessages } from "../../runtime/errors";
import { defineElement, type Codec } from "../types";
import { baseProps, controlAttrs, renderLabelled, specOptions, validity, type WidgetOptions } from "./common";
import {
  checkIndex,
  optionTags,
  prepareOptions,
  singleChoiceCodec,
  singleChoiceProblem,
  type FormatFunc,
  type SingleChoiceProps,
} from "./options";

export interface SelectboxOptions<T> extends WidgetOptions {
  /** The option chosen at first; null for none (the widget then returns null). Default 0. */
  index?: number | null;
  formatFunc?: FormatFunc<T>;
  /** Shown while nothing is chosen. */
  placeholder?: string;
}

interface SelectboxProps extends SingleChoiceProps {
  placeholder: string;
}

export const selectbox = defineElement({
  name: "selectbox",
  /** A drop-down: returns the chosen option. `const city = st.selectbox("City", ["Oslo", "Lima"])` */
  api: <T>(dg: Dg, label: string, options: Iterable<T>, opts: SelectboxOptions<T> = {}): T | null => {
    const prepared = prepareOptions("selectbox", options, opts.formatFunc);
    const index = checkIndex(opts.index, prepared.options.length, widgetMessages.selectboxIndex());
    const placeholder = opts.placeholder === undefined ? "Choose an option" : String(opts.placeholder);
    const props: SelectboxProps = { ...baseProps(label, opts), ...prepared, nullable: index === null, placeholder };
    return dg.widget<T | null>({
      type: "selectbox",
      label: String(label),
      props: { ...props },
      codec: singleChoiceCodec as Codec<T | null, SingleChoiceProps>,
      identity: [String(label), prepared.labels, index, placeholder, opts.help ?? null],
      keyedIdentity: [],
      default: index === null ? null : (prepared.options[index] as T),
      explicitDefault: opts.index !== undefined,
      isValid: validity(dg, "selectbox", opts.key, singleChoiceProblem(props)),
      ...specOptions(opts),
    });
  },
  /** A native select; while the value may be null, an empty first option stands for "nothing". */
  render: (node, ctx) => {
    const w = node.widget!;
    const p = node.props as unknown as SelectboxProps;
    const none = p.nullable ? html`<option value=""${w.raw === undefined ? html` selected` : ""}>${p.placeholder}</option>` : "";
    const select = html`<select${attrs(controlAttrs(node))}>${none}${optionTags(p.labels, w.raw)}</select>`;
    return renderLabelled(node, ctx, "el-selectbox", select, "change");
  },
  codec: singleChoiceCodec,
});

declare module "../../runtime/dg" {
  interface Dg {
    selectbox<T>(label: string, options: Iterable<T>, opts?: SelectboxOptions<T>): T | null;
  }
}
