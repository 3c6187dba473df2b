/** What every widget shares: options, label visibility, help text, the trigger codec. */
import { attrs, html, type Html } from "../../render/html";
import type { Dg } from "../../runtime/dg";
import { messages, StreamlitAPIException } from "../../runtime/errors";
import { DOM } from "../../wire";
import type { Codec, ElementNode } from "../types";

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
