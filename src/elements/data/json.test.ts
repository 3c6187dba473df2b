import { describe, expect, it } from "vitest";
import { HOSTILE, isInert, nodesOf, renderFirst, renderNode } from "../text/test-support";
import type { ElementNode } from "../types";
import { formatJson } from "./json-format";

const props = (n: unknown) => (n as ElementNode).props;

describe("st.json", () => {
  it("pretty-prints inside an open <details> by default", async () => {
    const out = await renderFirst((st) => void st.json({ a: 1, b: [true, null] }));
    expect(out).toBe(
      '<details class="el-json" open><summary>{…} 2 keys</summary><pre class="el-json-body"><code class="language-json">' +
        "{\n  &quot;a&quot;: 1,\n  &quot;b&quot;: [\n    true,\n    null\n  ]\n}</code></pre></details>",
    );
  });

  it("starts folded with expanded: false", async () => {
    const out = await renderFirst((st) => void st.json([1], { expanded: false }));
    expect(out).toMatch(/^<details class="el-json"><summary>\[…\] 1 item<\/summary>/);
  });

  it("parses a string body as JSON text, as Streamlit does", async () => {
    const [node] = await nodesOf((st) => void st.json('{"x": [1, 2]}'));
    expect(props(node).text).toBe('{\n  "x": [\n    1,\n    2\n  ]\n}');
  });

  it("shows an invalid JSON string as an error in place", async () => {
    const out = await renderFirst((st) => void st.json("{not json"));
    expect(out).toContain('class="el-alert el-error el-json-error" role="alert"');
    expect(out).toContain("{not json");
  });

  it("shows a lone scalar without folding", async () => {
    expect(await renderFirst((st) => void st.json(42))).toBe(
      '<div class="el-json"><pre class="el-json-body"><code class="language-json">42</code></pre></div>',
    );
  });

  it("stores plain, structured-clonable props", async () => {
    const [node] = await nodesOf((st) => void st.json({ f: () => 1, n: 5n }));
    expect(() => structuredClone(props(node))).not.toThrow();
  });

  it("escapes hostile keys and values", async () => {
    const nodes = await nodesOf((st) => {
      for (const s of HOSTILE) st.json({ [s]: s });
      st.json(HOSTILE[1]);
    });
    for (const node of nodes) expect(isInert(renderNode(node))).toBe(true);
  });
});

describe("formatJson", () => {
  it("prints cycles as [Circular] and repeated (acyclic) references in full", () => {
    const a: Record<string, unknown> = { name: "a" };
    a.self = a;
    const shared = { v: 1 };
    expect(formatJson(a, "")).toBe('{"name":"a","self":"[Circular]"}');
    expect(formatJson([shared, shared], "")).toBe('[{"v":1},{"v":1}]');
  });

  it("prints BigInts as exact digits", () => {
    expect(formatJson({ big: 12345678901234567890n }, "")).toBe('{"big":12345678901234567890}');
  });

  it("follows JSON for undefined, functions, symbols and non-finite numbers", () => {
    expect(formatJson({ u: undefined, f: () => 1, s: Symbol("x"), n: NaN }, "")).toBe('{"n":null}');
    expect(formatJson([undefined, () => 1, Infinity], "")).toBe("[null,null,null]");
    expect(formatJson(undefined)).toBe("null");
    expect(formatJson(new Array(2), "")).toBe("[null,null]");
  });

  it("honours toDict() and toJSON(), and shows Maps, Sets and Errors", () => {
    expect(formatJson({ toDict: () => ({ a: 1 }) }, "")).toBe('{"a":1}');
    expect(formatJson(new Date(Date.UTC(2024, 0, 1)), "")).toBe('"2024-01-01T00:00:00.000Z"');
    expect(formatJson(new Map([["k", 1]]), "")).toBe('{"k":1}');
    expect(formatJson(new Map([[{ id: 1 }, "v"]]), "")).toBe('[[{"id":1},"v"]]');
    expect(formatJson(new Set([1, 2]), "")).toBe("[1,2]");
    expect(formatJson(new TypeError("bad"), "")).toBe('{"name":"TypeError","message":"bad"}');
  });

  it("indents nested levels", () => {
    expect(formatJson({ a: { b: [] , c: {} } })).toBe('{\n  "a": {\n    "b": [],\n    "c": {}\n  }\n}');
  });
});
