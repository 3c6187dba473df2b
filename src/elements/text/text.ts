import { html } from "../../render/html";
import type { Dg } from "../../runtime/dg";
import { defineElement } from "../types";
import { renderHelp } from "./help";

export interface TextOptions {
  help?: string;
}

export const text = defineElement({
  name: "text",
  /** Fixed-width plain text: no Markdown, whitespace kept. `st.text("  indented\nlines")` */
  api: (dg: Dg, body: unknown, options: TextOptions = {}): Dg =>
    dg.emit("text", { body: String(body), help: options.help }),
  render: (node) => {
    const { body, help } = node.props as { body: string; help?: string };
    return html`<div class="el-text"><pre class="el-text-body">${body}</pre>${renderHelp(help)}</div>`;
  },
});
