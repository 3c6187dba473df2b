import { attrs, html } from "../../render/html";
import type { Dg } from "../../runtime/dg";
import { defineElement } from "../types";
import { formatJson } from "./json-format";

export interface JsonOptions {
  /** Start unfolded (default true). */
  expanded?: boolean;
}

interface JsonProps {
  text: string;
  /** "object" and "array" fold in a <details>; a lone scalar needs no folding. */
  shape: "object" | "array" | "scalar";
  size: number;
  expanded: boolean;
  /** Set when a string body is not valid JSON. */
  error?: string;
}

function describe(body: unknown): Omit<JsonProps, "expanded"> {
  let value = body;
  // As in Streamlit, a string is JSON text to parse, not a value to quote.
  if (typeof body === "string") {
    try {
      value = JSON.parse(body);
    } catch (error) {
      return { text: body, shape: "scalar", size: 0, error: error instanceof Error ? error.message : String(error) };
    }
  }
  const text = formatJson(value);
  const first = text[0];
  if (first !== "{" && first !== "[") return { text, shape: "scalar", size: 0 };
  // Count from the printed form so toDict()/Map/Set values count what is shown.
  const parsed = JSON.parse(text) as object;
  return { text, shape: first === "[" ? "array" : "object", size: Object.keys(parsed).length };
}

export const json = defineElement({
  name: "json",
  /** Pretty-prints a value (or a JSON string) as JSON. `st.json({ a: 1 }, { expanded: false })` */
  api: (dg: Dg, body: unknown, options: JsonOptions = {}): Dg =>
    dg.emit("json", { ...describe(body), expanded: options.expanded ?? true }),
  render: (node) => {
    const { text, shape, size, expanded, error } = node.props as unknown as JsonProps;
    if (error !== undefined) {
      return html`<div class="el-alert el-error el-json-error" role="alert"><strong>Invalid JSON</strong>: ${error}<pre>${text}</pre></div>`;
    }
    const body = html`<pre class="el-json-body"><code class="language-json">${text}</code></pre>`;
    if (shape === "scalar") return html`<div class="el-json">${body}</div>`;
    const summary = shape === "array" ? `[…] ${size} ${size === 1 ? "item" : "items"}` : `{…} ${size} ${size === 1 ? "key" : "keys"}`;
    return html`<details${attrs({ class: "el-json", open: expanded })}><summary>${summary}</summary>${body}</details>`;
  },
});
