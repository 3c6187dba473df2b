import { describe, expect, it } from "vitest";
import { multiselectCodec } from "./multiselect";
import { errorsOf, expectRejects, expectRoundTrip, HOSTILE, isInert, mount } from "./test-support";

const props = (options: unknown[], maxSelections: number | null = null) => ({
  options,
  labels: options.map(String),
  maxSelections,
  placeholder: "",
});

describe("multiselect codec", () => {
  it("maps repeated option indices to option values, in the order sent", () => {
    const p = props(["a", "b", { c: 1 }]);
    expect(multiselectCodec.parse(["2", "0"], p)).toEqual([{ c: 1 }, "a"]);
    expect(multiselectCodec.parse("1", p)).toEqual(["b"]);
    expect(multiselectCodec.parse(undefined, p)).toEqual([]);
    expectRoundTrip(multiselectCodec, p, []);
    expectRoundTrip(multiselectCodec, p, ["b", { c: 1 }]);
  });

  it("rejects non-indices, repeats and too many choices", () => {
    const p = props(["a", "b", "c"], 2);
    expectRejects(multiselectCodec, p, ["0", "3"], /option index/);
    expectRejects(multiselectCodec, p, ["1", "1"], /repeated/);
    expectRejects(multiselectCodec, p, ["0", "1", "2"], /At most 2 options/);
  });
});

describe("multiselect through the engine", () => {
  it("R30: defaults to no choice and returns the chosen options", async () => {
    const app = await mount((st) => st.multiselect("Tags", ["x", "y", "z"]));
    expect(app.value()).toEqual([]);
    expect(await app.send(["0", "2"])).toEqual(["x", "z"]);
    expect(await app.send(undefined)).toEqual([]);
    expect(await app.reject(["0", "0"])).toMatch(/repeated/);
  });

  it("R28: mutating the returned list does not change the stored value (else the push would pile up)", async () => {
    const app = await mount((st) => {
      const tags = st.multiselect("Tags", ["x", "y"], { default: ["x"] });
      tags.push("mutated");
      return tags;
    });
    expect(await app.rerun()).toEqual(["x", "mutated"]);
  });

  it("accepts a single option as default", async () => {
    expect((await mount((st) => st.multiselect("Tags", ["x", "y"], { default: "y" }))).value()).toEqual(["y"]);
  });

  it("R31: a default that is not an option raises", async () => {
    const app = await mount((st) => st.multiselect("Tags", ["x"], { default: ["q"] }));
    expect(errorsOf(app.out)[0].message).toMatch(/^The default value 'q' is not part of the options/);
  });

  it("R51: more defaults than maxSelections raises SelectionCountExceedsMaxError", async () => {
    const app = await mount((st) => st.multiselect("Tags", ["a", "b", "c", "d"], { default: ["a", "b", "c"], maxSelections: 2 }));
    expect(errorsOf(app.out)).toEqual([
      {
        name: "StreamlitSelectionCountExceedsMaxError",
        message:
          "Multiselect has 3 options selected but `maxSelections` is set to 2. This happened because you either gave too many " +
          "options to `default` or you manipulated the widget's state through `st.sessionState`. Note that the latter can " +
          "happen before the line indicated in the traceback. Please select at most 2 options.",
      },
    ]);
  });

  it("R51: too many options assigned through session state raise at the widget call", async () => {
    const app = await mount((st) => {
      st.sessionState.tags = ["a", "b"];
      return st.multiselect("Tags", ["a", "b"], { key: "tags", maxSelections: 1 });
    });
    expect(errorsOf(app.out)[0]).toEqual({ name: "StreamlitSelectionCountExceedsMaxError", message: expect.stringMatching(/^Multiselect has 2 options selected/) });
  });

  it("D10: a keyed multiselect whose chosen option disappears resets to its default", async () => {
    let options = ["a", "b", "c"];
    const app = await mount((st) => st.multiselect("Tags", options, { key: "t", default: ["a"] }));
    expect(await app.send(["1", "2"])).toEqual(["b", "c"]);
    options = ["a", "b"];
    expect(await app.rerun()).toEqual(["a"]);
  });

  it("R19: maxSelections stays in a keyed multiselect's identity", async () => {
    let max = 2;
    const app = await mount((st) => st.multiselect("Tags", ["a", "b"], { key: "t", maxSelections: max }));
    const id = app.id();
    max = 1;
    await app.rerun();
    expect(app.id()).not.toBe(id);
  });

  it("rejects a post over maxSelections", async () => {
    const app = await mount((st) => st.multiselect("Tags", ["a", "b", "c"], { maxSelections: 1 }));
    expect(await app.reject(["0", "1"])).toMatch(/At most 1 options/);
  });
});

describe("multiselect render", () => {
  it("is a labelled native multiple select with the chosen options selected", async () => {
    const app = await mount((st) => st.multiselect("Tags", ["x", "y", "z"], { default: ["x", "z"] }));
    const id = app.id();
    expect(app.render()).toContain(
      `<select id="${id}-control" name="${id}" multiple size="3"><option value="0" selected>x</option><option value="1">y</option><option value="2" selected>z</option></select>`,
    );
  });

  it("escapes hostile labels, options, help and placeholder", async () => {
    for (const bad of HOSTILE) {
      const app = await mount((st) => st.multiselect(bad, [bad], { help: bad, placeholder: bad }));
      expect(isInert(app.render())).toBe(true);
    }
  });
});
