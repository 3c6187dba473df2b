/** st.slider: a number, or a range of two, between bounds. */
import { attrs, html, type Html } from "../../render/html";
import { widgetForm } from "../../render/widget-form";
import type { Dg } from "../../runtime/dg";
import { StreamlitAPIException, widgetMessages } from "../../runtime/errors";
import { DOM } from "../../wire";
import { defineElement, WidgetValueError, type Codec, type ElementNode, type RenderContext } from "../types";
import {
  baseProps,
  controlAttrs,
  helpFor,
  labelFor,
  manyRaw,
  singleRaw,
  specOptions,
  validity,
  type WidgetOptions,
} from "./common";
import { allIntegers, boundsProblem, checkNumericArgs, isNumberFormat, parseNumber, printf } from "./numeric";

export interface SliderOptions extends WidgetOptions {
  minValue?: number | null;
  maxValue?: number | null;
  /** A number, or `[start, end]` for a range slider (which then returns a pair). Default `minValue`. */
  value?: number | [number, number];
  step?: number | null;
  /** printf-style label format, e.g. `"%d%%"` or `"%.1f"`. */
  format?: string;
}

export interface SliderProps {
  min: number;
  max: number;
  step: number;
  integer: boolean;
  range: boolean;
  format: string;
}

/** One number, or two repeated fields (start, end) for a range; a crossed pair is put in order. */
export const sliderCodec: Codec<number | number[], SliderProps> = {
  parse(raw, p) {
    if (!p.range) return parseNumber(singleRaw(raw, "a number"), p);
    const texts = manyRaw(raw, "two numbers");
    if (texts.length !== 2) throw new WidgetValueError(`Expected two numbers (start and end), got ${texts.length}.`);
    const [a, b] = texts.map((t) => parseNumber(t, p));
    return a <= b ? [a, b] : [b, a];
  },
  format: (value, p) => (p.range ? (value as number[]).map(String) : String(value)),
};

/** D10/R51: a number of the right kind within the bounds (a range: an ordered pair of them). */
function problem(p: SliderProps) {
  return (value: unknown): Error | string | undefined => {
    const expected = p.range ? "an ordered pair of numbers" : p.integer ? "a whole number" : "a number";
    const list = p.range ? value : [value];
    if (!Array.isArray(list) || list.length !== (p.range ? 2 : 1) || (p.range && list[0] > list[1])) return expected;
    for (const v of list) {
      if (typeof v !== "number" || !Number.isFinite(v) || (p.integer && !Number.isInteger(v))) return expected;
      const error = boundsProblem(v, p.min, p.max);
      if (error) return error;
    }
    return undefined;
  };
}

/** Validates the arguments (R30, R31) and fills Streamlit's defaults: int 0..100 step 1, float 0..1 step 0.01. */
function sliderProps(o: SliderOptions): { props: SliderProps; value: number | [number, number] } {
  const range = Array.isArray(o.value);
  if (range && (o.value as number[]).length !== 2) throw new StreamlitAPIException(widgetMessages.sliderValue());
  const values = (range ? o.value : [o.value]) as (number | undefined)[];
  const valueArgs = values.map((v): [string, unknown] => ["value", v]);
  checkNumericArgs([...valueArgs, ["minValue", o.minValue], ["maxValue", o.maxValue], ["step", o.step]]);
  const integer = allIntegers([...values, o.minValue, o.maxValue, o.step]);
  const min = o.minValue ?? 0;
  const max = o.maxValue ?? (integer ? 100 : 1);
  const step = o.step ?? (integer ? 1 : 0.01);
  if (min >= max) throw new StreamlitAPIException(widgetMessages.sliderMinMax(String(min), String(max)));
  if (step <= 0) throw new StreamlitAPIException(widgetMessages.sliderStep(String(step)));
  const format = o.format ?? (integer ? "%d" : "%0.2f");
  if (!isNumberFormat(format)) throw new StreamlitAPIException(widgetMessages.numberFormat("slider", format));
  const chosen = values.map((v) => v ?? min);
  for (const v of chosen) {
    const error = boundsProblem(v, min, max);
    if (error) throw error;
  }
  const value: number | [number, number] = range ? [Math.min(chosen[0], chosen[1]), Math.max(chosen[0], chosen[1])] : chosen[0];
  return { props: { min, max, step, integer, range, format }, value };
}

export interface SliderControl {
  min: number;
  max: number;
  step: number;
  /** Raw value of each thumb, and the text a screen reader and the output show for it. */
  thumbs: { raw: string; text: string }[];
}

/**
 * Native range inputs: one labelled by the label, or for a range two (start, end) in a fieldset
 * whose legend is the label. Two range inputs rather than two number fields keep what a slider
 * is: pointer and arrow-key dragging, bounds and step from the browser, a commit on release
 * ("change"), and all of it without script. Two thumbs can cross; the codec orders the pair.
 */
export function renderSliderControl(node: ElementNode, ctx: RenderContext, c: SliderControl, cls: string): Html {
  const w = node.widget!;
  const ids = c.thumbs.map((_, i) => (i === 0 ? DOM.control(w.id) : `${DOM.control(w.id)}-end`));
  const inputs = c.thumbs.map(
    (t, i) =>
      html`<input${attrs({
        type: "range",
        ...controlAttrs(node),
        id: ids[i],
        "aria-label": c.thumbs.length === 2 ? (i === 0 ? "Start" : "End") : undefined,
        "aria-valuetext": t.text,
        min: c.min,
        max: c.max,
        step: c.step,
        value: t.raw,
      })}>`,
  );
  const text = c.thumbs.map((t) => t.text).join(" – ");
  const parts = html`${inputs}<output class="el-slider-value" for="${ids.join(" ")}">${text}</output>${helpFor(node)}`;
  const group = attrs({ class: `el-widget ${cls} el-range`, disabled: node.props.disabled === true });
  const body =
    c.thumbs.length === 1
      ? html`<div class="el-widget ${cls}">${labelFor(node)}${parts}</div>`
      : html`<fieldset${group}>${labelFor(node, "legend")}${parts}</fieldset>`;
  return widgetForm(ctx, w.id, body, "change", String(node.props.label));
}

export const slider = defineElement({
  name: "slider",
  /** A slider: `st.slider("Age", { minValue: 0, maxValue: 130, value: 25 })`; `value: [20, 40]` gives a range. */
  api: (dg: Dg, label: string, options: SliderOptions = {}): number | [number, number] => {
    const { props, value } = sliderProps(options);
    return dg.widget<number | [number, number]>({
      type: "slider",
      label: String(label),
      props: { ...baseProps(label, options), ...props },
      codec: sliderCodec as Codec<number | [number, number], SliderProps>,
      identity: [String(label), value, props.min, props.max, props.step, props.format, options.help ?? null],
      keyedIdentity: [props.min, props.max, props.step],
      default: value,
      explicitDefault: options.value !== undefined,
      isValid: validity(dg, "slider", options.key, problem(props)),
      ...specOptions(options),
    });
  },
  render: (node, ctx) => {
    const p = node.props as unknown as SliderProps;
    const raws = manyRaw(node.widget!.raw, "numbers");
    const thumbs = raws.map((raw) => ({ raw, text: printf(p.format, Number(raw)) }));
    return renderSliderControl(node, ctx, { min: p.min, max: p.max, step: p.step, thumbs }, "el-slider");
  },
  codec: sliderCodec,
});

declare module "../../runtime/dg" {
  interface Dg {
    slider(label: string, options: SliderOptions & { value: [number, number] }): [number, number];
    slider(label: string, options?: SliderOptions & { value?: number }): number;
    slider(label: string, options?: SliderOptions): number | [number, number];
  }
}
