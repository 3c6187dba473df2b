/**
 * st.timeInput. Times are "HH:MM" strings (24-hour clock), what `<input type="time">` posts.
 * `"now"` is the current time in UTC (the server has no user timezone), to the minute.
 */
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

export interface TimeInputOptions extends WidgetOptions {
  /** `"now"` (default, UTC), `"HH:MM"`, a Date (its UTC time), or null for an empty input. */
  value?: string | Date | null;
  /** Granularity in seconds, 60 to 82800; default 900 (15 minutes). */
  step?: number;
}

interface TimeInputProps {
  step: number;
  nullable: boolean;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Browsers may add zero seconds ("09:30:00"); the value is always "HH:MM". */
export const timeInputCodec: Codec<string | null, TimeInputProps> = {
  parse(raw, p) {
    const text = singleRaw(raw, "a time (HH:MM)");
    if (text === "") {
      if (p.nullable) return null;
      throw new WidgetValueError("Expected a time (HH:MM): this time input cannot be empty.");
    }
    const time = text.replace(/^(\d\d:\d\d):00(\.0+)?$/, "$1");
    if (!TIME.test(time)) throw new WidgetValueError(`Expected a time (HH:MM, 24-hour clock), got ${describeValue(text)}.`);
    return time;
  },
  format: (value) => value ?? "",
};

function toTime(value: unknown): string | null {
  if (value === null) return null;
  if (value === "now") return new Date().toISOString().slice(11, 16);
  const text = value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(11, 16) : value;
  if (typeof text === "string" && TIME.test(text)) return text;
  throw new StreamlitAPIException(widgetMessages.invalidTime(describeValue(value)));
}

export const timeInput = defineElement({
  name: "timeInput",
  /** A time picker: `const alarm = st.timeInput("Wake up at", { value: "07:30" })` returns "07:30". */
  api: (dg: Dg, label: string, options: TimeInputOptions = {}): string | null => {
    const given = options.value === undefined ? "now" : options.value;
    const step = options.step ?? 900;
    if (typeof step !== "number" || !(step >= 60 && step <= 82800)) {
      throw new StreamlitAPIException(widgetMessages.timeStep(String(step)));
    }
    const value = toTime(given);
    const props: TimeInputProps = { step, nullable: given === null };
    return dg.widget<string | null>({
      type: "timeInput",
      label: String(label),
      props: { ...baseProps(label, options), ...props },
      codec: timeInputCodec,
      // "now" stays "now" in identity, so a keyless widget keeps its id (and value) from run to run.
      identity: [String(label), given instanceof Date ? value : given, step, options.help ?? null],
      keyedIdentity: [step],
      default: value,
      explicitDefault: options.value !== undefined,
      isValid: validity(dg, "timeInput", options.key, (v: unknown) => {
        const ok = v === null ? props.nullable : typeof v === "string" && TIME.test(v);
        return ok ? undefined : `a time "HH:MM"${props.nullable ? " or null" : ""}`;
      }),
      ...specOptions(options),
    });
  },
  render: (node, ctx) => {
    const w = node.widget!;
    const p = node.props as unknown as TimeInputProps;
    const raw = w.raw as string;
    // A value off the step grid (say "now" = 10:07 with 15-minute steps) would block the form's submit.
    const minutes = raw === "" ? 0 : Number(raw.slice(0, 2)) * 60 + Number(raw.slice(3, 5));
    const step = (minutes * 60) % p.step === 0 ? p.step : undefined;
    const input = html`<input${attrs({ type: "time", ...controlAttrs(node), value: raw, step, required: !p.nullable })}>`;
    return renderLabelled(node, ctx, "el-time-input", input, "change");
  },
  codec: timeInputCodec,
});
