import { describe, expect, it } from "vitest";
import { selectSliderCodec } from "./select-slider";
import { errorsOf, expectRejects, expectRoundTrip, HOSTILE, isInert, mount } from "./test-support";

const props = (options: unknown[], range = false) => ({ options, labels: options.map(String), range });

describe("selectSlider codec", () => {
  it("maps option indices to options, ordering a range", () => {
    const p = props(["S", "M", "L"]);
    expect(selectSliderCodec.parse("1", p)).toBe("M");
    expect(selectSliderCodec.parse(["2", "0"], props(["S", "M", "L"], true))).toEqual(["S", "L"]);
    expectRoundTrip(selectSliderCodec, p, "L");
    expectRoundTrip(selectSliderCodec, props([[1], [2]], true), [[1], [2]]);
  });

  it("rejects non-indices and wrong arity", () => {
    expectRejects(selectSliderCodec, props(["S", "M"]), "2", /option index/);
    expectRejects(selectSliderCodec, props(["S", "M"]), ["0", "1"], /2 values/);
    expectRejects(selectSliderCodec, props(["S", "M"], true), "0", /two option indices/);
  });
});

describe("selectSlider through the engine", () => {
  it("R30: defaults to the first option and returns the chosen one", async () => {
    const app = await mount((st) => st.selectSlider("Size", ["S", "M", "L"]));
    expect(app.value()).toBe("S");
    expect(await app.send("2")).toBe("L");
    expect(await app.reject("3")).toMatch(/option index/);
  });

  it("a pair of options as value makes a range returning a pair", async () => {
    const app = await mount((st) => st.selectSlider("Size", ["S", "M", "L"], { value: ["L", "S"] }));
    expect(app.value()).toEqual(["S", "L"]);
    expect(await app.send(["1", "1"])).toEqual(["M", "M"]);
  });

  it("an option that is itself a pair is a single value, not a range", async () => {
    const app = await mount((st) => st.selectSlider<number[]>("Pair", [[1, 2], [3, 4]], { value: [3, 4] }));
    expect(app.value()).toEqual([3, 4]);
    expect(app.node().props.range).toBe(false);
  });

  it("R31: select_slider empty options raises", async () => {
    expect(errorsOf((await mount((st) => st.selectSlider("x", []))).out)).toEqual([
      { name: "StreamlitAPIException", message: "The `options` argument needs to be non-empty" },
    ]);
  });

  it("R31: a value that is not an option raises", async () => {
    expect(errorsOf((await mount((st) => st.selectSlider("x", ["a"], { value: "b" }))).out)[0].message).toMatch(/The `value` b is not one of the `options`/);
  });

  it("D10: a keyed selectSlider whose option disappears resets", async () => {
    let options = ["S", "M", "L"];
    const app = await mount((st) => st.selectSlider("Size", options, { key: "size" }));
    await app.send("2");
    options = ["S", "M"];
    expect(await app.rerun()).toBe("S");
  });
});

describe("selectSlider render", () => {
  it("is a native range over option indices announcing option labels", async () => {
    const app = await mount((st) => st.selectSlider("Size", ["S", "M", "L"], { value: "M", formatFunc: (s) => `size ${s}` }));
    const id = app.id();
    const out = app.render();
    expect(out).toContain(`<input type="range" id="${id}-control" name="${id}" aria-valuetext="size M" min="0" max="2" step="1" value="1">`);
    expect(out).toContain(">size M</output>");
  });

  it("escapes hostile labels and options", async () => {
    for (const bad of HOSTILE) {
      const app = await mount((st) => st.selectSlider(bad, [bad, "b"], { value: [bad, "b"], help: bad }));
      expect(isInert(app.render())).toBe(true);
    }
  });
});
