/** st.textInput: one line of text (or a password). */
import { attrs, html } from "../../render/html";
import type { Dg } from "../../runtime/dg";
import { StreamlitAPIException, widgetMessages } from "../../runtime/errors";
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

export interface TextInputOptions extends WidgetOptions {
  /** Initial text; null for an empty input that returns null until something is typed. Default "". */
  value?: string | null;
  maxChars?: number | null;
  type?: "default" | "password";
  placeholder?: string;
  /** The input's autocomplete attribute; "new-password" by default for passwords. */
  autocomplete?: string;
}

/** What textInput and textArea share: length limit, null-ability. */
export interface TextProps {
  maxChars: number | null;
  /** Created with `value: null`: an empty field means null. */
  nullable: boolean;
}

/** Parses posted text. Lengths count UTF-16 code units, as the browser's maxlength does. */
export function parseText(text: string, p: TextProps): string | null {
  if (p.maxChars !== null && text.length > p.maxChars) {
    throw new WidgetValueError(`Expected at most ${p.maxChars} characters, got ${text.length}.`);
  }
  return text === "" && p.nullable ? null : text;
}

/** D10/R51: text within maxChars, or null for a nullable widget. */
export function textProblem(p: TextProps) {
  return (value: unknown): string | undefined => {
    const expected = `text of at most ${p.maxChars ?? "any number of"} characters${p.nullable ? " or null" : ""}`;
    if (value === null) return p.nullable ? undefined : expected;
    return typeof value === "string" && (p.maxChars === null || value.length <= p.maxChars) ? undefined : expected;
  };
}

/** Checks `maxChars` and the default against it (R31). */
export function checkText(type: string, value: string | null, maxChars: number | null | undefined): number | null {
  if (maxChars === undefined || maxChars === null) return null;
  if (!Number.isInteger(maxChars) || maxChars < 1) throw new StreamlitAPIException(widgetMessages.maxChars(describeValue(maxChars)));
  if (value !== null && value.length > maxChars) {
    throw new StreamlitAPIException(widgetMessages.defaultTooLong(type, value.length, maxChars));
  }
  return maxChars;
}

interface TextInputProps extends TextProps {
  password: boolean;
  placeholder: string | null;
  autocomplete: string | null;
}

export const textInputCodec: Codec<string | null, TextInputProps> = {
  parse(raw, p) {
    const text = singleRaw(raw, "a line of text");
    if (/[\r\n]/.test(text)) throw new WidgetValueError("Expected a single line of text, got a line break.");
    return parseText(text, p);
  },
  format: (value) => value ?? "",
};

export const textInput = defineElement({
  name: "textInput",
  /** A one-line text field: `const name = st.textInput("Your name")`; it commits on Enter or blur. */
  api: (dg: Dg, label: string, options: TextInputOptions = {}): string | null => {
    const type = options.type ?? "default";
    if (type !== "default" && type !== "password") throw new StreamlitAPIException(widgetMessages.textInputType(String(type)));
    const value = options.value === undefined ? "" : options.value === null ? null : String(options.value);
    const maxChars = checkText("textInput", value, options.maxChars);
    const placeholder = options.placeholder === undefined ? null : String(options.placeholder);
    const autocomplete = options.autocomplete ?? (type === "password" ? "new-password" : null);
    const props: TextInputProps = { maxChars, nullable: value === null, password: type === "password", placeholder, autocomplete };
    return dg.widget<string | null>({
      type: "textInput",
      label: String(label),
      props: { ...baseProps(label, options), ...props },
      codec: textInputCodec,
      identity: [String(label), value, maxChars, type, placeholder, autocomplete, options.help ?? null],
      keyedIdentity: [maxChars],
      default: value,
      explicitDefault: options.value !== undefined,
      isValid: validity(dg, "textInput", options.key, textProblem(props)),
      ...specOptions(options),
    });
  },
  /**
   * A native text or password input. A password's value is rendered too (as Streamlit keeps it):
   * omitting it would post an empty field with the next form submit and wipe the value.
   */
  render: (node, ctx) => {
    const w = node.widget!;
    const p = node.props as unknown as TextInputProps;
    const input = html`<input${attrs({
      type: p.password ? "password" : "text",
      ...controlAttrs(node),
      value: w.raw as string,
      maxlength: p.maxChars,
      placeholder: p.placeholder,
      autocomplete: p.autocomplete,
    })}>`;
    return renderLabelled(node, ctx, "el-text-input", input, "submit-or-change");
  },
  codec: textInputCodec,
});
