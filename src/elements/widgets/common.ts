/** What every widget shares: options, label visibility, help text, the trigger codec. */
import { attrs, html, type Html } from "../../render/html";
import { widgetForm, type CommitEvent } from "../../render/widget-form";
import type { Dg } from "../../runtime/dg";
import { messages, StreamlitAPIException, widgetMessages } from "../../runtime/errors";
import { DOM } from "../../wire";
import { WidgetValueError, type Codec, type ElementNode, type RawValue, type RenderContext } from "../types";

export type LabelVisibility = "visible" | "hidden" | "collapsed";

/** The options every value widget accepts (Streamlit's keyword arguments). */
export interface WidgetOptions {
  key?: string | number;
  help?: string;
  onChange?: (...args: any[]) => unknown;
  args?: unknown[];
  disabled?: boolean;
  labelVisibility?: LabelVisibility;
  /** Keep the value while the widget is not drawn (keyed widgets only, D4). */
  persistState?: "page" | "session";
}

export function checkLabelVisibility(value: LabelVisibility | undefined): LabelVisibility {
  const v = value ?? "visible";
  if (v !== "visible" && v !== "hidden" && v !== "collapsed") {
    throw new StreamlitAPIException(messages.labelVisibility(String(v)));
  }
  return v;
}

/** Props every widget node carries for its label and help. */
export function baseProps(label: string, options: WidgetOptions): Record<string, unknown> {
  return {
    label: String(label),
    help: options.help,
    disabled: options.disabled ?? false,
    labelVisibility: checkLabelVisibility(options.labelVisibility),
  };
}

/** The common widget spec fields derived from the options. */
export function specOptions(options: WidgetOptions) {
  return {
    key: options.key,
    onChange: options.onChange,
    args: options.args,
    disabled: options.disabled ?? false,
    persistState: options.persistState,
  };
}

/** A `<label>` that hides visually but stays for screen readers when labelVisibility says so. */
export function labelFor(node: ElementNode, tag: "label" | "legend" = "label"): Html {
  const { label, labelVisibility } = node.props as { label: string; labelVisibility: LabelVisibility };
  const id = DOM.control(node.widget!.id);
  const cls = labelVisibility === "visible" ? "el-label" : `el-label el-sr-only el-label-${labelVisibility}`;
  return tag === "label"
    ? html`<label${attrs({ for: id, class: cls })}>${label}</label>`
    : html`<legend${attrs({ class: cls })}>${label}</legend>`;
}

export function helpFor(node: ElementNode): Html {
  const help = node.props.help as string | undefined;
  return help ? html`<small class="el-help" id="${DOM.help(node.widget!.id)}">${help}</small>` : html``;
}

/** The usual layout: label, native control, help, joined to the wire by widgetForm. */
export function renderLabelled(node: ElementNode, ctx: RenderContext, cls: string, control: Html, commit: CommitEvent): Html {
  const body = html`<div class="el-widget ${cls}">${labelFor(node)}${control}${helpFor(node)}</div>`;
  return widgetForm(ctx, node.widget!.id, body, commit, String(node.props.label));
}

/** Attributes every native control gets: id, name, aria-describedby, disabled. */
export function controlAttrs(node: ElementNode): Record<string, string | boolean | undefined> {
  const id = node.widget!.id;
  return {
    id: DOM.control(id),
    name: id,
    "aria-describedby": node.props.help ? DOM.help(id) : undefined,
    disabled: node.props.disabled === true,
  };
}

/** Buttons: pressed in the run their click caused, false otherwise (R52). */
export const triggerCodec: Codec<boolean> = {
  parse: (raw) => raw !== undefined,
  format: (value) => (value ? "1" : undefined),
};

export type { Dg };

/**
 * D10 and R51 as one `isValid`: a value the widget cannot hold resets to the default when it was
 * kept from an earlier run (options or bounds changed under a key), and raises at the widget call
 * when the app assigned it through session state in this run, since then the mistake is the app's.
 * `problem` returns undefined for a good value, else the error to raise or what was expected.
 */
export function validity<V>(
  dg: Dg,
  type: string,
  key: string | number | undefined,
  problem: (value: V) => Error | string | undefined,
): (value: V) => boolean {
  return (value) => {
    const found = problem(value);
    if (found === undefined) return true;
    if (key === undefined || !dg.run.assigned.has(String(key))) return false;
    if (typeof found !== "string") throw found;
    throw new StreamlitAPIException(widgetMessages.invalidAssigned(String(key), type, describeValue(value), found));
  };
}

/** A value for messages: JSON where possible, never throwing, never long. */
export function describeValue(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** The one string a single-value field carries; a missing or repeated field is rejected. */
export function singleRaw(raw: RawValue, expected: string): string {
  if (typeof raw === "string") return raw;
  if (Array.isArray(raw) && raw.length === 1 && typeof raw[0] === "string") return raw[0];
  if (raw === undefined) throw new WidgetValueError(`Expected ${expected}, but no value was sent.`);
  if (Array.isArray(raw)) throw new WidgetValueError(`Expected one value (${expected}), but ${raw.length} values were sent.`);
  throw new WidgetValueError(`Expected ${expected}, got ${describeValue(raw)}.`);
}

/** The strings a repeated field carries (none when absent); anything but strings is rejected. */
export function manyRaw(raw: RawValue, expected: string): string[] {
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  for (const item of list) {
    if (typeof item !== "string") throw new WidgetValueError(`Expected ${expected}, got ${describeValue(item)}.`);
  }
  return list;
}
