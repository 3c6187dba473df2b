import { describe, expect, it } from "vitest";
import { textInputCodec } from "./text-input";
import { errorsOf, expectRejects, expectRoundTrip, formCtx, HOSTILE, isInert, mount } from "./test-support";

const p = (over = {}) => ({ maxChars: null, nullable: false, password: false, placeholder: null, autocomplete: null, ...over });

describe("textInput codec", () => {
  it("round-trips text, and null as an empty field when nullable", () => {
    expectRoundTrip(textInputCodec, p(), "héllo <b>");
    expectRoundTrip(textInputCodec, p(), "");
    expectRoundTrip(textInputCodec, p({ nullable: true }), null);
    expect(textInputCodec.parse("", p())).toBe("");
  });

  it("rejects line breaks, text over maxChars, missing and repeated fields", () => {
    expectRejects(textInputCodec, p(), "a\nb", /single line/);
    expectRejects(textInputCodec, p({ maxChars: 3 }), "abcd", /at most 3 characters/);
    expectRejects(textInputCodec, p(), undefined, /no value/);
    expectRejects(textInputCodec, p(), ["a", "b"], /2 values/);
  });
});

describe("textInput through the engine", () => {
  it("R30: defaults to an empty string and returns what was typed", async () => {
    const app = await mount((st) => st.textInput("Name"));
    expect(app.value()).toBe("");
    expect(await app.send("Ada")).toBe("Ada");
    expect(await app.reject("x\r\ny")).toMatch(/single line/);
  });

  it("R30: value null returns null until typed", async () => {
    const app = await mount((st) => st.textInput("Name", { value: null }));
    expect(app.value()).toBeNull();
    expect(await app.send("Ada")).toBe("Ada");
    expect(await app.send("")).toBeNull();
  });

  it("rejects text over maxChars and leaves the session as it was", async () => {
    const app = await mount((st) => st.textInput("Code", { maxChars: 4 }));
    expect(await app.reject("12345")).toMatch(/at most 4 characters, got 5/);
  });

  it("R31: an unknown type, a bad maxChars and a default over maxChars raise", async () => {
    expect(errorsOf((await mount((st) => st.textInput("x", { type: "email" as any }))).out)[0].message).toBe(
      "'email' is not a valid textInput type. Valid types are 'default' and 'password'.",
    );
    expect(errorsOf((await mount((st) => st.textInput("x", { maxChars: 0 }))).out)[0].message).toMatch(/`maxChars` must be a positive integer/);
    expect(errorsOf((await mount((st) => st.textInput("x", { value: "toolong", maxChars: 3 }))).out)[0].message).toMatch(/exceeds `maxChars` \(3\)/);
  });

  it("R19: maxChars stays in a keyed input's identity; the label does not", async () => {
    let label = "a";
    let maxChars = 10;
    const app = await mount((st) => st.textInput(label, { key: "t", maxChars }));
    const id = app.id();
    await app.send("hello");
    label = "b";
    expect(await app.rerun()).toBe("hello");
    expect(app.id()).toBe(id);
    maxChars = 3;
    expect(await app.rerun()).toBe("");
    expect(app.id()).not.toBe(id);
  });

  it("R89: onChange inside a form raises", async () => {
    const app = await mount((st) => st.form("f", () => st.textInput("x", { onChange: () => undefined })));
    expect(errorsOf(app.out)).toEqual([{ name: "StreamlitInvalidFormCallbackError", message: expect.stringMatching(/^Within a form, callbacks/) }]);
  });
});

describe("textInput render", () => {
  it("is a labelled native text input holding the server's value, committing on Enter or change", async () => {
    const app = await mount((st) => st.textInput("Name", { value: "Ada", maxChars: 20, placeholder: "Your name", help: "First name" }));
    const id = app.id();
    const out = app.render();
    expect(out).toContain(`<label for="${id}-control" class="el-label">Name</label>`);
    expect(out).toContain(`<input type="text" id="${id}-control" name="${id}" aria-describedby="${id}-help" value="Ada" maxlength="20" placeholder="Your name">`);
    expect(out).toContain('hx-trigger="submit, change"');
  });

  it("a password keeps its value in the page and autocompletes as a new password", async () => {
    const out = (await mount((st) => st.textInput("Password", { type: "password", value: "s3cret" }))).render(0, formCtx);
    expect(out).toMatch(/<input type="password" [^>]*value="s3cret" autocomplete="new-password">/);
    expect(out).not.toContain("<form");
  });

  it("escapes hostile labels, values, help and placeholder", async () => {
    for (const bad of HOSTILE) {
      expect(isInert((await mount((st) => st.textInput(bad, { value: bad, help: bad, placeholder: bad }))).render())).toBe(true);
    }
  });
});
