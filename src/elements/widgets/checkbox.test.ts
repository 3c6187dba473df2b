import { describe, expect, it } from "vitest";
import { booleanCodec } from "./checkbox";
import { ctx, errorsOf, expectRejects, expectRoundTrip, formCtx, HOSTILE, isInert, mount } from "./test-support";

describe("checkbox codec", () => {
  it("posts \"on\" when checked and nothing when unchecked", () => {
    expect(booleanCodec.format(true, {})).toBe("on");
    expect(booleanCodec.format(false, {})).toBeUndefined();
    expect(booleanCodec.parse(undefined, {})).toBe(false);
    expect(booleanCodec.parse("on", {})).toBe(true);
    expectRoundTrip(booleanCodec, {}, true);
    expectRoundTrip(booleanCodec, {}, false);
  });

  it("rejects anything else, repeated fields included", () => {
    expectRejects(booleanCodec, {}, "true", /"on"/);
    expectRejects(booleanCodec, {}, ["on", "on"]);
    expectRejects(booleanCodec, {}, "");
  });
});

describe("checkbox through the engine", () => {
  it("R30: defaults to false, and returns what the browser posts", async () => {
    const app = await mount((st) => st.checkbox("Agree"));
    expect(app.value()).toBe(false);
    expect(await app.send("on")).toBe(true);
    expect(await app.send(undefined)).toBe(false);
  });

  it("R30: value: true starts checked", async () => {
    const app = await mount((st) => st.checkbox("Agree", { value: true }));
    expect(app.value()).toBe(true);
    expect(app.node().widget!.raw).toBe("on");
  });

  it("rejects a forged value and leaves the session as it was", async () => {
    const app = await mount((st) => st.checkbox("Agree"));
    expect(await app.reject("yes")).toMatch(/Expected "on"/);
  });

  it("R18: label, value and help are identity; disabled and labelVisibility are not", async () => {
    const ids = async (options: object, label = "A") => (await mount((st) => st.checkbox(label, options))).id();
    const base = await ids({});
    expect(await ids({}, "B")).not.toBe(base);
    expect(await ids({ value: true })).not.toBe(base);
    expect(await ids({ help: "h" })).not.toBe(base);
    expect(await ids({ disabled: true })).toBe(base);
    expect(await ids({ labelVisibility: "hidden" })).toBe(base);
    expect(await ids({ onChange: () => undefined })).toBe(base);
  });

  it("R58: onChange fires once when the value changes", async () => {
    let calls = 0;
    const app = await mount((st) => st.checkbox("A", { onChange: () => void calls++ }));
    await app.send("on");
    await app.send("on");
    expect(calls).toBe(1);
  });

  it("R51: a non-boolean assigned through session state raises at the widget call", async () => {
    const app = await mount((st) => {
      st.sessionState.agree = "yes";
      return st.checkbox("Agree", { key: "agree" });
    });
    expect(errorsOf(app.out)).toEqual([
      {
        name: "StreamlitAPIException",
        message: expect.stringContaining('`st.sessionState.agree` was set to "yes", which `st.checkbox` cannot hold'),
      },
    ]);
  });
});

describe("checkbox render", () => {
  it("is a native checkbox with its label, checked from the server's value", async () => {
    const app = await mount((st) => st.checkbox("Agree", { value: true, help: "Read the terms" }));
    const out = app.render();
    const id = app.id();
    expect(out).toContain(`<input type="checkbox" id="${id}-control" name="${id}" aria-describedby="${id}-help" checked>`);
    expect(out).toContain(`<label for="${id}-control" class="el-label">Agree</label>`);
    expect(out).toContain(`id="${id}-help">Read the terms</small>`);
    expect(out).toContain('hx-trigger="change"');
  });

  it("is plain inside a form, and disabled when asked", async () => {
    const app = await mount((st) => st.checkbox("Agree", { disabled: true }));
    const out = app.render(0, formCtx);
    expect(out).not.toContain("<form");
    expect(out).toMatch(/<input type="checkbox"[^>]* disabled>/);
    expect(out).not.toContain(" checked");
  });

  it("escapes hostile labels and help", async () => {
    for (const bad of HOSTILE) {
      const app = await mount((st) => st.checkbox(bad, { help: bad }));
      expect(isInert(app.render(0, ctx))).toBe(true);
    }
  });
});
