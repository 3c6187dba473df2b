/**
 * st.metric: a label, a big value and an optional delta with an arrow. As in Streamlit, the
 * direction comes from the delta's text (a leading "-" is down, anything else up, zero included)
 * and `deltaColor` maps it to green/red ("normal"), red/green ("inverse") or gray ("off").
 * Numbers are shown as JavaScript prints them; a missing value shows "—".
 */
import { html } from "../../render/html";
import type { Dg } from "../../runtime/dg";
import { displayMessages, StreamlitAPIException } from "../../runtime/errors";
import { renderMarkdownInline } from "../text/markdown";
import { renderHelp } from "../text/help";
import { defineElement } from "../types";
import { checkLabelVisibility, type LabelVisibility } from "../widgets/common";

export type DeltaColor = "normal" | "inverse" | "off";

export interface MetricOptions {
  delta?: number | bigint | string | null;
  deltaColor?: DeltaColor;
  help?: string;
  labelVisibility?: LabelVisibility;
  border?: boolean;
}

interface MetricProps {
  label: string;
  value: string;
  delta?: { text: string; direction: "up" | "down"; color: "green" | "red" | "gray" };
  help?: string;
  labelVisibility: LabelVisibility;
  border: boolean;
}

function formatValue(value: unknown): string {
  return value === null || value === undefined || value === "" ? "—" : String(value);
}

function describeDelta(delta: MetricOptions["delta"], deltaColor: DeltaColor): MetricProps["delta"] {
  if (delta === null || delta === undefined || delta === "") return undefined;
  const text = String(delta).trim();
  const direction = text.startsWith("-") ? "down" : "up";
  const good = deltaColor === "inverse" ? "down" : "up";
  const color = deltaColor === "off" ? "gray" : direction === good ? "green" : "red";
  return { text, direction, color };
}

export const metric = defineElement({
  name: "metric",
  /** A key figure with an optional change. `st.metric("Temperature", "70 °F", { delta: "1.2 °F" })` */
  api: (dg: Dg, label: unknown, value: unknown, options: MetricOptions = {}): Dg => {
    const deltaColor = options.deltaColor ?? "normal";
    if (deltaColor !== "normal" && deltaColor !== "inverse" && deltaColor !== "off") {
      throw new StreamlitAPIException(displayMessages.deltaColor(String(deltaColor)));
    }
    const props: MetricProps = {
      label: String(label),
      value: formatValue(value),
      delta: describeDelta(options.delta, deltaColor),
      help: options.help,
      labelVisibility: checkLabelVisibility(options.labelVisibility),
      border: options.border ?? false,
    };
    return dg.emit("metric", { ...props });
  },
  render: (node) => {
    const { label, value, delta, help, labelVisibility, border } = node.props as unknown as MetricProps;
    const labelClass = labelVisibility === "visible" ? "el-metric-label" : `el-metric-label el-sr-only el-label-${labelVisibility}`;
    return html`<div class="${border ? "el-metric el-metric-border" : "el-metric"}"><div class="${labelClass}">${renderMarkdownInline(label)}</div>${renderHelp(help)}<div class="el-metric-value">${value}</div>${
      delta
        ? html`<div class="el-metric-delta el-delta-${delta.direction} el-delta-${delta.color}"><span class="el-delta-arrow" aria-hidden="true">${
            delta.direction === "up" ? "↑" : "↓"
          }</span> ${delta.text}</div>`
        : ""
    }</div>`;
  },
});
