import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { isPlainLine, markdownText, renderMarkdown, renderMarkdownInline } from "./markdown";
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

describe("plain lines skip the parser", () => {
  const parsers = [new MarkdownIt({ html: false, linkify: false, typographer: false }), new MarkdownIt({ html: true, linkify: false, typographer: false })];
  const same = (body: string) => {
    expect(renderMarkdown(body).value, body).toBe(parsers[0].render(body));
    expect(renderMarkdown(body, true).value, body).toBe(parsers[1].render(body));
  };

  it("renders a plain line exactly as markdown-it does", () => {
    const plain = ["Hello, value 12", "a", "Total: 3 items (2 new) at 50% off, $4 each; ok? yes!", "x = y + 1 - z / 2", "mail me@example.com or see https://example.com/a?b=c", "Hi   there  \u00a0", "Unïcödé text, 日本語, emoji 🎉", "it's", "www.example.com (no linkify)"];
    for (const body of plain) {
      expect(isPlainLine(body), body).toBe(true);
      same(body);
    }
  });

  it("leaves to the parser every line a Markdown rule could act on", () => {
    const marked = ["1. one", "2) two", " leading", "# h", "- item", "+ item", "> quote", "*em*", "_em_", "a *b*", "a_b_", "`c`", "a [l](x)", "a ![i](x)", "a <b>", "a & b", "a &amp; b", "a \\* b", "a ~~s~~", 'a "q"', "a | b", "a\nb", "a\r\nb", "a\tb", "a\u0000b", "", "é start"];
    for (const body of marked) expect(isPlainLine(body), JSON.stringify(body)).toBe(false);
    for (const body of marked) same(body);
  });

  it("agrees with markdown-it on random lines over the plain alphabet and its neighbours", () => {
    const alphabet = "aZ09 ,.;:'?!%$@/=()+-\u00a0é🎉*_`[]\\~<>&#\"|\n\t";
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const chars = [...alphabet];
    let plain = 0;
    for (let i = 0; i < 3000; i++) {
      let body = "";
      const length = 1 + random(12);
      for (let j = 0; j < length; j++) body += chars[random(j === 0 ? 2 : chars.length)];
      if (isPlainLine(body)) plain++;
      same(body);
    }
    expect(plain).toBeGreaterThan(500);
  });
});
