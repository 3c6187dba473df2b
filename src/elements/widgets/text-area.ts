/**
 * st.textArea: several lines of text. Inside a form, Streamlit submits on Ctrl/⌘+Enter (R83);
 * that needs client script, so here Enter adds a line and the submit button submits.
 */
import { attrs, html } from "../../render/html";
import type { Dg } from "../../runtime/dg";
import { StreamlitAPIException, widgetMessages } from "../../runtime/errors";
import { defineElement, type Codec } from "../types";
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
import { checkText, parseText, textProblem, type TextProps } from "./text-input";

export interface TextAreaOptions extends WidgetOptions {
  /** Initial text; null for an empty area that returns null until something is typed. Default "". */
  value?: string | null;
  /** Height in pixels (at least 68). */
  height?: number | null;
  maxChars?: number | null;
  placeholder?: string;
}

interface TextAreaProps extends TextProps {
  height: number | null;
  placeholder: string | null;
}

/** Browsers post a textarea's line breaks as CRLF; the app sees "\n", as typed. */
export const textAreaCodec: Codec<string | null, TextAreaProps> = {
  parse: (raw, p) => parseText(singleRaw(raw, "text").replace(/\r\n?/g, "\n"), p),
  format: (value) => value ?? "",
};

function checkHeight(height: number | null | undefined): number | null {
  if (height === undefined || height === null) return null;
  if (typeof height !== "number" || !Number.isFinite(height) || height < 68) {
    throw new StreamlitAPIException(widgetMessages.textAreaHeight(describeValue(height)));
  }
  return Math.round(height);
}

export const textArea = defineElement({
  name: "textArea",
  /** A multi-line text field: `const bio = st.textArea("About you", { maxChars: 500 })`. */
  api: (dg: Dg, label: string, options: TextAreaOptions = {}): string | null => {
    const value = options.value === undefined ? "" : options.value === null ? null : String(options.value);
    const maxChars = checkText("textArea", value, options.maxChars);
    const height = checkHeight(options.height);
    const placeholder = options.placeholder === undefined ? null : String(options.placeholder);
    const props: TextAreaProps = { maxChars, nullable: value === null, height, placeholder };
    return dg.widget<string | null>({
      type: "textArea",
      label: String(label),
      props: { ...baseProps(label, options), ...props },
      codec: textAreaCodec,
      identity: [String(label), value, maxChars, height, placeholder, options.help ?? null],
      keyedIdentity: [maxChars],
      default: value,
      explicitDefault: options.value !== undefined,
      isValid: validity(dg, "textArea", options.key, textProblem(props)),
      ...specOptions(options),
    });
  },
  render: (node, ctx) => {
    const w = node.widget!;
    const p = node.props as unknown as TextAreaProps;
    // The parser drops one newline right after <textarea>: emit one so a value's own leading newline survives.
    const area = html`<textarea${attrs({
      ...controlAttrs(node),
      maxlength: p.maxChars,
      placeholder: p.placeholder,
      style: p.height === null ? undefined : `height: ${p.height}px`,
    })}>\n${w.raw as string}</textarea>`;
    // Enter types a newline, so a text area commits on change (blur after an edit); that also
    // gives it the Apply button a page without scripting needs to send it at all.
    return renderLabelled(node, ctx, "el-text-area", area, "change");
  },
  codec: textAreaCodec,
});
