/** st.radio: one option out of a few, shown all at once. */
import { attrs, html } from "../../render/html";
import { widgetForm } from "../../render/widget-form";
import type { Dg } from "../../runtime/dg";
import { StreamlitAPIException, widgetMessages } from "../../runtime/errors";
import { DOM } from "../../wire";
import { defineElement, type Codec } from "../types";
import { baseProps, controlAttrs, helpFor, labelFor, specOptions, validity, type WidgetOptions } from "./common";
import {
  checkIndex,
  chosen,
  prepareOptions,
  singleChoiceCodec,
  singleChoiceProblem,
  type FormatFunc,
  type SingleChoiceProps,
} from "./options";

export interface RadioOptions<T> extends WidgetOptions {
  /** The option chosen at first; null for none (the widget then returns null). Default 0. */
  index?: number | null;
  formatFunc?: FormatFunc<T>;
  horizontal?: boolean;
  /** One caption per option, shown under its label (plain text). */
  captions?: string[];
}

interface RadioProps extends SingleChoiceProps {
  horizontal: boolean;
  captions: string[] | null;
}

export const radio = defineElement({
  name: "radio",
  /** Radio buttons: returns the chosen option. `const genre = st.radio("Genre", ["Comedy", "Drama"])` */
  api: <T>(dg: Dg, label: string, options: Iterable<T>, opts: RadioOptions<T> = {}): T | null => {
    const prepared = prepareOptions("radio", options, opts.formatFunc);
    const index = checkIndex(opts.index, prepared.options.length, widgetMessages.radioIndex());
    const captions = opts.captions === undefined ? null : Array.from(opts.captions, String);
    if (captions && captions.length !== prepared.options.length) throw new StreamlitAPIException(widgetMessages.captionsCount());
    const props: RadioProps = {
      ...baseProps(label, opts),
      ...prepared,
      nullable: index === null,
      horizontal: opts.horizontal ?? false,
      captions,
    };
    return dg.widget<T | null>({
      type: "radio",
      label: String(label),
      props: { ...props },
      codec: singleChoiceCodec as Codec<T | null, SingleChoiceProps>,
      identity: [String(label), prepared.labels, index, captions, opts.help ?? null],
      keyedIdentity: [],
      default: index === null ? null : (prepared.options[index] as T),
      explicitDefault: opts.index !== undefined,
      isValid: validity(dg, "radio", opts.key, singleChoiceProblem(props)),
      ...specOptions(opts),
    });
  },
  /** A fieldset whose legend is the label: the native radio group, keyboard included. */
  render: (node, ctx) => {
    const w = node.widget!;
    const p = node.props as unknown as RadioProps;
    const picked = chosen(w.raw);
    const control = DOM.control(w.id);
    const items = p.labels.map(
      (label, i) =>
        html`<label class="el-radio-option"><input${attrs({
          type: "radio",
          id: `${control}-${i}`,
          name: w.id,
          value: String(i),
          checked: picked.has(String(i)),
        })}> <span>${label}</span>${p.captions ? html`<small class="el-caption">${p.captions[i]}</small>` : ""}</label>`,
    );
    const fieldset = html`<fieldset${attrs({
      ...controlAttrs(node),
      name: undefined,
      class: p.horizontal ? "el-widget el-radio el-horizontal" : "el-widget el-radio",
    })}>${labelFor(node, "legend")}${items}${helpFor(node)}</fieldset>`;
    return widgetForm(ctx, w.id, fieldset, "change", String(node.props.label));
  },
  codec: singleChoiceCodec,
});

declare module "../../runtime/dg" {
  interface Dg {
    radio<T>(label: string, options: Iterable<T>, opts?: RadioOptions<T>): T | null;
  }
}
