import { describe, expect, it } from "vitest";
import { HOSTILE, isInert, mount } from "./test-support";

describe("toggle", () => {
  it("R30: is a boolean widget defaulting to false", async () => {
    const app = await mount((st) => st.toggle("Dark mode"));
    expect(app.value()).toBe(false);
    expect(await app.send("on")).toBe(true);
    expect(await app.send(undefined)).toBe(false);
    expect(await app.reject(["on", "on"])).toMatch(/2 values/);
  });

  it("renders a native checkbox with role=switch, checked from the server's value", async () => {
    const app = await mount((st) => st.toggle("Dark mode", { value: true }));
    const out = app.render();
    expect(out).toMatch(/<input type="checkbox" id="[^"]+-control" name="[^"]+" role="switch" class="el-switch" checked>/);
    expect(out).toContain(">Dark mode</label>");
  });

  it("R17: a toggle and a checkbox with the same label are different widgets", async () => {
    const app = await mount((st) => [st.toggle("Same"), st.checkbox("Same")]);
    expect(app.id(0)).not.toBe(app.id(1));
  });

  it("escapes hostile labels", async () => {
    for (const bad of HOSTILE) expect(isInert((await mount((st) => st.toggle(bad, { help: bad }))).render())).toBe(true);
  });
});
