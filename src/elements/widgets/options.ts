/**
 * What the option widgets (radio, selectbox, multiselect, selectSlider) share. Options may be any
 * values: props keep the raw values (they must be structured-clonable, as the session stores
 * them) and their labels; the HTML value of an option is its index, which the codec maps back.
 */
import { html, type Html } from "../../render/html";
import { StreamlitAPIException, widgetMessages } from "../../runtime/errors";
import { stableStringify } from "../../runtime/identity";
import { WidgetValueError, type Codec, type RawValue } from "../types";
import { describeValue, singleRaw } from "./common";

export type FormatFunc<T> = (option: T) => unknown;

export interface OptionProps {
  options: unknown[];
  /** `formatFunc(option)` as a string, computed at call time. */
  labels: string[];
}

/** Copies the options for storage and labels them; unclonable options fail at the call (R31). */
export function prepareOptions<T>(type: string, options: Iterable<T> | null | undefined, formatFunc?: FormatFunc<T>): OptionProps {
  const list = Array.from(options ?? []);
  let stored: unknown[];
  try {
    stored = structuredClone(list);
  } catch (error) {
    throw new StreamlitAPIException(widgetMessages.optionsNotClonable(type, error instanceof Error ? error.message : String(error)));
  }
  const format = formatFunc ?? String;
  return { options: stored, labels: list.map((option) => String(format(option))) };
}

/**
 * Where `value` sits among the options, or -1. Equality is structural: values come back from
 * storage as copies, so an object option is found by its contents, not its reference.
 */
export function optionIndex(options: unknown[], value: unknown): number {
  const target = stableStringify(value);
  return options.findIndex((option) => option === value || stableStringify(option) === target);
}

/** An option index as a control posts it: a plain decimal below the option count. */
export function parseIndex(text: string, count: number): number {
  const index = /^(0|[1-9]\d{0,8})$/.test(text) ? Number(text) : -1;
  if (index < 0 || index >= count) {
    const range = count === 0 ? "none: there are no options" : `0 to ${count - 1}`;
    throw new WidgetValueError(`Expected an option index (${range}), got ${describeValue(text)}.`);
  }
  return index;
}

/** The indices a control marked as chosen (for `selected`/`checked`). */
export function chosen(raw: RawValue): Set<string> {
  return new Set(raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]);
}

/** `<option>`s valued by index, labelled by formatFunc's output. */
export function optionTags(labels: string[], raw: RawValue): Html[] {
  const picked = chosen(raw);
  return labels.map((label, i) => html`<option value="${String(i)}"${picked.has(String(i)) ? html` selected` : ""}>${label}</option>`);
}

export interface SingleChoiceProps extends OptionProps {
  /** Created with `index: null` (or no options): the value may be null (nothing chosen). */
  nullable: boolean;
}

/** Radio and selectbox: one option, or null when nothing is chosen (an empty or absent field). */
export const singleChoiceCodec: Codec<unknown, SingleChoiceProps> = {
  parse(raw, props) {
    if (raw === undefined || raw === "") {
      if (props.nullable) return null;
      throw new WidgetValueError("Expected an option index: this widget always has an option chosen.");
    }
    return props.options[parseIndex(singleRaw(raw, "an option index"), props.options.length)];
  },
  format(value, props) {
    const index = value === null ? -1 : optionIndex(props.options, value);
    return index === -1 ? undefined : String(index);
  },
};

/** What a single-choice widget can hold (D10/R51): one of its options, or null when nullable. */
export function singleChoiceProblem(props: SingleChoiceProps) {
  return (value: unknown): string | undefined => {
    if (value === null ? props.nullable : optionIndex(props.options, value) !== -1) return undefined;
    return props.nullable ? "one of its options or null" : "one of its options";
  };
}

/** The index an `index` option picks, after the widget's own range check (R30, R31). */
export function checkIndex(index: number | null | undefined, count: number, message: string): number | null {
  const i = index === undefined ? 0 : index;
  if (i === null || count === 0) return null;
  if (!Number.isInteger(i) || i < 0 || i >= count) throw new StreamlitAPIException(message);
  return i;
}
