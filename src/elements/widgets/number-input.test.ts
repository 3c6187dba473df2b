import { describe, expect, it } from "vitest";
import { numberInputCodec } from "./number-input";
import { errorsOf, expectRejects, expectRoundTrip, HOSTILE, isInert, mount } from "./test-support";

const p = (over = {}) => ({ min: null, max: null, step: 1, integer: true, nullable: false, format: "%d", placeholder: null, ...over });

describe("numberInput codec", () => {
  it("parses what a browser's number input posts", () => {
    expect(numberInputCodec.parse("-12", p())).toBe(-12);
    expect(numberInputCodec.parse("1e3", p())).toBe(1000);
    expect(numberInputCodec.parse(".5", p({ integer: false }))).toBe(0.5);
    expect(numberInputCodec.parse("", p({ nullable: true }))).toBeNull();
    expectRoundTrip(numberInputCodec, p(), 7);
    expectRoundTrip(numberInputCodec, p({ integer: false }), 1e21);
    expectRoundTrip(numberInputCodec, p({ nullable: true }), null);
  });

  it("rejects text, fractions of an integer input, unsafe integers, bounds and emptiness", () => {
    expectRejects(numberInputCodec, p(), "twelve", /Expected a number/);
    expectRejects(numberInputCodec, p(), "1.5", /whole number/);
    expectRejects(numberInputCodec, p(), "9007199254740993", /whole number/);
    expectRejects(numberInputCodec, p({ min: 0 }), "-1", /at least 0/);
    expectRejects(numberInputCodec, p({ max: 9 }), "10", /at most 9/);
    expectRejects(numberInputCodec, p(), "", /cannot be empty/);
    expectRejects(numberInputCodec, p(), undefined, /no value/);
  });
});

describe("numberInput through the engine", () => {
  it("R30: no numeric argument gives a float input at 0 with step 0.01", async () => {
    const app = await mount((st) => st.numberInput("x"));
    expect(app.value()).toBe(0);
    expect(app.node().props).toMatchObject({ integer: false, step: 0.01, format: "%0.2f" });
    expect(await app.send("2.5")).toBe(2.5);
  });

  it("R30: integer arguments make an integer input starting at minValue", async () => {
    const app = await mount((st) => st.numberInput("Quantity", { minValue: 1, maxValue: 10 }));
    expect(app.value()).toBe(1);
    expect(app.node().props).toMatchObject({ integer: true, step: 1 });
    expect(await app.send("4")).toBe(4);
    expect(await app.reject("4.5")).toMatch(/whole number/);
    expect(await app.reject("11")).toMatch(/at most 10/);
  });

  it("R30: a fractional format asks for a float input with whole-number bounds", async () => {
    const app = await mount((st) => st.numberInput("Price", { minValue: 0, format: "%0.2f" }));
    expect(app.node().props.integer).toBe(false);
    expect(await app.send("9.99")).toBe(9.99);
  });

  it("R30: value null returns null until a number is typed, and again when cleared", async () => {
    const app = await mount((st) => st.numberInput("x", { value: null, placeholder: "Type a number" }));
    expect(app.value()).toBeNull();
    expect(await app.send("3")).toBe(3);
    expect(await app.send("")).toBeNull();
  });

  it("R31: numerical arguments of different types raise", async () => {
    const app = await mount((st) => st.numberInput("x", { value: 1, minValue: "0" as any }));
    expect(errorsOf(app.out)[0]).toEqual({
      name: "StreamlitAPIException",
      message: "All numerical arguments must be of the same type.\n`value` has number type.\n`minValue` has string type.",
    });
  });

  it("R31: value < min raises", async () => {
    expect(errorsOf((await mount((st) => st.numberInput("x", { minValue: 5, value: 2 }))).out)).toEqual([
      { name: "StreamlitValueBelowMinError", message: "The `value` 2 is less than the `minValue` 5." },
    ]);
    expect(errorsOf((await mount((st) => st.numberInput("x", { maxValue: 5, value: 7.5 }))).out)[0].message).toBe(
      "The `value` 7.5 is greater than the `maxValue` 5.",
    );
  });

  it("R31: an invalid format raises", async () => {
    expect(errorsOf((await mount((st) => st.numberInput("x", { format: "%q" }))).out)[0].message).toMatch(/^Format string for `st.numberInput` contains invalid characters: %q/);
  });

  it("D10: a kept value outside new bounds resets a keyed input; one inside is kept", async () => {
    let max = 100;
    const app = await mount((st) => st.numberInput("x", { key: "n", minValue: 0, maxValue: max }));
    await app.send("40");
    max = 50;
    expect(await app.rerun()).toBe(40);
    max = 30;
    expect(await app.rerun()).toBe(0);
  });
});

describe("numberInput render", () => {
  it("is a labelled native number input with bounds, step and the server's value", async () => {
    const app = await mount((st) => st.numberInput("Quantity", { minValue: 1, maxValue: 10, value: 3, help: "How many" }));
    const id = app.id();
    const out = app.render();
    expect(out).toContain(`<label for="${id}-control" class="el-label">Quantity</label>`);
    expect(out).toContain(
      `<input type="number" id="${id}-control" name="${id}" aria-describedby="${id}-help" value="3" min="1" max="10" step="1" required inputmode="numeric">`,
    );
    expect(out).toContain('hx-trigger="submit, change"');
  });

  it("uses step=any when the value is off the step grid, so the browser still submits it", async () => {
    const app = await mount((st) => st.numberInput("x", { minValue: 0, value: 0.5, step: 1 }));
    expect(app.render()).toContain('step="any"');
  });

  it("an empty nullable input is not required and shows its placeholder", async () => {
    const out = (await mount((st) => st.numberInput("x", { value: null, placeholder: "Type" }))).render();
    expect(out).toContain('value="" step="0.01" placeholder="Type" inputmode="decimal">');
  });

  it("escapes hostile labels, help and placeholder", async () => {
    for (const bad of HOSTILE) {
      expect(isInert((await mount((st) => st.numberInput(bad, { help: bad, placeholder: bad }))).render())).toBe(true);
    }
  });
});
