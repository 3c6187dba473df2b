import { attrs, html } from "../../render/html";
import type { Dg } from "../../runtime/dg";
import { InvalidColumnSpecError, messages, StreamlitAPIException } from "../../runtime/errors";
import { defineElement, type BlockNode } from "../types";

export type ColumnGap = "small" | "medium" | "large" | null;
export type VerticalAlignment = "top" | "center" | "bottom";

export interface ColumnsOptions {
  /** Space between the columns; `null` for none. */
  gap?: ColumnGap;
  verticalAlignment?: VerticalAlignment;
  /** Draw a border around each column. */
  border?: boolean;
}

const GAPS = ["small", "medium", "large"];
const ALIGNMENTS = ["top", "center", "bottom"];

/** R110: an int n gives n equal columns, a list of positive numbers gives relative widths. */
function weightsOf(spec: unknown): number[] {
  const isPositive = (w: unknown) => typeof w === "number" && Number.isFinite(w) && w > 0;
  if (typeof spec === "number" && Number.isInteger(spec) && spec > 0) return Array.from({ length: spec }, () => 1);
  if (Array.isArray(spec) && spec.length > 0 && spec.every(isPositive)) return [...spec];
  throw new InvalidColumnSpecError(messages.columnSpec());
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
    const row = dg.addBlock("columns", { gap, verticalAlignment, border });
    return weights.map((weight) => row.addBlock("column", { weight, border }));
  },
  renderBlock: (node, children) => {
    if (node.type === "column") {
      return html`<div class="el-column-inner${node.props.border ? " el-bordered" : ""}">${children}</div>`;
    }
    const { gap, verticalAlignment } = node.props as { gap: string; verticalAlignment: string };
    return html`<div${attrs({
      class: `el-columns-inner el-gap-${gap} el-valign-${verticalAlignment}`,
      style: `grid-template-columns:${tracks(node)}`,
    })}>${children}</div>`;
  },
});

/** The column widths as grid tracks; the column wrappers are the grid items. */
function tracks(node: BlockNode): string {
  return node.children
    .filter((child) => child !== undefined)
    .map((child) => `minmax(0,${Number(child.props.weight) || 1}fr)`)
    .join(" ");
}
