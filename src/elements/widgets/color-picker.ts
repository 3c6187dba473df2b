/** st.colorPicker: a colour as a lowercase "#rrggbb" hex string. */
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

export interface ColorPickerOptions extends WidgetOptions {
  /** A hex colour, "#rrggbb" or "#rgb", any case. Default "#000000". */
  value?: string;
}

const HEX6 = /^#[0-9a-f]{6}$/;

/** `<input type="color">` posts lowercase "#rrggbb"; other case is accepted and lowered. */
export const colorPickerCodec: Codec<string, Record<string, unknown>> = {
  parse(raw) {
    const text = singleRaw(raw, 'a colour ("#rrggbb")').toLowerCase();
    if (!HEX6.test(text)) throw new WidgetValueError(`Expected a colour written "#rrggbb", got ${describeValue(text)}.`);
    return text;
  },
  format: (value) => value,
};

/** "#ABC" → "#aabbcc", as the native control needs six lowercase digits. */
function normalise(value: unknown): string {
  const m = typeof value === "string" ? /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value) : null;
  if (!m) throw new StreamlitAPIException(widgetMessages.invalidColor(String(value)));
  const hex = m[1].toLowerCase();
  return `#${hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex}`;
}

export const colorPicker = defineElement({
  name: "colorPicker",
  /** A colour picker: `const color = st.colorPicker("Pick a colour", { value: "#00f900" })`. */
  api: (dg: Dg, label: string, options: ColorPickerOptions = {}): string => {
    const value = normalise(options.value ?? "#000000");
    return dg.widget<string>({
      type: "colorPicker",
      label: String(label),
      props: baseProps(label, options),
      codec: colorPickerCodec,
      identity: [String(label), value, options.help ?? null],
      keyedIdentity: [],
      default: value,
      explicitDefault: options.value !== undefined,
      isValid: validity(dg, "colorPicker", options.key, (v: unknown) =>
        typeof v === "string" && HEX6.test(v) ? undefined : 'a lowercase hex colour like "#00ffaa"',
      ),
      ...specOptions(options),
    });
  },
  render: (node, ctx) => {
    const w = node.widget!;
    const input = html`<input${attrs({ type: "color", ...controlAttrs(node), value: w.raw as string })}>`;
    return renderLabelled(node, ctx, "el-color-picker", input, "change");
  },
  codec: colorPickerCodec,
});
