/**
 * st.code: a <pre><code class="language-x"> block (the class is the usual hint for highlighters;
 * nothing is highlighted on the server). Line numbers are real text in aria-hidden spans, so they
 * show without the stylesheet and screen readers skip them.
 */
import { attrs, html } from "../../render/html";
import type { Dg } from "../../runtime/dg";
import { defineElement } from "../types";

export interface CodeOptions {
  /** Language name for the `language-*` class; Streamlit's default is "python"; null for none. */
  language?: string | null;
  lineNumbers?: boolean;
  wrapLines?: boolean;
}

interface CodeProps {
  body: string;
  language: string | null;
  lineNumbers: boolean;
  wrapLines: boolean;
}

/** Keeps a language name usable as one class token (`C++` → `c++`, `my lang` → `my-lang`). */
function languageClass(language: string): string {
  return language.trim().toLowerCase().replace(/[^a-z0-9_+#.-]+/g, "-");
}

export const code = defineElement({
  name: "code",
  /** A code block. `st.code("const x = 1;", { language: "typescript", lineNumbers: true })` */
  api: (dg: Dg, body: unknown, options: CodeOptions = {}): Dg => {
    const language = options.language === undefined ? "python" : options.language;
    return dg.emit("code", {
      body: String(body),
      language: language ? languageClass(String(language)) || null : null,
      lineNumbers: options.lineNumbers ?? false,
      wrapLines: options.wrapLines ?? false,
    });
  },
  render: (node) => {
    const { body, language, lineNumbers, wrapLines } = node.props as unknown as CodeProps;
    const content = lineNumbers
      ? body.split("\n").map((line, i, lines) =>
          html`<span class="el-code-line"><span class="el-line-number" aria-hidden="true">${i + 1}</span>${line}${i < lines.length - 1 ? "\n" : ""}</span>`,
        )
      : body;
    const classes = ["el-code", wrapLines ? "el-code-wrap" : "", lineNumbers ? "el-code-numbered" : ""].filter(Boolean).join(" ");
    return html`<pre${attrs({ class: classes })}><code${attrs({ class: language ? `language-${language}` : undefined })}>${content}</code></pre>`;
  },
});
