import { describe, expect, it } from "vitest";
import { argumentsKey, functionKey, parameterNames } from "./cache-hash";

describe("cache-hash", () => {
  it("reads parameter names for error messages, leaving destructured ones unnamed", () => {
    expect(parameterNames((a: number, b = "x,)", ...rest: number[]) => [a, b, rest])).toEqual(["a", "b", "rest"]);
    expect(parameterNames(async function load(url: string, { retries }: { retries: number }) { return [url, retries]; })).toEqual(["url", undefined]);
    expect(parameterNames((x: number) => x)).toEqual(["x"]);
  });

  it("R142: keys depend on values and types, not on object key order", () => {
    const key = (...args: unknown[]) => argumentsKey(args, {}, "data", () => 0);
    expect(key({ a: 1, b: 2 })).toBe(key({ b: 2, a: 1 }));
    expect(key(1)).not.toBe(key("1"));
    expect(key(1n)).not.toBe(key(1));
    expect(key([1, [2]])).not.toBe(key([[1], 2]));
    expect(key(Symbol.for("s"))).toBe(key(Symbol.for("s")));
    expect(() => key(Symbol("local"))).toThrow(/Cannot hash argument 'arguments\[0\]' \(of type `symbol`\)/);
  });

  it("R142: the function key follows the source text", () => {
    expect(functionKey((x: number) => x + 1)).toBe(functionKey((x: number) => x + 1));
    expect(functionKey((x: number) => x + 1)).not.toBe(functionKey((x: number) => x + 2));
  });
});
