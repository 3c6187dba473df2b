import { describe, expect, it } from "vitest";
import { colorPickerCodec } from "./color-picker";
import { errorsOf, expectRejects, expectRoundTrip, HOSTILE, isInert, mount } from "./test-support";

describe("colorPicker codec", () => {
  it("accepts #rrggbb and lowers its case", () => {
    expect(colorPickerCodec.parse("#00FFaa", {})).toBe("#00ffaa");
    expectRoundTrip(colorPickerCodec, {}, "#123abc");
  });

  it("rejects other colour syntaxes", () => {
    for (const raw of ["#fff", "00ffaa", "red", "#00ffaa00", ""]) expectRejects(colorPickerCodec, {}, raw, /#rrggbb/);
  });
});

describe("colorPicker through the engine", () => {
  it('R30: defaults to "#000000" and returns lowercase hex', async () => {
    const app = await mount((st) => st.colorPicker("Colour"));
    expect(app.value()).toBe("#000000");
    expect(await app.send("#FF8800")).toBe("#ff8800");
    expect(await app.reject("orange")).toMatch(/#rrggbb/);
  });

  it("normalises a short or upper-case default", async () => {
    expect((await mount((st) => st.colorPicker("c", { value: "#ABC" }))).value()).toBe("#aabbcc");
  });

  it("R31: an invalid colour raises Streamlit's message", async () => {
    expect(errorsOf((await mount((st) => st.colorPicker("c", { value: "blue" }))).out)[0].message).toBe(
      "'blue' is not a valid hex code for colors. Valid ones are like '#00FFAA' or '#000'.",
    );
  });
});

describe("colorPicker render", () => {
  it("is a labelled native colour input with the server's value", async () => {
    const app = await mount((st) => st.colorPicker("Colour", { value: "#00f900" }));
    const id = app.id();
    expect(app.render()).toContain(`<label for="${id}-control" class="el-label">Colour</label><input type="color" id="${id}-control" name="${id}" value="#00f900">`);
  });

  it("escapes hostile labels and help", async () => {
    for (const bad of HOSTILE) expect(isInert((await mount((st) => st.colorPicker(bad, { help: bad }))).render())).toBe(true);
  });
});
