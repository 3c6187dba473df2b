/** st.selectSlider: a slider over any options (one, or a range of two). */
import type { Dg } from "../../runtime/dg";
import { StreamlitAPIException, widgetMessages } from "../../runtime/errors";
import { defineElement, WidgetValueError, type Codec } from "../types";
import { baseProps, manyRaw, singleRaw, specOptions, validity, type WidgetOptions } from "./common";
import { optionIndex, parseIndex, prepareOptions, type FormatFunc, type OptionProps } from "./options";
import { renderSliderControl } from "./slider";

export interface SelectSliderOptions<T> extends WidgetOptions {
  /** An option, or `[start, end]` options for a range (which then returns a pair). Default: the first option. */
  value?: T | [T, T];
  formatFunc?: FormatFunc<T>;
}

interface SelectSliderProps extends OptionProps {
  range: boolean;
}

/** Option indices: one field, or two (start, end) for a range; a crossed pair is put in order. */
export const selectSliderCodec: Codec<unknown, SelectSliderProps> = {
  parse(raw, p) {
    const count = p.options.length;
    if (!p.range) return p.options[parseIndex(singleRaw(raw, "an option index"), count)];
    const texts = manyRaw(raw, "two option indices");
    if (texts.length !== 2) throw new WidgetValueError(`Expected two option indices (start and end), got ${texts.length}.`);
    const [a, b] = texts.map((t) => parseIndex(t, count)).sort((x, y) => x - y);
    return [p.options[a], p.options[b]];
  },
  format: (value, p) => {
    const index = (v: unknown) => String(optionIndex(p.options, v));
    return p.range ? (value as unknown[]).map(index) : index(value);
  },
};

/** D10/R51: an option (a range: two options in option order). */
function problem(p: SelectSliderProps) {
  return (value: unknown): string | undefined => {
    if (!p.range) return optionIndex(p.options, value) === -1 ? "one of its options" : undefined;
    if (!Array.isArray(value) || value.length !== 2) return "a pair of its options";
    const [a, b] = value.map((v) => optionIndex(p.options, v));
    return a === -1 || b === -1 || a > b ? "a pair of its options, in option order" : undefined;
  };
}

/** A range is a two-element array value that is not itself one of the options. */
function initialIndices<T>(prepared: OptionProps, value: T | [T, T] | undefined, formatFunc: FormatFunc<T>): number[] {
  if (value === undefined) return [0];
  const range = Array.isArray(value) && value.length === 2 && optionIndex(prepared.options, value) === -1;
  const values = range ? (value as T[]) : [value as T];
  const indices = values.map((v) => optionIndex(prepared.options, v));
  const missing = indices.indexOf(-1);
  if (missing !== -1) throw new StreamlitAPIException(widgetMessages.notAnOption(String(formatFunc(values[missing]))));
  return indices.sort((a, b) => a - b);
}

export const selectSlider = defineElement({
  name: "selectSlider",
  /** A slider over options: `st.selectSlider("Size", ["S", "M", "L"], { value: "M" })`. */
  api: <T>(dg: Dg, label: string, options: Iterable<T>, opts: SelectSliderOptions<T> = {}): T | [T, T] => {
    const prepared = prepareOptions("selectSlider", options, opts.formatFunc);
    if (prepared.options.length === 0) throw new StreamlitAPIException(widgetMessages.emptyOptions());
    const indices = initialIndices(prepared, opts.value, opts.formatFunc ?? String);
    const props: SelectSliderProps = { ...baseProps(label, opts), ...prepared, range: indices.length === 2 };
    const pick = indices.map((i) => prepared.options[i] as T);
    return dg.widget<T | [T, T]>({
      type: "selectSlider",
      label: String(label),
      props: { ...props },
      codec: selectSliderCodec as Codec<T | [T, T], SelectSliderProps>,
      identity: [String(label), prepared.labels, indices, opts.help ?? null],
      keyedIdentity: [],
      default: props.range ? (pick as [T, T]) : pick[0],
      explicitDefault: opts.value !== undefined,
      isValid: validity(dg, "selectSlider", opts.key, problem(props)),
      ...specOptions(opts),
    });
  },
  /** The same native range inputs as st.slider, over option indices, announcing the option labels. */
  render: (node, ctx) => {
    const p = node.props as unknown as SelectSliderProps;
    const thumbs = manyRaw(node.widget!.raw, "option indices").map((raw) => ({ raw, text: p.labels[Number(raw)] ?? "" }));
    return renderSliderControl(node, ctx, { min: 0, max: p.options.length - 1, step: 1, thumbs }, "el-select-slider");
  },
  codec: selectSliderCodec,
});

declare module "../../runtime/dg" {
  interface Dg {
    selectSlider<T>(label: string, options: Iterable<T>, opts: SelectSliderOptions<T> & { value: [T, T] }): [T, T];
    selectSlider<T>(label: string, options: Iterable<T>, opts?: SelectSliderOptions<T> & { value?: T }): T;
    selectSlider<T>(label: string, options: Iterable<T>, opts?: SelectSliderOptions<T>): T | [T, T];
  }
}
