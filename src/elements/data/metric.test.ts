import { describe, expect, it } from "vitest";
import { HOSTILE, isInert, nodesOf, renderFirst, renderNode, runApp } from "../text/test-support";
import type { ElementNode } from "../types";

describe("st.metric", () => {
  it("shows a label, a value and an upward green delta", async () => {
    const out = await renderFirst((st) => void st.metric("Temperature", "70 °F", { delta: "1.2 °F" }));
    expect(out).toBe(
      '<div class="el-metric"><div class="el-metric-label">Temperature</div><div class="el-metric-value">70 °F</div>' +
        '<div class="el-metric-delta el-delta-up el-delta-green"><span class="el-delta-arrow" aria-hidden="true">↑</span> 1.2 °F</div></div>',
    );
  });

  it("formats numbers plainly and a missing value as a dash", async () => {
    const nodes = await nodesOf((st) => {
      st.metric("A", 1234.5);
      st.metric("B", null);
      st.metric("C", 10n);
    });
    expect(nodes.map((n) => (n as ElementNode).props.value)).toEqual(["1234.5", "—", "10"]);
  });

  it("reads the direction from the delta's sign; zero counts as up, as in Streamlit", async () => {
    const [down, zero, text] = (await nodesOf((st) => {
      st.metric("A", 1, { delta: -5 });
      st.metric("B", 1, { delta: 0 });
      st.metric("C", 1, { delta: "-8%" });
    })).map(renderNode);
    expect(down).toContain("el-delta-down el-delta-red");
    expect(down).toContain("↓</span> -5</div>");
    expect(zero).toContain("el-delta-up el-delta-green");
    expect(text).toContain("el-delta-down el-delta-red");
  });

  it("maps deltaColor inverse and off", async () => {
    const [inverseUp, inverseDown, off] = (await nodesOf((st) => {
      st.metric("A", 1, { delta: 2, deltaColor: "inverse" });
      st.metric("B", 1, { delta: -2, deltaColor: "inverse" });
      st.metric("C", 1, { delta: -2, deltaColor: "off" });
    })).map(renderNode);
    expect(inverseUp).toContain("el-delta-up el-delta-red");
    expect(inverseDown).toContain("el-delta-down el-delta-green");
    expect(off).toContain("el-delta-down el-delta-gray");
  });

  it("refuses an unknown deltaColor with Streamlit's message", async () => {
    const out = await runApp((st) => void st.metric("A", 1, { delta: 1, deltaColor: "blue" as "off" }));
    expect(out.status).toBe("error");
    expect((out.roots[0].children[0] as ElementNode).props.message).toContain("'blue' is not an accepted value");
  });

  it("hides the label for screen readers only, adds help and a border", async () => {
    const out = await renderFirst((st) => void st.metric("Sales", 3, { labelVisibility: "collapsed", help: "Units", border: true }));
    expect(out).toContain('<div class="el-metric el-metric-border">');
    expect(out).toContain('class="el-metric-label el-sr-only el-label-collapsed"');
    expect(out).toContain('<small class="el-help">Units</small>');
  });

  it("escapes hostile label, value, delta and help", async () => {
    const nodes = await nodesOf((st) => {
      for (const s of HOSTILE) st.metric(s, s, { delta: s, help: s });
      st.metric("[x](javascript:alert(1))", 1);
    });
    for (const node of nodes) expect(isInert(renderNode(node))).toBe(true);
  });
});
