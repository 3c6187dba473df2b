import { describe, expect, it } from "vitest";
import { textAreaCodec } from "./text-area";
import { errorsOf, expectRejects, expectRoundTrip, HOSTILE, isInert, mount } from "./test-support";

const p = (over = {}) => ({ maxChars: null, nullable: false, height: null, placeholder: null, ...over });

describe("textArea codec", () => {
  it("turns the CRLF line breaks browsers post into \\n", () => {
    expect(textAreaCodec.parse("a\r\nb\rc\nd", p())).toBe("a\nb\nc\nd");
    expectRoundTrip(textAreaCodec, p(), "line 1\nline 2");
    expectRoundTrip(textAreaCodec, p({ nullable: true }), null);
  });

  it("counts maxChars after normalising line breaks", () => {
    expect(textAreaCodec.parse("a\r\nb", p({ maxChars: 3 }))).toBe("a\nb");
    expectRejects(textAreaCodec, p({ maxChars: 3 }), "a\r\nbc", /at most 3 characters/);
    expectRejects(textAreaCodec, p(), ["a", "b"], /2 values/);
  });
});

describe("textArea through the engine", () => {
  it("R30: defaults to an empty string and returns the text with \\n line breaks", async () => {
    const app = await mount((st) => st.textArea("Bio"));
    expect(app.value()).toBe("");
    expect(await app.send("one\r\ntwo")).toBe("one\ntwo");
  });

  it("rejects text over maxChars and leaves the session as it was", async () => {
    const app = await mount((st) => st.textArea("Bio", { maxChars: 5 }));
    expect(await app.reject("a\r\nbcde")).toMatch(/at most 5 characters, got 6/);
  });

  it("R31: a height under 68 pixels raises", async () => {
    expect(errorsOf((await mount((st) => st.textArea("x", { height: 20 }))).out)[0].message).toBe(
      "Invalid height 20px for `st.textArea` - must be at least 68 pixels.",
    );
  });
});

describe("textArea render", () => {
  it("is a labelled native textarea; a leading newline of the value survives the HTML parser", async () => {
    const app = await mount((st) => st.textArea("Bio", { value: "\nhi", height: 120, maxChars: 50 }));
    const id = app.id();
    expect(app.render()).toContain(
      `<textarea id="${id}-control" name="${id}" maxlength="50" style="height: 120px">\n\nhi</textarea>`,
    );
  });

  it("escapes hostile labels, values, help and placeholder (no early </textarea>)", async () => {
    for (const bad of [...HOSTILE, "</textarea><script>alert(1)</script>"]) {
      const out = (await mount((st) => st.textArea(bad, { value: bad, help: bad, placeholder: bad }))).render();
      expect(isInert(out)).toBe(true);
      expect(out.match(/<\/textarea>/g)).toHaveLength(1);
    }
  });
});
