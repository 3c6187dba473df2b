import { describe, expect, it } from "vitest";
import { HOSTILE, isInert, nodesOf, renderFirst, renderNode, runApp } from "../text/test-support";
import type { ElementNode } from "../types";

const props = (n: unknown) => (n as ElementNode).props;

describe("st.table", () => {
  it("renders an array of objects with the column union in first-seen order and a 0…n-1 index", async () => {
    const [node] = await nodesOf((st) => void st.table([{ a: 1, b: "x" }, { c: true, a: 2 }]));
    expect(props(node)).toEqual({
      columns: ["a", "b", "c"],
      index: ["0", "1"],
      rows: [["1", "x", ""], ["2", "", "true"]],
      numeric: [true, false, false],
    });
  });

  it("renders <thead> and <tbody> with an index column", async () => {
    const out = await renderFirst((st) => void st.table([{ n: 1 }]));
    expect(out).toBe(
      '<div class="el-table"><table><thead><tr><td class="el-index"></td><th scope="col" class="el-num">n</th></tr></thead>' +
        '<tbody><tr><th class="el-index" scope="row">0</th><td class="el-num">1</td></tr></tbody></table></div>',
    );
  });

  it("takes an array of arrays (columns 0…k-1) and an array of scalars (one column)", async () => {
    const [rows, scalars] = await nodesOf((st) => {
      st.table([[1, 2], [3]]);
      st.table(["a", "b"]);
    });
    expect(props(rows)).toMatchObject({ columns: ["0", "1"], rows: [["1", "2"], ["3", ""]] });
    expect(props(scalars)).toMatchObject({ columns: ["0"], index: ["0", "1"], rows: [["a"], ["b"]] });
  });

  it("takes an object of arrays as columns, padding short ones", async () => {
    const [node] = await nodesOf((st) => void st.table({ name: ["Ada", "Alan"], age: [36] }));
    expect(props(node)).toMatchObject({ columns: ["name", "age"], index: ["0", "1"], rows: [["Ada", "36"], ["Alan", ""]] });
  });

  it("shows other objects, Maps and st.sessionState as key/value rows", async () => {
    const [record, map, state] = await nodesOf((st) => {
      st.sessionState.count = 1;
      st.table({ a: 1, b: [2] });
      st.table(new Map([["k", "v"]]));
      st.table(st.sessionState);
    });
    expect(props(record)).toMatchObject({ columns: ["value"], index: ["a", "b"], rows: [["1"], ["[2]"]] });
    expect(props(map)).toMatchObject({ index: ["k"], rows: [["v"]] });
    expect(props(state)).toMatchObject({ index: ["count"], rows: [["1"]] });
  });

  it("formats cells: null blank, objects as compact JSON, dates as ISO", async () => {
    const [node] = await nodesOf((st) => void st.table([{ n: null, o: { x: [1] }, d: new Date(Date.UTC(2024, 5, 1)), b: 2n }]));
    expect(props(node).rows).toEqual([["", '{"x":[1]}', "2024-06-01T00:00:00.000Z", "2"]]);
  });

  it("refuses a value that is not tabular, with an example", async () => {
    const out = await runApp((st) => void st.table("abc"));
    expect(out.status).toBe("error");
    expect(props(out.roots[0].children[0]).message).toContain("cannot show a string");
  });

  it("escapes hostile column names, cells and index labels", async () => {
    const nodes = await nodesOf((st) => {
      st.table(HOSTILE.map((s) => ({ [s]: s })));
      st.table(Object.fromEntries(HOSTILE.map((s) => [s, s])));
    });
    for (const node of nodes) expect(isInert(renderNode(node))).toBe(true);
  });
});
