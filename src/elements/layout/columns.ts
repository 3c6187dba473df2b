import { attrs, html } from "../../render/html";
import type { Dg } from "../../runtime/dg";
import { InvalidColumnSpecError, messages, StreamlitAPIException } from "../../runtime/errors";
import { defineElement } from "../types";

export type ColumnGap = "small" | "medium" | "large" | null;
export type VerticalAlignment = "top" | "center" | "bottom";

export interface ColumnsOptions {
  /** Space between the columns; `null` for none. */
  gap?: ColumnGap;
  verticalAlignment?: VerticalAlignment;
  /** Draw a border around each column. */
  border?: boolean;
  /**
   * Below this width in CSS pixels (of the space the columns sit in) they stack, one per row;
   * 0 never stacks. Default 640. `st.columns(3, { stackBelow: 480 })`
   */
  stackBelow?: number;
}

const DEFAULT_STACK_BELOW = 640;

const GAPS = ["small", "medium", "large"];
const ALIGNMENTS = ["top", "center", "bottom"];

/** R110: an int n gives n equal columns, a list of positive numbers gives relative widths. */
function weightsOf(spec: unknown): number[] {
  const isPositive = (w: unknown) => typeof w === "number" && Number.isFinite(w) && w > 0;
  if (typeof spec === "number" && Number.isInteger(spec) && spec > 0) return Array.from({ length: spec }, () => 1);
  if (Array.isArray(spec) && spec.length > 0 && spec.every(isPositive)) return [...spec];
  throw new InvalidColumnSpecError(messages.columnSpec());
}

function checkStackBelow(value: unknown): number {
  if (value === undefined) return DEFAULT_STACK_BELOW;
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) return value;
  throw new StreamlitAPIException(
    `The stackBelow argument to st.columns must be a width in pixels (a number, 0 or more), for example \`st.columns(2, { stackBelow: 480 })\`. \nThe argument passed was ${String(value)}.`,
  );
}

function checkOptions(options: ColumnsOptions): { gap: string; verticalAlignment: VerticalAlignment } {
  const gap = options.gap === undefined ? "small" : options.gap === null ? "none" : options.gap;
  if (!GAPS.includes(gap) && gap !== "none") {
    throw new StreamlitAPIException(
      `The gap argument to st.columns must be "small", "medium", "large" or null. \nThe argument passed was ${String(options.gap)}.`,
    );
  }
  const verticalAlignment = options.verticalAlignment ?? "top";
  if (!ALIGNMENTS.includes(verticalAlignment)) {
    throw new StreamlitAPIException(
      `The verticalAlignment argument to st.columns must be "top", "center", or "bottom". \nThe argument passed was ${String(verticalAlignment)}.`,
    );
  }
  return { gap, verticalAlignment };
}

export const columns = defineElement({
  name: "columns",
  types: ["columns", "column"],
  /**
   * Side-by-side containers; writes to column k always appear in column k (R110).
   * `const [left, right] = st.columns([2, 1]); right.markdown("narrow"); left.markdown("wide")`
   */
  api: (dg: Dg, spec: number | number[], options: ColumnsOptions = {}): Dg[] => {
    const weights = weightsOf(spec);
    const { gap, verticalAlignment } = checkOptions(options);
    const border = options.border ?? false;
    const stackBelow = checkStackBelow(options.stackBelow);
    const row = dg.addBlock("columns", { gap, verticalAlignment, border, stackBelow });
    return weights.map((weight) => row.addBlock("column", { weight, border }));
  },
  // Flex items whose basis is (threshold - row width) x 999: negative (so 0, sharing the row by
  // weight) when the row is wider than the threshold, huge (so one per line) when narrower. No
  // media query or <style> needed (the CSP forbids style elements), and it follows the space the
  // row has, so columns in a sidebar stack too. The wrapper divs are display:contents.
  renderBlock: (node, children) => {
    if (node.type === "column") {
      return html`<div${attrs({
        class: `el-column-inner${node.props.border ? " el-bordered" : ""}`,
        style: `flex-grow:${Number(node.props.weight) || 1}`,
      })}>${children}</div>`;
    }
    const { gap, verticalAlignment, stackBelow } = node.props as { gap: string; verticalAlignment: string; stackBelow?: number };
    return html`<div${attrs({
      class: `el-columns-inner el-gap-${gap} el-valign-${verticalAlignment}`,
      style: `--el-stack:${stackBelow ?? DEFAULT_STACK_BELOW}px`,
    })}>${children}</div>`;
  },
});
