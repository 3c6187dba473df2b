import { describe, expect, it } from "vitest";
import { sliderCodec, type SliderProps } from "./slider";
import { errorsOf, expectRejects, expectRoundTrip, formCtx, HOSTILE, isInert, mount } from "./test-support";

const p = (over: Partial<SliderProps> = {}): SliderProps => ({ min: 0, max: 100, step: 1, integer: true, range: false, format: "%d", ...over });

describe("slider codec", () => {
  it("parses numbers within bounds, and ordered pairs for a range", () => {
    expect(sliderCodec.parse("42", p())).toBe(42);
    expect(sliderCodec.parse("0.25", p({ integer: false, max: 1 }))).toBe(0.25);
    expect(sliderCodec.parse(["10", "20"], p({ range: true }))).toEqual([10, 20]);
    expect(sliderCodec.parse(["20", "10"], p({ range: true }))).toEqual([10, 20]);
    expectRoundTrip(sliderCodec, p(), 7);
    expectRoundTrip(sliderCodec, p({ integer: false, max: 1 }), 0.1 + 0.2);
    expectRoundTrip(sliderCodec, p({ range: true }), [3, 9]);
  });

  it("rejects non-numbers, fractions of an integer slider, out-of-range values and wrong arity", () => {
    for (const raw of ["", "abc", "1,5", "0x10", "Infinity", "NaN", " 4"]) expectRejects(sliderCodec, p(), raw, /Expected a number/);
    expectRejects(sliderCodec, p(), "4.5", /whole number/);
    expectRejects(sliderCodec, p(), "101", /at most 100/);
    expectRejects(sliderCodec, p(), "-1", /at least 0/);
    expectRejects(sliderCodec, p(), ["1", "2"], /2 values/);
    expectRejects(sliderCodec, p({ range: true }), ["1"], /two numbers/);
    expectRejects(sliderCodec, p({ range: true }), ["1", "2", "3"], /two numbers/);
  });
});

describe("slider through the engine", () => {
  it("R30: is an int slider 0..100 starting at 0 by default", async () => {
    const app = await mount((st) => st.slider("x"));
    expect(app.value()).toBe(0);
    expect(app.node().props).toMatchObject({ min: 0, max: 100, step: 1, integer: true, range: false });
    expect(await app.send("42")).toBe(42);
    expect(await app.reject("42.5")).toMatch(/whole number/);
  });

  it("R30: a fractional argument makes a float slider 0..1 with step 0.01", async () => {
    const app = await mount((st) => st.slider("x", { value: 0.5 }));
    expect(app.node().props).toMatchObject({ min: 0, max: 1, step: 0.01, integer: false });
    expect(await app.send("0.75")).toBe(0.75);
  });

  it("a two-number value makes a range slider returning a pair", async () => {
    const app = await mount((st) => st.slider("Range", { minValue: 0, maxValue: 10, value: [2, 8] }));
    expect(app.value()).toEqual([2, 8]);
    expect(await app.send(["3", "5"])).toEqual([3, 5]);
    expect(await app.reject(["3"])).toMatch(/two numbers/);
  });

  it("R31: slider min_value >= max_value raises", async () => {
    const app = await mount((st) => st.slider("x", { minValue: 5, maxValue: 5 }));
    expect(errorsOf(app.out)).toEqual([
      { name: "StreamlitAPIException", message: "Slider `minValue` must be less than the `maxValue`.\nThe values were 5 and 5." },
    ]);
  });

  it("R31: a value outside the bounds raises", async () => {
    expect(errorsOf((await mount((st) => st.slider("x", { value: 150 }))).out)).toEqual([
      { name: "StreamlitValueAboveMaxError", message: "The `value` 150 is greater than the `maxValue` 100." },
    ]);
    expect(errorsOf((await mount((st) => st.slider("x", { minValue: 10, value: 5 }))).out)).toEqual([
      { name: "StreamlitValueBelowMinError", message: "The `value` 5 is less than the `minValue` 10." },
    ]);
  });

  it("R31: a step of 0, a non-number and a bad value shape raise", async () => {
    expect(errorsOf((await mount((st) => st.slider("x", { step: 0 }))).out)[0].message).toBe("Slider components cannot be passed a `step` of 0.");
    expect(errorsOf((await mount((st) => st.slider("x", { minValue: "1" as any }))).out)[0].message).toBe(
      "All numerical arguments must be of the same type.\n`minValue` has string type.",
    );
    expect(errorsOf((await mount((st) => st.slider("x", { value: [1, 2, 3] as any }))).out)[0].message).toMatch(/array of two numbers/);
  });

  it("R51: a value assigned through session state beyond maxValue raises", async () => {
    const app = await mount((st) => {
      st.sessionState.s = 10;
      return st.slider("x", { minValue: 1, maxValue: 5, key: "s" });
    });
    expect(errorsOf(app.out)).toEqual([{ name: "StreamlitValueAboveMaxError", message: "The `value` 10 is greater than the `maxValue` 5." }]);
  });

  it("R19: a keyed slider keeps its value across label changes but not across min/max/step changes", async () => {
    let label = "a";
    let max = 100;
    const app = await mount((st) => st.slider(label, { key: "s", maxValue: max }));
    await app.send("30");
    label = "b";
    expect(await app.rerun()).toBe(30);
    max = 50;
    expect(await app.rerun()).toBe(0);
  });

  it("D10: a kept value that no longer fits the shape resets (single to range under one key)", async () => {
    let value: number | [number, number] = 5;
    const app = await mount((st) => st.slider("x", { key: "s", value }));
    await app.send("7");
    value = [1, 2];
    expect(await app.rerun()).toEqual([1, 2]);
  });
});

describe("slider render", () => {
  it("is a labelled native range input with the server's value and a formatted output", async () => {
    const app = await mount((st) => st.slider("Volume", { value: 30, format: "%d%%", help: "Loudness" }));
    const id = app.id();
    const out = app.render();
    expect(out).toContain(`<label for="${id}-control" class="el-label">Volume</label>`);
    expect(out).toContain(
      `<input type="range" id="${id}-control" name="${id}" aria-describedby="${id}-help" aria-valuetext="30%" min="0" max="100" step="1" value="30">`,
    );
    expect(out).toContain(`<output class="el-slider-value" for="${id}-control">30%</output>`);
    expect(out).toContain('hx-trigger="change"');
  });

  it("draws a range as two range inputs (start, end) in a fieldset", async () => {
    const app = await mount((st) => st.slider("Price", { value: [0.25, 0.75] }));
    const id = app.id();
    const out = app.render(0, formCtx);
    expect(out).toContain('<legend class="el-label">Price</legend>');
    expect(out).toContain(`id="${id}-control" name="${id}" aria-label="Start" aria-valuetext="0.25" min="0" max="1" step="0.01" value="0.25"`);
    expect(out).toContain(`id="${id}-control-end" name="${id}" aria-label="End" aria-valuetext="0.75" min="0" max="1" step="0.01" value="0.75"`);
    expect(out).toContain("0.25 – 0.75</output>");
  });

  it("escapes hostile labels, help and format text", async () => {
    for (const bad of HOSTILE) {
      const app = await mount((st) => st.slider(bad, { help: bad, format: `%d ${bad}` }));
      expect(isInert(app.render())).toBe(true);
    }
  });
});
