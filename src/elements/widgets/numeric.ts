/**
 * Numbers for slider and numberInput: Streamlit's int/float rules with JS's one number type (an
 * `integer` flag), the decimal syntax browsers post, bounds errors and printf-style formats.
 */
import { StreamlitAPIException, ValueAboveMaxError, ValueBelowMinError, widgetMessages } from "../../runtime/errors";
import { WidgetValueError } from "../types";
import { describeValue } from "./common";

/** Given numeric arguments must be finite numbers (R31's "same type" error lists their types). */
export function checkNumericArgs(args: [string, unknown][]): void {
  const given = args.filter(([, v]) => v !== undefined && v !== null);
  if (given.some(([, v]) => typeof v !== "number")) {
    throw new StreamlitAPIException(widgetMessages.numberTypes(given.map(([name, v]) => [name, typeof v])));
  }
  for (const [name, v] of given) {
    if (!Number.isFinite(v)) throw new StreamlitAPIException(widgetMessages.notFinite(name, String(v)));
  }
}

/** R30 with one number type: integer iff every given number is an integer. */
export function allIntegers(values: (number | null | undefined)[]): boolean {
  return values.every((v) => v === undefined || v === null || Number.isInteger(v));
}

/** R31/R51: the error for a number outside its bounds, if it is. */
export function boundsProblem(value: number, min: number | null, max: number | null): Error | undefined {
  if (min !== null && value < min) return new ValueBelowMinError(widgetMessages.valueBelowMin(String(value), String(min)));
  if (max !== null && value > max) return new ValueAboveMaxError(widgetMessages.valueAboveMax(String(value), String(max)));
  return undefined;
}

// A browser's number and range inputs post "valid floating-point numbers" (HTML §2.3.4.3).
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parses a posted number and checks it against the widget's kind and bounds. */
export function parseNumber(text: string, p: { integer: boolean; min: number | null; max: number | null }): number {
  const n = DECIMAL.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(n)) throw new WidgetValueError(`Expected a number, got ${describeValue(text)}.`);
  if (p.integer && !Number.isSafeInteger(n)) throw new WidgetValueError(`Expected a whole number, got ${describeValue(text)}.`);
  if (p.min !== null && n < p.min) throw new WidgetValueError(`Expected a number of at least ${p.min}, got ${text}.`);
  if (p.max !== null && n > p.max) throw new WidgetValueError(`Expected a number of at most ${p.max}, got ${text}.`);
  return n;
}

/** Whether `value` lies on the grid `base + k·step` (within float noise), as native inputs require. */
export function onStep(value: number, base: number, step: number): boolean {
  const k = (value - base) / step;
  return Math.abs(k - Math.round(k)) < 1e-9 * Math.max(1, Math.abs(k));
}

const CONVERSION = /%([-+ 0#]*)(\d*)(?:\.(\d+))?([diufFeEgGs%])/g;

/** Whether `format` is text with printf conversions we can apply (`%d`, `%0.2f`, `%.1f%%`…). */
export function isNumberFormat(format: string): boolean {
  return !format.replace(CONVERSION, "").includes("%");
}

/** Whether the format shows a fraction (then numberInput is a float widget even with whole numbers). */
export function isFloatFormat(format: string | undefined): boolean {
  return format !== undefined && /%[-+ 0#]*\d*(?:\.\d+)?[eEfFgG]/.test(format);
}

/** printf-style formatting of one number, as Streamlit's slider labels use it. */
export function printf(format: string, n: number): string {
  return format.replace(CONVERSION, (_all, flags: string, width: string, precision: string | undefined, type: string) => {
    if (type === "%") return "%";
    if (type === "s") return String(n);
    const p = precision === undefined ? undefined : Number(precision);
    const whole = "diu".includes(type);
    const x = whole ? Math.trunc(n) : n;
    let body = whole ? String(Math.abs(x)) : "fF".includes(type) ? Math.abs(x).toFixed(p ?? 6) : exponential(Math.abs(x), type, p);
    if (type === type.toUpperCase()) body = body.toUpperCase();
    const sign = x < 0 || (!whole && Object.is(x, -0)) ? "-" : flags.includes("+") ? "+" : flags.includes(" ") ? " " : "";
    const pad = Math.max(0, Number(width || 0) - sign.length - body.length);
    if (flags.includes("-")) return sign + body + " ".repeat(pad);
    return flags.includes("0") ? sign + "0".repeat(pad) + body : " ".repeat(pad) + sign + body;
  });
}

/** `%e` and `%g` as Python prints them (two-digit exponents; `%g` drops trailing zeros). */
function exponential(x: number, type: string, precision: number | undefined): string {
  const twoDigits = (s: string) => s.replace(/e([+-])(\d)$/, "e$10$2");
  if (type.toLowerCase() === "e") return twoDigits(x.toExponential(precision ?? 6));
  const p = precision === 0 ? 1 : (precision ?? 6);
  const exp = Number(x.toExponential(p - 1).split("e")[1]);
  const trim = (s: string) => (s.includes(".") ? s.replace(/\.?0+$/, "") : s);
  if (exp < -4 || exp >= p) {
    const [mantissa, e] = x.toExponential(p - 1).split("e");
    return twoDigits(`${trim(mantissa)}e${e}`);
  }
  return trim(x.toFixed(Math.max(0, p - 1 - exp)));
}
