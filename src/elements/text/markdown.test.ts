import { describe, expect, it } from "vitest";
import { markdownText, renderMarkdownInline } from "./markdown";
import { HOSTILE, isInert, nodesOf, renderFirst, renderNode } from "./test-support";

describe("st.markdown", () => {
  it("renders CommonMark and shows help text", async () => {
    expect(await renderFirst((st) => void st.markdown("**x**", { help: "why" }))).toBe(
      '<div class="el-markdown"><p><strong>x</strong></p>\n<small class="el-help">why</small></div>',
    );
  });

  it("escapes hostile text and help; markdown-it's validateLink drops javascript: links", async () => {
    const nodes = await nodesOf((st) => {
      for (const s of HOSTILE) st.markdown(s, { help: s });
      st.markdown("[x](JAVASCRIPT:alert(1)) <javascript:alert(1)> ![i](javascript:alert(1))");
    });
    for (const node of nodes) expect(isInert(renderNode(node))).toBe(true);
    expect(renderNode(nodes[2])).not.toMatch(/<a |<img /);
  });
});

describe("inline Markdown helpers", () => {
  it("renders inline Markdown without a paragraph, raw HTML escaped", () => {
    expect(renderMarkdownInline("*a* <b>").value).toBe("<em>a</em> &lt;b&gt;");
  });

  it("extracts the visible text", () => {
    expect(markdownText("**Bold** and `code` [link](https://x.test)")).toBe("Bold and code link");
  });
});
