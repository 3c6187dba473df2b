import MarkdownIt from "markdown-it";
import { html, trustedHtml, type Html } from "../../render/html";
import type { Dg } from "../../runtime/dg";
import { defineElement } from "../types";
import { renderHelp } from "./help";

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

/** Inline Markdown (emphasis, code, links) without a wrapping paragraph, for headings and labels. */
export function renderMarkdownInline(body: string, allowHtml = false): Html {
  return trustedHtml((allowHtml ? unsafe : safe).renderInline(body));
}

/** The plain text a reader sees in inline Markdown (`**Hi** _there_` → `Hi there`). */
export function markdownText(body: string): string {
  const children = safe.parseInline(body, {})[0]?.children ?? [];
  return children.map((t) => (t.type === "text" || t.type === "code_inline" ? t.content : t.type === "softbreak" ? " " : "")).join("");
}

export const markdown = defineElement({
  name: "markdown",
  /** Displays Markdown (CommonMark). `st.markdown("**bold**")` */
  api: (dg: Dg, body: unknown, options: MarkdownOptions = {}): Dg =>
    dg.emit("markdown", { body: String(body), unsafeAllowHtml: options.unsafeAllowHtml ?? false, help: options.help }),
  render: (node) => {
    const { body, unsafeAllowHtml, help } = node.props as { body: string; unsafeAllowHtml: boolean; help?: string };
    return html`<div class="el-markdown">${renderMarkdown(body, unsafeAllowHtml)}${renderHelp(help)}</div>`;
  },
});
