import { html } from "../../render/html";
import type { Dg } from "../../runtime/dg";
import { defineElement } from "../types";
import { renderHelp } from "./help";
import { renderMarkdown } from "./markdown";

export interface CaptionOptions {
  /** Let raw HTML in the Markdown through. Never pass user input with this on. */
  unsafeAllowHtml?: boolean;
  help?: string;
}

export const caption = defineElement({
  name: "caption",
  /** Small, muted Markdown text for notes and footnotes. `st.caption("Data as of *today*")` */
  api: (dg: Dg, body: unknown, options: CaptionOptions = {}): Dg =>
    dg.emit("caption", { body: String(body), unsafeAllowHtml: options.unsafeAllowHtml ?? false, help: options.help }),
  render: (node) => {
    const { body, unsafeAllowHtml, help } = node.props as { body: string; unsafeAllowHtml: boolean; help?: string };
    return html`<div class="el-caption">${renderMarkdown(body, unsafeAllowHtml)}${renderHelp(help)}</div>`;
  },
});
