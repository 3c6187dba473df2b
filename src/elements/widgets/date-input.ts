/**
 * st.dateInput. Dates are ISO strings ("2024-05-31"): structured-clonable, timezone-free, and
 * what `<input type="date">` posts. `"today"` is today in UTC (the server has no user timezone);
 * pass a string computed in the user's zone when that matters. No default bounds (Streamlit's
 * ±10 years would move every day and reset keyed widgets); date ranges are not supported yet.
 */
import { attrs, html } from "../../render/html";
import type { Dg } from "../../runtime/dg";
import { StreamlitAPIException, ValueAboveMaxError, ValueBelowMinError, widgetMessages } from "../../runtime/errors";
import { defineElement, WidgetValueError, type Codec } from "../types";
import {
  baseProps,
  controlAttrs,
  describeValue,
  renderLabelled,
  singleRaw,
  specOptions,
  validity,
  type WidgetOptions,
} from "./common";

export type DateLike = string | Date;

export interface DateInputOptions extends WidgetOptions {
  /** `"today"` (default, UTC), an ISO date, a Date (its UTC day), or null for an empty input. */
  value?: DateLike | "today" | null;
  minValue?: DateLike | null;
  maxValue?: DateLike | null;
  /** Display format, e.g. "YYYY/MM/DD"; the native picker shows the browser's locale instead. */
  format?: string;
}

interface DateInputProps {
  min: string | null;
  max: string | null;
  nullable: boolean;
  format: string;
}

/** Whether `text` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return days !== undefined && d >= 1 && d <= days;
}

function toIsoDate(arg: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value === "today") return new Date().toISOString().slice(0, 10);
  const text = value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value;
  if (typeof text === "string" && isIsoDate(text)) return text;
  throw new StreamlitAPIException(widgetMessages.invalidDate(arg, describeValue(value)));
}

/** ISO dates compare as strings. */
function dateBoundsProblem(value: string, p: DateInputProps): Error | undefined {
  if (p.min !== null && value < p.min) return new ValueBelowMinError(widgetMessages.valueBelowMin(value, p.min));
  if (p.max !== null && value > p.max) return new ValueAboveMaxError(widgetMessages.valueAboveMax(value, p.max));
  return undefined;
}

export const dateInputCodec: Codec<string | null, DateInputProps> = {
  parse(raw, p) {
    const text = singleRaw(raw, "a date (YYYY-MM-DD)");
    if (text === "") {
      if (p.nullable) return null;
      throw new WidgetValueError("Expected a date (YYYY-MM-DD): this date input cannot be empty.");
    }
    if (!isIsoDate(text)) throw new WidgetValueError(`Expected a date (YYYY-MM-DD), got ${describeValue(text)}.`);
    if (dateBoundsProblem(text, p)) {
      throw new WidgetValueError(`Expected a date from ${p.min ?? "any day"} to ${p.max ?? "any day"}, got ${text}.`);
    }
    return text;
  },
  format: (value) => value ?? "",
};

function problem(p: DateInputProps) {
  return (value: unknown): Error | string | undefined => {
    if (value === null) return p.nullable ? undefined : "a date";
    if (typeof value !== "string" || !isIsoDate(value)) return `an ISO date like "2024-05-31"${p.nullable ? " or null" : ""}`;
    return dateBoundsProblem(value, p);
  };
}

const FORMATS = /^(YYYY([/.-])MM\2DD|DD([/.-])MM\3YYYY|MM([/.-])DD\4YYYY)$/;

export const dateInput = defineElement({
  name: "dateInput",
  /** A date picker: `const day = st.dateInput("Start", { value: "2024-05-31" })` returns "2024-05-31". */
  api: (dg: Dg, label: string, options: DateInputOptions = {}): string | null => {
    const given = options.value === undefined ? "today" : options.value;
    const min = toIsoDate("minValue", options.minValue);
    const max = toIsoDate("maxValue", options.maxValue);
    if (min !== null && max !== null && min > max) throw new StreamlitAPIException(widgetMessages.minAboveMax(min, max));
    const format = options.format ?? "YYYY/MM/DD";
    if (!FORMATS.test(format)) throw new StreamlitAPIException(widgetMessages.dateFormat(format));
    const props: DateInputProps = { min, max, nullable: given === null, format };
    const value = toIsoDate("value", given);
    const error = value === null ? undefined : dateBoundsProblem(value, props);
    if (error) throw error;
    return dg.widget<string | null>({
      type: "dateInput",
      label: String(label),
      props: { ...baseProps(label, options), ...props },
      codec: dateInputCodec,
      // "today" stays "today" in identity, so a keyless widget keeps its id (and value) past midnight.
      identity: [String(label), given instanceof Date ? value : given, min, max, format, options.help ?? null],
      keyedIdentity: [min, max, format],
      default: value,
      explicitDefault: options.value !== undefined,
      isValid: validity(dg, "dateInput", options.key, problem(props)),
      ...specOptions(options),
    });
  },
  render: (node, ctx) => {
    const w = node.widget!;
    const p = node.props as unknown as DateInputProps;
    const value = w.raw as string;
    const input = html`<input${attrs({ type: "date", ...controlAttrs(node), value, min: p.min, max: p.max, required: !p.nullable })}>`;
    return renderLabelled(node, ctx, "el-date-input", input, "change");
  },
  codec: dateInputCodec,
});
