/**
 * st.numberInput: a number typed in, with optional bounds. R30's int/float rule with one number
 * type: the widget is an integer widget iff some numeric argument is given and every given one is
 * an integer, unless `format` shows a fraction (`"%0.2f"`), which is how to ask for a float
 * widget with whole-number bounds (`{ minValue: 0, format: "%0.2f" }`).
 */
import { attrs, html } from "../../render/html";
import type { Dg } from "../../runtime/dg";
import { StreamlitAPIException, widgetMessages } from "../../runtime/errors";
import { defineElement, WidgetValueError, type Codec } from "../types";
import {
  baseProps,
  controlAttrs,
  renderLabelled,
  singleRaw,
  specOptions,
  validity,
  type WidgetOptions,
} from "./common";
import {
  allIntegers,
  boundsProblem,
  checkNumericArgs,
  isFloatFormat,
  isNumberFormat,
  onStep,
  parseNumber,
} from "./numeric";

export interface NumberInputOptions extends WidgetOptions {
  minValue?: number | null;
  maxValue?: number | null;
  /** `"min"` (default: `minValue`, else 0), a number, or null for an empty input returning null. */
  value?: number | "min" | null;
  step?: number | null;
  /** printf-style format; a fractional one (`"%0.2f"`) makes a float widget. */
  format?: string;
  placeholder?: string;
}

interface NumberInputProps {
  min: number | null;
  max: number | null;
  step: number;
  integer: boolean;
  nullable: boolean;
  format: string;
  placeholder: string | null;
}

/** A posted decimal; an empty field is null only for a widget created with `value: null`. */
export const numberInputCodec: Codec<number | null, NumberInputProps> = {
  parse(raw, p) {
    const text = singleRaw(raw, "a number");
    if (text !== "") return parseNumber(text, p);
    if (p.nullable) return null;
    throw new WidgetValueError("Expected a number: this number input cannot be empty.");
  },
  format: (value) => (value === null ? "" : String(value)),
};

function problem(p: NumberInputProps) {
  return (value: unknown): Error | string | undefined => {
    const expected = `${p.integer ? "a whole number" : "a number"}${p.nullable ? " or null" : ""}`;
    if (value === null) return p.nullable ? undefined : expected;
    if (typeof value !== "number" || !Number.isFinite(value) || (p.integer && !Number.isSafeInteger(value))) return expected;
    return boundsProblem(value, p.min, p.max);
  };
}

function numberProps(o: NumberInputOptions): { props: NumberInputProps; value: number | null } {
  const given = o.value === "min" ? undefined : o.value;
  checkNumericArgs([["value", given], ["minValue", o.minValue], ["maxValue", o.maxValue], ["step", o.step]]);
  const numbers = [given, o.minValue, o.maxValue, o.step].filter((v): v is number => typeof v === "number");
  if (o.format !== undefined && !isNumberFormat(o.format)) {
    throw new StreamlitAPIException(widgetMessages.numberFormat("numberInput", o.format));
  }
  const integer = numbers.length > 0 && allIntegers(numbers) && !isFloatFormat(o.format);
  const min = o.minValue ?? null;
  const max = o.maxValue ?? null;
  if (min !== null && max !== null && min > max) throw new StreamlitAPIException(widgetMessages.minAboveMax(String(min), String(max)));
  const value = o.value === null ? null : given ?? min ?? 0;
  const error = value === null ? undefined : boundsProblem(value, min, max);
  if (error) throw error;
  const step = o.step ?? (integer ? 1 : 0.01);
  const format = o.format ?? (integer ? "%d" : "%0.2f");
  const placeholder = o.placeholder === undefined ? null : String(o.placeholder);
  return { props: { min, max, step, integer, nullable: o.value === null, format, placeholder }, value };
}

export const numberInput = defineElement({
  name: "numberInput",
  /** A number field: `st.numberInput("Quantity", { minValue: 1, maxValue: 10 })` returns 1 at first. */
  api: (dg: Dg, label: string, options: NumberInputOptions = {}): number | null => {
    const { props, value } = numberProps(options);
    const given = options.value === undefined ? "min" : options.value;
    return dg.widget<number | null>({
      type: "numberInput",
      label: String(label),
      props: { ...baseProps(label, options), ...props },
      codec: numberInputCodec,
      identity: [String(label), given, props.min, props.max, options.step ?? null, props.format, props.placeholder, options.help],
      // D10 does the rest: a kept value outside new bounds, or a fraction in an integer widget, resets.
      keyedIdentity: [],
      default: value,
      explicitDefault: options.value !== undefined && options.value !== "min",
      isValid: validity(dg, "numberInput", options.key, problem(props)),
      ...specOptions(options),
    });
  },
  /** A native number input. `format` cannot style its text, so it shows the plain value. */
  render: (node, ctx) => {
    const w = node.widget!;
    const p = node.props as unknown as NumberInputProps;
    const value = w.raw as string;
    // The step grid starts at `min`: a value off it would make the browser refuse to submit the form.
    const step = p.min === null || value === "" || onStep(Number(value), p.min, p.step) ? p.step : "any";
    const input = html`<input${attrs({
      type: "number",
      ...controlAttrs(node),
      value,
      min: p.min,
      max: p.max,
      step,
      placeholder: p.placeholder,
      required: !p.nullable,
      inputmode: p.integer ? "numeric" : "decimal",
    })}>`;
    return renderLabelled(node, ctx, "el-number-input", input, "submit-or-change");
  },
  codec: numberInputCodec,
});
