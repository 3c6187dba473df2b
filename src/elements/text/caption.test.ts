import { describe, expect, it } from "vitest";
import { HOSTILE, isInert, nodesOf, renderFirst, renderNode } from "./test-support";

describe("st.caption", () => {
  it("renders Markdown in a caption with help", async () => {
    const out = await renderFirst((st) => void st.caption("Data as of *today*", { help: "Refreshed hourly" }));
    expect(out).toBe('<div class="el-caption"><p>Data as of <em>today</em></p>\n<small class="el-help">Refreshed hourly</small></div>');
  });

  it("passes author HTML only with unsafeAllowHtml", async () => {
    const [safe, unsafe] = (await nodesOf((st) => {
      st.caption("<b>x</b>");
      st.caption("<b>x</b>", { unsafeAllowHtml: true });
    })).map(renderNode);
    expect(safe).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(unsafe).toContain("<b>x</b>");
  });

  it("escapes hostile text and help; no javascript: links", async () => {
    const nodes = await nodesOf((st) => {
      for (const s of HOSTILE) st.caption(s, { help: s });
      st.caption("[x](javascript:alert(1))");
    });
    for (const node of nodes) expect(isInert(renderNode(node))).toBe(true);
  });
});
