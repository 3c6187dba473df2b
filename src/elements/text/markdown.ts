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

/**
 * One line that no CommonMark rule acts on: it starts with a letter (so no block marker, indent or
 * list number opens it) and holds no character that opens inline syntax, an entity or raw HTML
 * (`* _ \` [ ] \ ~ < > & # " |`), nor a line break or other control character. markdown-it renders
 * it as one paragraph of its trimmed text, unescaped since nothing in it needs escaping; text like
 * this (`st.write(f"Hello, {name}")`) is most of what an event redraws, and skipping the parse is a
 * fortieth of its CPU (issue 7). The unit test holds this to markdown-it's own output.
 */
const PLAIN_LINE = /^[A-Za-z][A-Za-z0-9 ,.;:'?!%$@/=()+\-\u{A0}-\u{10FFFF}]*$/u;

export function isPlainLine(body: string): boolean {
  return PLAIN_LINE.test(body);
}

/** CommonMark to HTML; raw HTML is escaped unless `allowHtml`. */
export function renderMarkdown(body: string, allowHtml = false): Html {
  if (isPlainLine(body)) return trustedHtml(`<p>${body.trim()}</p>\n`);
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
