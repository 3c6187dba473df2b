import { describe, expect, it } from "vitest";
import { FIELD } from "../wire";
import { checkOrigin, decodeEvent, readForm, Rejection } from "./event";

const form = (pairs: [string, string | Blob][]) => {
  const data = new FormData();
  for (const [name, value] of pairs) data.append(name, value);
  return data;
};

describe("decodeEvent", () => {
  it("gives each listed widget none, one or several posted values", () => {
    const decoded = decodeEvent(
      form([[FIELD.widget, "a"], [FIELD.widget, "b"], ["b", "x"], [FIELD.widget, "c"], ["c", "1"], ["c", "2"], [FIELD.seq, "7"]]),
    );
    expect(decoded).toEqual({ event: { values: { a: undefined, b: "x", c: ["1", "2"] } }, seq: 7 });
  });

  it("carries the trigger and the form, and no sequence for a plain post", () => {
    const decoded = decodeEvent(form([[FIELD.widget, "t"], [FIELD.trigger, "t"], [FIELD.form, "f1"]]));
    expect(decoded).toEqual({ event: { values: { t: undefined }, trigger: "t", form: "f1" }, seq: null });
  });

  it("ignores fields no _w names (the CSRF token, stray inputs)", () => {
    expect(decodeEvent(form([[FIELD.csrf, "c"], ["x", "1"]]))).toEqual({ event: { values: {} }, seq: null });
  });

  it("refuses a repeated trigger, a file value and a malformed sequence with 400", () => {
    for (const bad of [
      form([[FIELD.trigger, "a"], [FIELD.trigger, "b"]]),
      form([[FIELD.widget, "f"], ["f", new Blob(["x"])]]),
      form([[FIELD.seq, "abc"]]),
    ]) {
      const decoded = decodeEvent(bad);
      expect(decoded).toBeInstanceOf(Rejection);
      expect((decoded as Rejection).status).toBe(400);
    }
  });
});

describe("request checks", () => {
  const post = (headers: Record<string, string>, body: BodyInit = "a=1") =>
    new Request("https://app.test/p?_s=x", { method: "POST", headers, body });

  it("accepts a missing or same Origin, refuses another", () => {
    expect(checkOrigin(post({}))).toBeNull();
    expect(checkOrigin(post({ Origin: "https://app.test" }))).toBeNull();
    expect(checkOrigin(post({ Origin: "https://evil.test" }))?.status).toBe(403);
    expect(checkOrigin(post({ Origin: "null" }))?.status).toBe(403);
  });

  it("reads form bodies, refusing other types (415) and oversized ones (413)", async () => {
    const ok = await readForm(post({ "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8" }));
    expect(ok).toBeInstanceOf(FormData);
    expect(((await readForm(post({ "Content-Type": "text/plain" }))) as Rejection).status).toBe(415);
    expect(((await readForm(post({}, new Blob(["a=1"])))) as Rejection).status).toBe(415);
    const big = post({ "Content-Type": "application/x-www-form-urlencoded" }, "a=" + "x".repeat(64 * 1024));
    expect(((await readForm(big)) as Rejection).status).toBe(413);
  });
});
