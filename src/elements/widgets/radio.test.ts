import { describe, expect, it } from "vitest";
import { singleChoiceCodec, type SingleChoiceProps } from "./options";
import { errorsOf, expectRejects, expectRoundTrip, HOSTILE, isInert, mount } from "./test-support";

const props = (options: unknown[], nullable = false): SingleChoiceProps => ({ options, labels: options.map(String), nullable });

describe("radio codec", () => {
  it("maps an option index to the option value and back, objects included", () => {
    const p = props(["a", { id: 2 }, 3]);
    expect(singleChoiceCodec.parse("1", p)).toEqual({ id: 2 });
    expect(singleChoiceCodec.format({ id: 2 }, p)).toBe("1");
    for (const v of p.options) expectRoundTrip(singleChoiceCodec, p, v);
    expectRoundTrip(singleChoiceCodec, props(["a"], true), null);
  });

  it("rejects what is not an option index", () => {
    const p = props(["a", "b"]);
    for (const raw of ["2", "-1", "01", "1.0", " 1", "a", "1e0"]) expectRejects(singleChoiceCodec, p, raw, /option index \(0 to 1\)/);
    expectRejects(singleChoiceCodec, p, ["0", "1"], /2 values/);
    expectRejects(singleChoiceCodec, p, undefined, /always has an option chosen/);
    expect(singleChoiceCodec.parse(undefined, props(["a"], true))).toBeNull();
  });
});

describe("radio through the engine", () => {
  it("R30: defaults to the first option and returns the chosen one", async () => {
    const app = await mount((st) => st.radio("Genre", ["Comedy", "Drama", "Documentary"]));
    expect(app.value()).toBe("Comedy");
    expect(await app.send("2")).toBe("Documentary");
    expect(await app.reject("3")).toMatch(/Expected an option index/);
  });

  it("R30: index null returns null until something is chosen", async () => {
    const app = await mount((st) => st.radio("Genre", ["a", "b"], { index: null }));
    expect(app.value()).toBeNull();
    expect(await app.send("1")).toBe("b");
  });

  it("R30: no options gives null", async () => {
    expect((await mount((st) => st.radio("Empty", []))).value()).toBeNull();
  });

  it("R31: radio index out of range raises", async () => {
    for (const index of [2, -1, 0.5]) {
      const app = await mount((st) => st.radio("x", ["a", "b"], { index }));
      expect(errorsOf(app.out)).toEqual([{ name: "StreamlitAPIException", message: "Radio index must be between 0 and length of options" }]);
    }
  });

  it("R31: captions must match the options", async () => {
    const app = await mount((st) => st.radio("x", ["a", "b"], { captions: ["one"] }));
    expect(errorsOf(app.out)[0].message).toBe("The number of captions has to match number of options!");
  });

  it("R18: formatted options are identity, formatFunc itself is not", async () => {
    const id = async (formatFunc: (o: number) => string) => (await mount((st) => st.radio("n", [1, 2], { formatFunc }))).id();
    expect(await id((o) => `#${o}`)).toBe(await id((o) => "#" + String(o)));
    expect(await id((o) => `no. ${o}`)).not.toBe(await id((o) => `#${o}`));
  });

  it("D10: a removed option resets a keyed radio to its default", async () => {
    let options = ["a", "b", "c"];
    const app = await mount((st) => st.radio("x", options, { key: "r" }));
    await app.send("2");
    options = ["a", "b", "d"];
    expect(await app.rerun()).toBe("a");
  });

  it("R19: a keyed radio keeps its value when its options change but still hold it", async () => {
    let options = ["a", "b", "c"];
    const app = await mount((st) => st.radio("x", options, { key: "r" }));
    const id = app.id();
    await app.send("2");
    options = ["c", "a", "b"];
    expect(await app.rerun()).toBe("c");
    expect(app.id()).toBe(id);
  });

  it("R51: an option assigned through session state that is not an option raises", async () => {
    const app = await mount((st) => {
      st.sessionState.r = "zzz";
      return st.radio("x", ["a"], { key: "r" });
    });
    expect(errorsOf(app.out)[0].message).toMatch(/`st.sessionState.r` was set to "zzz", which `st.radio` cannot hold/);
  });

  it("R46: a valid option assigned through session state is returned and shown", async () => {
    const app = await mount((st) => {
      if (st.sessionState.r === undefined) st.sessionState.r = "b";
      return st.radio("x", ["a", "b"], { key: "r" });
    });
    expect(app.value()).toBe("b");
    expect(app.render()).toMatch(/value="1" checked/);
  });

  it("options must be structured-clonable", async () => {
    const app = await mount((st) => st.radio("x", [() => 1]));
    expect(errorsOf(app.out)[0].message).toMatch(/must be structured-clonable/);
  });
});

describe("radio render", () => {
  it("is a fieldset of native radios with a legend, the chosen one checked", async () => {
    const app = await mount((st) => st.radio("Genre", ["Comedy", "Drama"], { index: 1, horizontal: true, captions: ["Laughs", "Tears"], help: "Pick" }));
    const id = app.id();
    const out = app.render();
    expect(out).toContain(`<fieldset id="${id}-control" aria-describedby="${id}-help" class="el-widget el-radio el-horizontal">`);
    expect(out).toContain('<legend class="el-label">Genre</legend>');
    expect(out).toContain(`<input type="radio" id="${id}-control-0" name="${id}" value="0"> <span>Comedy</span><small class="el-caption">Laughs</small>`);
    expect(out).toContain(`<input type="radio" id="${id}-control-1" name="${id}" value="1" checked>`);
    expect(out).toContain('hx-trigger="change"');
  });

  it("escapes hostile labels, options, captions and help", async () => {
    for (const bad of HOSTILE) {
      const app = await mount((st) => st.radio(bad, [bad, "x"], { captions: [bad, bad], help: bad }));
      expect(isInert(app.render())).toBe(true);
    }
  });
});
