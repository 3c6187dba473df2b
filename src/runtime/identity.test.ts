// Widget identity (SEMANTICS D9) is stored: ids and hashes must not move between versions, and
// stableStringify's direct path for plain data must write exactly what its replacer defines.
import { describe, expect, it } from "vitest";
import { base36, computeWidgetId, hashStable, hashString, stableReplacer, stableStringify } from "./identity";

/** The text stableStringify is defined by. */
const reference = (value: unknown) => JSON.stringify(value, stableReplacer);

const hostile = ["", "a\u0000b", 'quote " and \\ backslash', "</script><!--", "é😀", "\ud800 lone", "line\nbreak\t", "__undefined", "__proto__"];

/** Plain data of every shape the direct path takes, from a seeded generator. */
function plainValue(next: () => number, depth: number): unknown {
  const pick = Math.floor(next() * (depth > 3 ? 6 : 9));
  switch (pick) {
    case 0: return hostile[Math.floor(next() * hostile.length)];
    case 1: return Math.floor(next() * 2000) - 1000;
    case 2: return [0.1, -0, 1e21, 5e-324, -1.5, Number.MAX_SAFE_INTEGER][Math.floor(next() * 6)];
    case 3: return next() < 0.5;
    case 4: return null;
    case 5: return undefined;
    case 6: return Array.from({ length: Math.floor(next() * 4) }, () => plainValue(next, depth + 1));
    default: {
      const object: Record<string, unknown> = {};
      for (let i = Math.floor(next() * 5); i > 0; i--) object[["b", "a", "Z", "é", "key with space", "_", "aa"][Math.floor(next() * 7)]] = plainValue(next, depth + 1);
      return object;
    }
  }
}

function seeded(seed: number): () => number {
  return () => ((seed = Math.imul(seed ^ (seed >>> 15), 2246822507) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

describe("identity", () => {
  it("D9: hashes and widget ids are those earlier versions stored", () => {
    // Computed with the implementation before issue 7's direct paths.
    expect(["", "a", "hello world", "\u0000é😀\ud800", "x".repeat(1000)].map((text) => hashString(text))).toEqual(["wvjl67o803", "262p94epp1d", "w38l36pd04", "38mvgbo5a0", "21ded0ooxff"]);
    expect(hashString("hello world", 7)).toBe("1mqzk6z1kwq");
    expect(computeWidgetId({ type: "slider", params: ["Size", { min: 0, max: 10, b: [1, undefined, null], a: "z" }], page: "/", root: 0 })).toBe("w2di4v7l4jj");
    expect(computeWidgetId({ type: "textInput", key: "name", params: [], keyedParams: [1], page: "/p", root: 1 })).toBe("wsbksvb0sa4");
  });

  it("writes plain data exactly as its replacer defines, key order aside", () => {
    const next = seeded(42);
    for (let i = 0; i < 2000; i++) {
      const value = plainValue(next, 0);
      expect(stableStringify(value)).toBe(reference(value));
    }
    expect(stableStringify({ b: 1, a: { d: [undefined], c: NaN } })).toBe('{"a":{"c":"__num:NaN","d":["__undefined"]},"b":1}');
    expect(stableStringify({ b: 1, a: 2 })).toBe(stableStringify({ a: 2, b: 1 }));
  });

  it("leaves what plain data is not to the replacer, with the same text as before", () => {
    class Point {
      constructor(readonly y: number, readonly x: number) {}
    }
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const values: unknown[] = [
      { 10: "ten", 9: "nine", b: 1 }, // array-index keys: JSON orders them first
      JSON.parse('{"__proto__": {"x": 1}, "a": 2}'),
      new Date(0),
      { when: new Date(0) },
      new Map([["k", [1, 2]]]),
      new Set(["a"]),
      [1n, () => 1, Infinity, -Infinity],
      { toJSON: () => "custom" },
      new Point(1, 2),
      Object.assign(Object.create(null), { b: 1, a: 2 }),
      [Symbol.for("s")],
    ];
    for (const value of values) expect(stableStringify(value)).toBe(reference(value));
    // The replacer's sorted copies hide the cycle from JSON: it recurses until the stack overflows.
    expect(() => reference(cyclic)).toThrow(RangeError);
    expect(() => stableStringify(cyclic)).toThrow(RangeError);
    let deep: unknown = "leaf";
    for (let i = 0; i < 100; i++) deep = { d: deep };
    expect(stableStringify(deep)).toBe(reference(deep));
  });

  it("hashes plain data as it walks it to the hash of its stable text, and anything else through the replacer", () => {
    const next = seeded(9);
    for (let i = 0; i < 2000; i++) {
      const value = plainValue(next, 0);
      expect(hashStable(value)).toBe(hashString(stableStringify(value)));
    }
    class Point {
      constructor(readonly y: number, readonly x: number) {}
    }
    const others: unknown[] = [{ 10: "ten", b: 1 }, JSON.parse('{"__proto__": {"x": 1}}'), new Date(0), ["a", new Map([["k", 1]])], { p: new Point(1, 2) }, [Infinity, 1n], { toJSON: () => "c" }];
    for (const value of others) expect(hashStable(value)).toBe(hashString(reference(value)));
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => hashStable(cyclic)).toThrow(RangeError);
  });

  it("writes hashes in base 36 as Number#toString(36) does", () => {
    const next = seeded(7);
    const samples = [0, 1, 35, 36, 2 ** 32 - 1, 2 ** 32, 2 ** 53 - 1, ...Array.from({ length: 2000 }, () => Math.floor(next() * 2 ** 21) * 2 ** 32 + Math.floor(next() * 2 ** 32))];
    for (const n of samples) expect(base36(n)).toBe(n.toString(36));
  });
});
