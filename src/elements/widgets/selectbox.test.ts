import { describe, expect, it } from "vitest";
import { errorsOf, formCtx, HOSTILE, isInert, mount } from "./test-support";

describe("selectbox through the engine", () => {
  it("R30: defaults to the first option and returns the chosen option value", async () => {
    const cities = [{ id: 1, name: "Oslo" }, { id: 2, name: "Lima" }];
    const app = await mount((st) => st.selectbox("City", cities, { formatFunc: (c) => c.name }));
    expect(app.value()).toEqual(cities[0]);
    expect(await app.send("1")).toEqual({ id: 2, name: "Lima" });
    expect(app.node().props.labels).toEqual(["Oslo", "Lima"]);
  });

  it("R30: index null returns null; the empty placeholder option posts back null", async () => {
    const app = await mount((st) => st.selectbox("City", ["Oslo", "Lima"], { index: null }));
    expect(app.value()).toBeNull();
    expect(await app.send("0")).toBe("Oslo");
    expect(await app.send("")).toBeNull();
  });

  it("rejects indices out of range, non-indices, repeated fields, and an empty value when not nullable", async () => {
    const app = await mount((st) => st.selectbox("City", ["Oslo", "Lima"]));
    expect(await app.reject("2")).toMatch(/option index \(0 to 1\)/);
    expect(await app.reject("x")).toMatch(/option index/);
    expect(await app.reject(["0", "1"])).toMatch(/one value/);
    expect(await app.reject("")).toMatch(/always has an option chosen/);
  });

  it("R31: selectbox index out of range raises", async () => {
    const app = await mount((st) => st.selectbox("x", ["a"], { index: 1 }));
    expect(errorsOf(app.out)).toEqual([
      { name: "StreamlitAPIException", message: "Selectbox index must be greater than or equal to 0 and less than the length of options." },
    ]);
  });

  it("D10: a removed option resets a keyed selectbox", async () => {
    let options = ["a", "b", "c"];
    const app = await mount((st) => st.selectbox("x", options, { key: "s", index: 1 }));
    expect(await app.send("2")).toBe("c");
    options = ["a", "b"];
    expect(await app.rerun()).toBe("b");
  });

  it("R19: a keyed selectbox keeps its id and value when label and options change", async () => {
    let label = "x";
    let options = ["a", "b"];
    const app = await mount((st) => st.selectbox(label, options, { key: "s" }));
    const id = app.id();
    await app.send("1");
    label = "y";
    options = ["b", "c"];
    expect(await app.rerun()).toBe("b");
    expect(app.id()).toBe(id);
  });

  it("R18: a keyless selectbox with other options is a new widget", async () => {
    let options = ["a", "b"];
    const app = await mount((st) => st.selectbox("x", options));
    const id = app.id();
    await app.send("1");
    options = ["a", "b", "c"];
    expect(await app.rerun()).toBe("a");
    expect(app.id()).not.toBe(id);
  });

  it("R58: onChange fires with its args when the choice changes", async () => {
    const seen: unknown[] = [];
    const app = await mount((st) => st.selectbox("x", ["a", "b"], { onChange: (tag: string) => seen.push(tag), args: ["changed"] }));
    await app.send("0");
    await app.send("1");
    expect(seen).toEqual(["changed"]);
  });
});

describe("selectbox render", () => {
  it("is a labelled native select, the server's choice selected", async () => {
    const app = await mount((st) => st.selectbox("City", ["Oslo", "Lima"], { index: 1, help: "Where" }));
    const id = app.id();
    const out = app.render();
    expect(out).toContain(`<label for="${id}-control" class="el-label">City</label>`);
    expect(out).toContain(`<select id="${id}-control" name="${id}" aria-describedby="${id}-help"><option value="0">Oslo</option><option value="1" selected>Lima</option></select>`);
    expect(out).toContain('hx-trigger="change"');
  });

  it("shows the placeholder as an empty, selected first option while the value is null", async () => {
    const app = await mount((st) => st.selectbox("City", ["Oslo"], { index: null, placeholder: "Pick a city" }));
    expect(app.render(0, formCtx)).toContain('<option value="" selected>Pick a city</option><option value="0">Oslo</option>');
  });

  it("escapes hostile labels, options, help and placeholder", async () => {
    for (const bad of HOSTILE) {
      const app = await mount((st) => st.selectbox(bad, [bad], { index: null, help: bad, placeholder: bad }));
      expect(isInert(app.render())).toBe(true);
    }
  });
});
