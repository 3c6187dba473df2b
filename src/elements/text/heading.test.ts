import { describe, expect, it } from "vitest";
import type { ElementNode } from "../types";
import { slugify } from "./heading";
import { HOSTILE, isInert, nodesOf, renderFirst, renderNode, runApp } from "./test-support";

describe("st.title / st.header / st.subheader", () => {
  it("render h1, h2 and h3 with inline Markdown", async () => {
    const nodes = await nodesOf((st) => {
      st.title("The *title*");
      st.header("A header");
      st.subheader("A `subheader`");
    });
    const [h1, h2, h3] = nodes.map(renderNode);
    expect(h1).toMatch(/^<div class="el-heading el-title"><h1 id="the-title">The <em>title<\/em>/);
    expect(h2).toContain('<h2 id="a-header">A header');
    expect(h3).toContain("<h3 id=\"a-subheader\">A <code>subheader</code>");
    expect(h1).not.toContain("<p>");
  });

  it("link to their own anchor", async () => {
    expect(await renderFirst((st) => void st.header("Results"))).toContain('<a class="el-anchor" href="#results"');
  });

  it("use a given anchor, or none with anchor: false", async () => {
    const [given, none] = (await nodesOf((st) => {
      st.header("Results", { anchor: "my-results" });
      st.header("Results", { anchor: false });
    })).map(renderNode);
    expect(given).toContain('<h2 id="my-results">');
    expect(none).toContain("<h2>Results</h2>");
  });

  it("slugs only the visible text of the Markdown", () => {
    expect(slugify("Hello, World!")).toBe("hello-world");
    expect(slugify("  Café crème  ")).toBe("cafe-creme");
    expect(slugify("Ünïcode 東京 2024")).toBe("unicode-東京-2024");
  });

  it("give the same anchor when drawn again, and none for text without letters or digits", async () => {
    const draw = () => nodesOf((st) => {
      st.header("Again *and* again");
      st.header("!!!");
      st.header("El 0 1");
    });
    for (const nodes of [await draw(), await draw()]) {
      const [again, none, reserved] = nodes.map(renderNode);
      expect(again).toContain('<h2 id="again-and-again">');
      expect(none).toContain("<h2>!!!");
      expect(reserved).toContain('id="h-el-0-1"');
    }
  });

  it("keep generated anchors out of Edgelit's el- id space", async () => {
    expect(await renderFirst((st) => void st.header("El 0 1"))).toContain('id="h-el-0-1"');
    const out = await runApp((st) => void st.header("x", { anchor: "el-seq" }));
    expect(out.status).toBe("error");
    expect(String((out.roots[0].children[0] as ElementNode).props.message)).toContain("reserves");
  });

  it("draw a divider: true is the automatic colour, a colour name its own", async () => {
    const [auto, blue, grey] = (await nodesOf((st) => {
      st.header("A", { divider: true });
      st.subheader("B", { divider: "blue" });
      st.subheader("C", { divider: "grey" });
    })).map(renderNode);
    expect(auto).toContain('<hr class="el-heading-divider el-divider-auto">');
    expect(blue).toContain("el-divider-blue");
    expect(grey).toContain("el-divider-gray");
  });

  it("refuse an unknown divider colour with Streamlit's message", async () => {
    const out = await runApp((st) => void st.header("A", { divider: "pink" as "blue" }));
    expect(out.status).toBe("error");
    expect(String((out.roots[0].children[0] as ElementNode).props.message)).toContain("Divider parameter has invalid value: `pink`");
  });

  it("show help text", async () => {
    expect(await renderFirst((st) => void st.title("T", { help: "What this is" }))).toContain('<small class="el-help">What this is</small>');
  });

  it("escape hostile text, anchors and help", async () => {
    const nodes = await nodesOf((st) => {
      for (const s of HOSTILE) {
        st.title(s, { help: s });
        st.header("x", { anchor: s });
      }
      st.subheader("[go](javascript:alert(1))");
    });
    for (const node of nodes) expect(isInert(renderNode(node))).toBe(true);
    expect(renderNode(nodes[1])).toContain('id="&lt;script&gt;alert(1)&lt;/script&gt;"');
  });
});
