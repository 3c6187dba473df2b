import { describe, expect, it } from "vitest";
import { hashString } from "../runtime/identity";
import { diffTrees, fingerprintTrees, isFingerprints, PRINT_PIECE_NODES, printPieces, printsFromPieces, type NodePrint, type RenderedNode } from "./diff";

/** A leaf. */
const leaf = (id: string, text: string): RenderedNode => ({ id, html: `<div id="${id}">${text}</div>` });

/** A block whose HTML wraps its children's HTML verbatim, as tree.ts does. */
function block(id: string, children: RenderedNode[], label = ""): RenderedNode {
  return { id, html: `<div id="${id}">${label}${children.map((c) => c.html).join("")}</div>`, children };
}

function page(count: number, options: { label?: string; extra?: boolean; sidebar?: string } = {}): RenderedNode[] {
  const inner = [leaf("el-0-1-0", "a"), leaf("el-0-1-1", `count ${count}`)];
  const main = [leaf("el-0-0", "title"), block("el-0-1", inner, options.label)];
  if (options.extra) main.push(leaf("el-0-2", "extra"));
  return [block("el-root-0", main), block("el-root-1", options.sidebar ? [leaf("el-1-0", options.sidebar)] : [])];
}

const ids = (nodes: RenderedNode[]) => nodes.map((n) => n.id);

describe("diffTrees", () => {
  it("sends nothing when nothing changed", () => {
    const previous = fingerprintTrees(page(1));
    expect(diffTrees(previous, page(1)).changed).toEqual([]);
  });

  it("prints a block of hashed leaves with its children's own array, and anything else with a new one", () => {
    const hashed = (id: string, text: string): RenderedNode => ({ ...leaf(id, text), hash: hashString(`<div id="${id}">${text}</div>`) });
    const own = [hashed("el-0-0", "a"), hashed("el-0-1", "b")];
    const mixed = [hashed("el-0-0", "a"), leaf("el-0-1", "b"), hashed("el-0-2", "c")];
    const [ownPrint, mixedPrint] = fingerprintTrees([block("el-root-0", own), block("el-root-1", mixed)]);
    expect(ownPrint.children).toBe(own);
    expect(mixedPrint.children).not.toBe(mixed);
    expect(mixedPrint.children![0]).toBe(mixed[0]);
    expect(mixedPrint.children![1]).toEqual({ id: "el-0-1", hash: hashString('<div id="el-0-1">b</div>') });
    expect(mixedPrint.children![2]).toBe(mixed[2]);
    // Either way the diff finds the one changed leaf.
    const next = [hashed("el-0-0", "a"), hashed("el-0-1", "changed")];
    expect(ids(diffTrees([ownPrint], [block("el-root-0", next)]).changed)).toEqual(["el-0-1"]);
    const nextMixed = [hashed("el-0-0", "a"), leaf("el-0-1", "b"), hashed("el-0-2", "changed")];
    expect(ids(diffTrees([mixedPrint], [block("el-root-1", nextMixed)]).changed)).toEqual(["el-0-2"]);
  });

  it("sends only the changed leaf, however deep", () => {
    const diff = diffTrees(fingerprintTrees(page(1)), page(2));
    expect(ids(diff.changed)).toEqual(["el-0-1-1"]);
    expect(diff.changed[0].html).toBe('<div id="el-0-1-1">count 2</div>');
  });

  it("sends a block whole when its own markup around the children changed", () => {
    const diff = diffTrees(fingerprintTrees(page(1)), page(1, { label: "<h2>new</h2>" }));
    expect(ids(diff.changed)).toEqual(["el-0-1"]);
  });

  it("sends a root whole when its child list changed", () => {
    expect(ids(diffTrees(fingerprintTrees(page(1)), page(2, { extra: true })).changed)).toEqual(["el-root-0"]);
    expect(ids(diffTrees(fingerprintTrees(page(1)), page(1, { sidebar: "side" })).changed)).toEqual(["el-root-1"]);
  });

  it("sends a block whole when its child ids changed but their count did not", () => {
    const before = [block("el-root-0", [block("el-0-0", [leaf("el-0-0-0", "x")])])];
    const after = [block("el-root-0", [block("el-0-0", [leaf("el-0-0-1", "x")])])];
    expect(ids(diffTrees(fingerprintTrees(before), after).changed)).toEqual(["el-0-0"]);
  });

  it("sends every root whole when the client's page is unknown", () => {
    expect(ids(diffTrees(null, page(1)).changed)).toEqual(["el-root-0", "el-root-1"]);
  });

  it("sends a block whole if it does not contain its children's HTML verbatim", () => {
    const wrapped = (text: string): RenderedNode => {
      const child = leaf("el-0-0-0", text);
      return { id: "el-0-0", html: `<div id="el-0-0"><p>${text}</p></div>`, children: [child] };
    };
    const before = [block("el-root-0", [wrapped("a")])];
    const after = [block("el-root-0", [wrapped("b")])];
    expect(ids(diffTrees(fingerprintTrees(before), after).changed)).toEqual(["el-0-0"]);
  });

  it("fingerprints every node, in the rendered tree's shape, so the next diff can start from any of them", () => {
    const prints = diffTrees(null, page(1, { sidebar: "s" })).fingerprints;
    const shape = (print: NodePrint): unknown => (print.children ? [print.id, print.children.map(shape)] : print.id);
    expect(prints.map(shape)).toEqual([
      ["el-root-0", ["el-0-0", ["el-0-1", ["el-0-1-0", "el-0-1-1"]]]],
      ["el-root-1", ["el-1-0"]],
    ]);
    expect(prints[0].children![0].shell).toBeUndefined();
    expect(structuredClone(prints)).toEqual(prints);
  });

  it("matches roots by id, whatever their order", () => {
    const previous = fingerprintTrees(page(1)).reverse();
    expect(ids(diffTrees(previous, page(2)).changed)).toEqual(["el-0-1-1"]);
  });

  it("sends a root whole when the client's page lacks it", () => {
    const previous = fingerprintTrees(page(1)).slice(0, 1);
    expect(ids(diffTrees(previous, page(1)).changed)).toEqual(["el-root-1"]);
  });

  it("diffs against fingerprints stored when a block's hash covered its children's", () => {
    const stored = fingerprintTrees(page(1)).map(function older(print: NodePrint): NodePrint {
      return print.children ? { ...print, hash: `${print.hash}+children`, children: print.children.map(older) } : print;
    });
    expect(ids(diffTrees(stored, page(2)).changed)).toEqual(["el-0-1-1"]);
    expect(diffTrees(stored, page(1)).changed).toEqual([]);
  });

  it("tells fingerprints written by this code from older stored ones", () => {
    expect(isFingerprints(fingerprintTrees(page(1)))).toBe(true);
    expect(isFingerprints(new Map([["el-root-0", { hash: "x" }]]))).toBe(false);
    expect(isFingerprints(undefined)).toBe(false);
  });
});

describe("stored fingerprint pieces", () => {
  const wide = (n: number, changed = -1): RenderedNode[] => [
    block("el-root-0", [leaf("el-0-0", "title"), block("el-0-1", Array.from({ length: n }, (_, i) => leaf(`el-0-1-${i}`, i === changed ? "new" : `row ${i}`)))]),
    block("el-root-1", []),
  ];

  it("read back as the fingerprints they were written from", () => {
    for (const roots of [page(1, { sidebar: "side" }), wide(100), wide(0), []]) {
      const prints = fingerprintTrees(roots);
      expect(printsFromPieces(printPieces(prints).texts)).toEqual(prints);
    }
  });

  it("hold a bounded number of nodes each, and a change in one node rewrites only its piece", () => {
    const first = printPieces(fingerprintTrees(wide(100)));
    const before = first.texts;
    expect(before).toHaveLength(Math.ceil(104 / PRINT_PIECE_NODES));
    for (const piece of before) expect(piece.split("\n").length).toBeLessThanOrEqual(PRINT_PIECE_NODES);
    const changed = Math.floor((3 + 70) / PRINT_PIECE_NODES);
    const after = printPieces(fingerprintTrees(wide(100, 70))).texts;
    expect(after.map((piece, i) => piece === before[i])).toEqual(before.map((_, i) => i !== changed));
    // Made against the last pieces, unchanged ones are the last text and the changed one is new text.
    const next = printPieces(fingerprintTrees(wide(100, 70)), first);
    expect(next.texts).toEqual(after);
    expect(next.texts.map((text, i) => text === first.texts[i])).toEqual(before.map((_, i) => i !== changed));
  });

  it("read as unknown (null) when they are not pieces this code wrote", () => {
    const pieces = printPieces(fingerprintTrees(wide(40))).texts;
    for (const broken of [["x"], ["el-root-0 abc 2\nel-0-0 h"], [pieces[0]], ["a b c d"], ["el-root-0 abc -1"], ["el-root-0 abc 1e3"], [""], ["a  b"]]) {
      expect(printsFromPieces(broken), JSON.stringify(broken)).toBeNull();
    }
  });
});
