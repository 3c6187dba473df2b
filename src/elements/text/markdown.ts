import MarkdownIt from "markdown-it";
import { html, trustedHtml, type Html } from "../../render/html";
import type { Dg } from "../../runtime/dg";
import { defineElement } from "../types";

export interface MarkdownOptions {
  /** Let raw HTML in the Markdown through. Never pass user input with this on. */
  unsafeAllowHtml?: boolean;
  help?: string;
}

// Parsers are stateless after construction, so one per isolate is safe to share between sessions.
const safe = new MarkdownIt({ html: false, linkify: false, typographer: false });
const unsafe = new MarkdownIt({ html: true, linkify: false, typographer: false });

/** CommonMark to HTML; raw HTML is escaped unless `allowHtml`. */
export function renderMarkdown(body: string, allowHtml = false): Html {
  return trustedHtml((allowHtml ? unsafe : safe).render(body));
}

export const markdown = defineElement({
  name: "markdown",
  /** Displays Markdown (CommonMark). `st.markdown("**bold**")` */
  api: (dg: Dg, body: unknown, options: MarkdownOptions = {}): Dg =>
    dg.emit("markdown", { body: String(body), unsafeAllowHtml: options.unsafeAllowHtml ?? false, help: options.help }),
  render: (node) => {
    const { body, unsafeAllowHtml } = node.props as { body: string; unsafeAllowHtml: boolean };
    return html`<div class="el-markdown">${renderMarkdown(body, unsafeAllowHtml)}</div>`;
  },
});
