/** st.multiselect: any number of options (up to `maxSelections`). */
import { attrs, html } from "../../render/html";
import type { Dg } from "../../runtime/dg";
import { SelectionCountExceedsMaxError, StreamlitAPIException, widgetMessages } from "../../runtime/errors";
import { defineElement, WidgetValueError, type Codec } from "../types";
import {
  baseProps,
  controlAttrs,
  describeValue,
  manyRaw,
  renderLabelled,
  specOptions,
  validity,
  type WidgetOptions,
} from "./common";
import {
  chosen,
  optionIndex,
  optionTags,
  parseIndex,
  prepareOptions,
  type FormatFunc,
  type OptionProps,
} from "./options";

export interface MultiselectOptions<T> extends WidgetOptions {
  /** The options chosen at first (each one of `options`; a single option is fine). Default none. */
  default?: Iterable<T> | T | null;
  formatFunc?: FormatFunc<T>;
  maxSelections?: number | null;
  placeholder?: string;
}

interface MultiselectProps extends OptionProps {
  maxSelections: number | null;
  placeholder: string;
}

/** Repeated fields, one option index each, in the order the browser sends them (document order). */
export const multiselectCodec: Codec<unknown[], MultiselectProps> = {
  parse(raw, props) {
    const indices = manyRaw(raw, "option indices").map((text) => parseIndex(text, props.options.length));
    if (new Set(indices).size !== indices.length) {
      throw new WidgetValueError("Each option can be chosen once, but an option index was repeated.");
    }
    if (props.maxSelections !== null && indices.length > props.maxSelections) {
      throw new WidgetValueError(`At most ${props.maxSelections} options can be chosen, but ${indices.length} were sent.`);
    }
    return indices.map((i) => props.options[i]);
  },
  format: (value, props) => value.map((v) => String(optionIndex(props.options, v))),
};

/** D10/R51: only options, each once, and no more than `maxSelections` (R51's own error). */
function problem(props: MultiselectProps) {
  return (value: unknown): Error | string | undefined => {
    if (!Array.isArray(value)) return "an array of its options";
    const indices = value.map((v) => optionIndex(props.options, v));
    if (indices.includes(-1) || new Set(indices).size !== indices.length) return "an array of distinct options";
    if (props.maxSelections !== null && value.length > props.maxSelections) {
      return new SelectionCountExceedsMaxError(widgetMessages.selectionCountExceedsMax(value.length, props.maxSelections));
    }
    return undefined;
  };
}

/** Streamlit takes one option or a list of them as `default` (a string, or an option that is a list, is one). */
function listOf<T>(value: Iterable<T> | T | null | undefined, options: unknown[]): T[] {
  if (value === undefined || value === null) return [];
  const iterable = typeof value !== "string" && typeof (value as Iterable<T>)[Symbol.iterator] === "function";
  return iterable && optionIndex(options, value) === -1 ? Array.from(value as Iterable<T>) : [value as T];
}

function checkMax(max: number | null | undefined): number | null {
  if (max === undefined || max === null) return null;
  if (!Number.isInteger(max) || max < 1) throw new StreamlitAPIException(widgetMessages.maxSelections(describeValue(max)));
  return max;
}

export const multiselect = defineElement({
  name: "multiselect",
  /** A multi-choice list: returns the chosen options. `const tags = st.multiselect("Tags", ["a", "b", "c"])` */
  api: <T>(dg: Dg, label: string, options: Iterable<T>, opts: MultiselectOptions<T> = {}): T[] => {
    const prepared = prepareOptions("multiselect", options, opts.formatFunc);
    const maxSelections = checkMax(opts.maxSelections);
    const defaults = listOf(opts.default, prepared.options);
    const indices = defaults.map((d) => optionIndex(prepared.options, d));
    const missing = indices.indexOf(-1);
    if (missing !== -1) {
      const shown = String((opts.formatFunc ?? String)(defaults[missing]));
      throw new StreamlitAPIException(widgetMessages.multiselectDefault(shown));
    }
    if (maxSelections !== null && defaults.length > maxSelections) {
      throw new SelectionCountExceedsMaxError(widgetMessages.selectionCountExceedsMax(defaults.length, maxSelections));
    }
    const placeholder = opts.placeholder === undefined ? "Choose options" : String(opts.placeholder);
    const props: MultiselectProps = { ...baseProps(label, opts), ...prepared, maxSelections, placeholder };
    return dg.widget<T[]>({
      type: "multiselect",
      label: String(label),
      props: { ...props },
      codec: multiselectCodec as Codec<T[], MultiselectProps>,
      identity: [String(label), prepared.labels, indices, maxSelections, placeholder, opts.help ?? null],
      keyedIdentity: [maxSelections],
      default: indices.map((i) => prepared.options[i] as T),
      explicitDefault: opts.default !== undefined && opts.default !== null,
      isValid: validity(dg, "multiselect", opts.key, problem(props)),
      ...specOptions(opts),
    });
  },
  /** A native multiple select; the placeholder is its accessible description while nothing is chosen. */
  render: (node, ctx) => {
    const w = node.widget!;
    const p = node.props as unknown as MultiselectProps;
    const select = html`<select${attrs({
      ...controlAttrs(node),
      multiple: true,
      size: Math.min(Math.max(p.labels.length, 2), 8),
      title: chosen(w.raw).size === 0 ? p.placeholder : undefined,
    })}>${optionTags(p.labels, w.raw)}</select>`;
    return renderLabelled(node, ctx, "el-multiselect", select, "change");
  },
  codec: multiselectCodec,
});

declare module "../../runtime/dg" {
  interface Dg {
    multiselect<T>(label: string, options: Iterable<T>, opts?: MultiselectOptions<T>): T[];
  }
}
