/**
 * st.table: a static HTML table with Streamlit's default index column (0…n-1). Accepted shapes:
 * - an array of rows: objects (columns are the union of their keys, in first-seen order), arrays
 *   (columns 0…k-1) or scalars (one column "0"), as a pandas DataFrame built from a list;
 * - an object whose values are all arrays: columns, padded with blanks when lengths differ;
 * - any other object (a Map, st.sessionState, a record of scalars): one row per key, with the
 *   key as the index and a "value" column.
 * Cells are formatted when the element is emitted, so the props are plain strings: missing values
 * and null are blank, objects are compact JSON.
 */
import { html } from "../../render/html";
import type { Dg } from "../../runtime/dg";
import { displayMessages, StreamlitAPIException } from "../../runtime/errors";
import { defineElement } from "../types";
import { formatJson } from "./json-format";

interface TableProps {
  columns: string[];
  index: string[];
  rows: string[][];
  /** Per column: every non-blank cell is a number, so it aligns right. */
  numeric: boolean[];
}

type Row = Map<string, unknown>;

function formatCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (typeof value === "object") return formatJson(value, "");
  return String(value);
}

function rowOf(value: unknown): Row {
  if (Array.isArray(value)) return new Map(value.map((cell, i) => [String(i), cell]));
  if (typeof value === "object" && value !== null && !(value instanceof Date)) return new Map(Object.entries(value));
  return new Map([["0", value]]);
}

function toRows(data: unknown): { index: string[]; rows: Row[] } {
  if (Array.isArray(data)) return { index: data.map((_, i) => String(i)), rows: data.map(rowOf) };
  if (typeof data !== "object" || data === null) {
    throw new StreamlitAPIException(displayMessages.tableData(data === null ? "null" : `a ${typeof data}`));
  }
  const source = data as { toDict?: unknown };
  const entries: [string, unknown][] =
    data instanceof Map
      ? [...data.entries()].map(([k, v]) => [formatCell(k), v])
      : Object.entries(typeof source.toDict === "function" ? (source.toDict as () => object)() : data);
  if (entries.length > 0 && entries.every(([, v]) => Array.isArray(v))) {
    const length = Math.max(...entries.map(([, v]) => (v as unknown[]).length));
    const rows = Array.from({ length }, (_, i) => new Map(entries.map(([k, v]) => [k, (v as unknown[])[i]])));
    return { index: rows.map((_, i) => String(i)), rows };
  }
  return { index: entries.map(([k]) => k), rows: entries.map(([, v]) => new Map([["value", v]])) };
}

function describe(data: unknown): TableProps {
  const { index, rows } = toRows(data);
  const columns = [...new Set(rows.flatMap((row) => [...row.keys()]))];
  const numeric = columns.map((c) => {
    const cells = rows.map((row) => row.get(c)).filter((v) => v !== null && v !== undefined);
    return cells.length > 0 && cells.every((v) => typeof v === "number" || typeof v === "bigint");
  });
  return { columns, index, rows: rows.map((row) => columns.map((c) => formatCell(row.get(c)))), numeric };
}

export const table = defineElement({
  name: "table",
  /** A static table. `st.table([{ city: "Oslo", temp: 4 }, { city: "Lima", temp: 19 }])` */
  api: (dg: Dg, data: unknown): Dg => dg.emit("table", { ...describe(data) }),
  render: (node) => {
    const { columns, index, rows, numeric } = node.props as unknown as TableProps;
    const cell = (text: string, i: number) => html`<td${numeric[i] ? html` class="el-num"` : ""}>${text}</td>`;
    return html`<div class="el-table"><table><thead><tr><td class="el-index"></td>${columns.map(
      (c, i) => html`<th scope="col"${numeric[i] ? html` class="el-num"` : ""}>${c}</th>`,
    )}</tr></thead><tbody>${rows.map(
      (row, r) => html`<tr><th class="el-index" scope="row">${index[r]}</th>${row.map(cell)}</tr>`,
    )}</tbody></table></div>`;
  },
});
