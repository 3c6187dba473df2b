import { describe, expect, it } from "vitest";
import { HOSTILE, isInert, nodesOf, renderFirst, renderNode } from "./test-support";

describe("st.code", () => {
  it("renders <pre><code> with Streamlit's default language, python", async () => {
    expect(await renderFirst((st) => void st.code("print(1)"))).toBe(
      '<pre class="el-code"><code class="language-python">print(1)</code></pre>',
    );
  });

  it("takes a language, or none with null", async () => {
    const [ts, plain] = (await nodesOf((st) => {
      st.code("let x", { language: "TypeScript" });
      st.code("plain", { language: null });
    })).map(renderNode);
    expect(ts).toContain('<code class="language-typescript">');
    expect(plain).toContain("<code>plain</code>");
  });

  it("numbers lines and wraps them when asked", async () => {
    const out = await renderFirst((st) => void st.code("a\nb", { lineNumbers: true, wrapLines: true }));
    expect(out).toContain('<pre class="el-code el-code-wrap el-code-numbered">');
    expect(out).toContain('<span class="el-code-line"><span class="el-line-number" aria-hidden="true">1</span>a\n</span>');
    expect(out).toContain('<span class="el-line-number" aria-hidden="true">2</span>b</span>');
  });

  it("escapes hostile code and keeps a hostile language name to one harmless class token", async () => {
    const nodes = await nodesOf((st) => {
      for (const s of HOSTILE) st.code(s, { language: s, lineNumbers: true });
    });
    for (const node of nodes) {
      const out = renderNode(node);
      expect(isInert(out)).toBe(true);
      expect(out).toMatch(/<code class="language-[^" ]+">/);
    }
  });
});
