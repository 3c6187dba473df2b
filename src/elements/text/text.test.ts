import { describe, expect, it } from "vitest";
import type { ElementNode } from "../types";
import { HOSTILE, isInert, nodesOf, renderFirst, renderNode } from "./test-support";

describe("st.text", () => {
  it("shows fixed-width text verbatim, without Markdown", async () => {
    const out = await renderFirst((st) => void st.text("  *not emphasis*\n  second line"));
    expect(out).toBe('<div class="el-text"><pre class="el-text-body">  *not emphasis*\n  second line</pre></div>');
  });

  it("formats non-strings as text", async () => {
    const [node] = await nodesOf((st) => void st.text(42));
    expect((node as ElementNode).props.body).toBe("42");
  });

  it("escapes hostile text and help", async () => {
    const nodes = await nodesOf((st) => {
      for (const s of HOSTILE) st.text(s, { help: s });
    });
    for (const node of nodes) expect(isInert(renderNode(node))).toBe(true);
  });
});
