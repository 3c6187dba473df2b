import { describe, expect, it } from "vitest";
import type { ElementNode } from "../types";
import { HOSTILE, isInert, nodesOf, renderNode, runApp } from "./test-support";
import { inlineCode } from "./write";

const leaf = (n: unknown) => n as ElementNode;

describe("st.write", () => {
  it("R115: a single string behaves like st.markdown", async () => {
    const [node] = await nodesOf((st) => void st.write("Hello, *World!*"));
    expect(node.type).toBe("markdown");
    expect(renderNode(node)).toContain("<em>World!</em>");
  });

  it("R115: consecutive strings join with one space into one Markdown element", async () => {
    const nodes = await nodesOf((st) => void st.write("a", "b", "c"));
    expect(nodes).toHaveLength(1);
    expect(leaf(nodes[0]).props.body).toBe("a b c");
  });

  it("R115: numbers and booleans join the text as inline code, as Streamlit's str() fallback does", async () => {
    const nodes = await nodesOf((st) => void st.write("Count =", 3, true, 10n, 1.5));
    expect(nodes).toHaveLength(1);
    expect(leaf(nodes[0]).props.body).toBe("Count = `3` `true` `10` `1.5`");
    expect(renderNode(nodes[0])).toContain("Count = <code>3</code>");
  });

  it("null and undefined show as inline code", async () => {
    const nodes = await nodesOf((st) => void st.write(null, undefined));
    expect(leaf(nodes[0]).props.body).toBe("`null` `undefined`");
  });

  it("a Date shows as its ISO time in inline code", async () => {
    const nodes = await nodesOf((st) => void st.write(new Date(Date.UTC(2024, 0, 2))));
    expect(leaf(nodes[0]).props.body).toBe("`2024-01-02T00:00:00.000Z`");
  });

  it("R115: objects and arrays become st.json and flush the text buffer around them", async () => {
    const nodes = await nodesOf((st) => void st.write("before", { x: 1 }, [1, 2], "after"));
    expect(nodes.map((n) => n.type)).toEqual(["markdown", "json", "json", "markdown"]);
    expect(leaf(nodes[1]).props.text).toBe('{\n  "x": 1\n}');
  });

  it("R115: an Error becomes st.exception", async () => {
    const nodes = await nodesOf((st) => void st.write("Oops:", new RangeError("too big")));
    expect(nodes.map((n) => n.type)).toEqual(["markdown", "exception"]);
    expect(leaf(nodes[1]).props).toMatchObject({ name: "RangeError", message: "too big" });
  });

  it("st.sessionState is written as the JSON of its toDict()", async () => {
    const nodes = await nodesOf((st) => {
      st.sessionState.count = 2;
      st.write(st.sessionState);
    });
    expect(nodes[0].type).toBe("json");
    expect(leaf(nodes[0]).props.text).toBe('{\n  "count": 2\n}');
  });

  it("a Promise is refused with a hint to await it", async () => {
    const out = await runApp((st) => void st.write(Promise.resolve(1)));
    expect(out.status).toBe("error");
    expect(String(leaf(out.roots[0].children[0]).props.message)).toContain("forget `await`");
  });

  it("R107: write with two args into a placeholder raises", async () => {
    const out = await runApp((st) => {
      const placeholder = st.text("waiting");
      placeholder.write("Chart:", { a: 1 });
    });
    expect(out.status).toBe("error");
    const [kept, box] = out.roots[0].children.map(leaf);
    expect(kept.type).toBe("text");
    expect(box.type).toBe("exception");
    expect(box.props.message).toContain("Cannot replace a single element with multiple elements.");
  });

  it("R107: st.write with two elements inside `placeholder.with` raises too", async () => {
    const out = await runApp((st) => {
      const placeholder = st.empty();
      placeholder.with(() => st.write("a", [1]));
    });
    expect(out.status).toBe("error");
    // The error box is drawn where the error happened: in the placeholder.
    const [box] = out.roots[0].children.map(leaf);
    expect(box.type).toBe("exception");
    expect(box.props.message).toContain("Cannot replace a single element with multiple elements.");
  });

  it("R107: text and numbers that make one element may replace a placeholder", async () => {
    const nodes = await nodesOf((st) => {
      const placeholder = st.text("waiting");
      placeholder.write("Count =", 5);
    });
    expect(nodes).toHaveLength(1);
    expect(leaf(nodes[0]).props.body).toBe("Count = `5`");
  });

  it("R107: several elements are fine in the sidebar and in containers", async () => {
    const out = await runApp((st) => void st.sidebar.write("a", { b: 1 }));
    expect(out.roots[1].children.map((n) => n.type)).toEqual(["markdown", "json"]);
  });

  it("R106: returns the position of the last element, which later calls replace", async () => {
    const nodes = await nodesOf((st) => {
      const last = st.write("a", { b: 1 });
      last.markdown("replaced");
    });
    expect(nodes.map((n) => n.type)).toEqual(["markdown", "markdown"]);
    expect(leaf(nodes[1]).props.body).toBe("replaced");
  });

  it("writes nothing without arguments", async () => {
    expect(await nodesOf((st) => void st.write())).toHaveLength(0);
  });

  it("takes a last { unsafeAllowHtml } argument as options", async () => {
    const nodes = await nodesOf((st) => {
      st.write("<b>bold</b>", { unsafeAllowHtml: true });
      st.write("<b>bold</b>");
    });
    expect(nodes).toHaveLength(2);
    expect(renderNode(nodes[0])).toContain("<b>bold</b>");
    expect(renderNode(nodes[1])).toContain("&lt;b&gt;bold&lt;/b&gt;");
  });

  it("a lone { unsafeAllowHtml } object is data, not options", async () => {
    const [node] = await nodesOf((st) => void st.write({ unsafeAllowHtml: true }));
    expect(node.type).toBe("json");
  });

  it("escapes hostile strings and refuses javascript: links", async () => {
    const nodes = await nodesOf((st) => {
      for (const s of HOSTILE) st.write(s, s);
      st.write("[click](javascript:alert(1))");
      st.write({ [HOSTILE[0]]: HOSTILE[1] });
      st.write(new Error(HOSTILE[0]));
    });
    for (const node of nodes) expect(isInert(renderNode(node))).toBe(true);
    expect(renderNode(nodes[2])).not.toContain("<a");
  });
});

describe("inlineCode", () => {
  it("fences with more backticks than the text holds, padding a leading or trailing backtick", () => {
    expect(inlineCode("a")).toBe("`a`");
    expect(inlineCode("a`b")).toBe("``a`b``");
    expect(inlineCode("`x")).toBe("`` `x ``");
    expect(inlineCode(" a ")).toBe("`  a  `");
  });
});
