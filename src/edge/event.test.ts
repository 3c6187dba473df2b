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
    expect(decodeEvent(form([[FIELD.csrf, "c"], ["x", "1"], [FIELD.trigger, "t"]]))).toEqual({ event: { values: {}, trigger: "t" }, seq: null });
  });

  it("refuses an event that names no widget, an id twice, or an id that is not a widget id", () => {
    for (const bad of [
      form([[FIELD.csrf, "c"], ["x", "1"]]),
      form([[FIELD.form, "f1"]]),
      form([[FIELD.widget, "a"], [FIELD.widget, "a"]]),
      form([[FIELD.widget, "__proto__"], ["__proto__", "1"]]),
      form([[FIELD.trigger, "toString"]]),
      form([[FIELD.widget, "a b"]]),
      form([[FIELD.widget, "a"], [FIELD.form, "constructor"]]),
    ]) {
      const decoded = decodeEvent(bad);
      expect(decoded).toBeInstanceOf(Rejection);
      expect((decoded as Rejection).status).toBe(400);
    }
  });

  it("accepts only plain decimal sequences", () => {
    for (const seq of ["", "-1", "1.5", "0x10", "1e3", " 3", "9007199254740993"]) {
      expect(decodeEvent(form([[FIELD.trigger, "t"], [FIELD.seq, seq]])), JSON.stringify(seq)).toBeInstanceOf(Rejection);
    }
    expect(decodeEvent(form([[FIELD.trigger, "t"], [FIELD.seq, "12"]]))).toEqual({ event: { values: {}, trigger: "t" }, seq: 12 });
  });

  it("refuses a repeated trigger, a file value and a malformed sequence with 400", () => {
    for (const bad of [
      form([[FIELD.trigger, "a"], [FIELD.trigger, "b"]]),
      form([[FIELD.widget, "f"], ["f", new Blob(["x"])]]),
      form([[FIELD.trigger, "t"], [FIELD.seq, "abc"]]),
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
    const origin = (headers: Record<string, string>) => {
      const request = post(headers);
      return checkOrigin(request, new URL(request.url));
    };
    expect(origin({})).toBeNull();
    expect(origin({ Origin: "https://app.test" })).toBeNull();
    expect(origin({ Origin: "https://evil.test" })?.status).toBe(403);
    expect(origin({ Origin: "null" })?.status).toBe(403);
  });

  it("reads form bodies, refusing other types (415) and oversized ones (413)", async () => {
    const ok = await readForm(post({ "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8" }));
    expect(ok).not.toBeInstanceOf(Rejection);
    expect((ok as URLSearchParams).getAll("a")).toEqual(["1"]);
    expect(((await readForm(post({ "Content-Type": "text/plain" }))) as Rejection).status).toBe(415);
    expect(((await readForm(post({}, new Blob(["a=1"])))) as Rejection).status).toBe(415);
    const big = post({ "Content-Type": "application/x-www-form-urlencoded" }, "a=" + "x".repeat(64 * 1024));
    expect(((await readForm(big)) as Rejection).status).toBe(413);
    // A declared length that understates the body, and a body with no declared length (streamed).
    const lying = post({ "Content-Type": "application/x-www-form-urlencoded", "Content-Length": "3" }, "a=" + "x".repeat(64 * 1024));
    expect(((await readForm(lying)) as Rejection).status).toBe(413);
    const chunk = new TextEncoder().encode("x".repeat(16 * 1024));
    const streamed = (chunks: number) =>
      new Request("https://app.test/p", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode("a=")); for (let i = 0; i < chunks; i++) c.enqueue(chunk); c.close(); } }),
        duplex: "half",
      } as RequestInit);
    expect(((await readForm(streamed(5))) as Rejection).status).toBe(413);
    expect(((await readForm(streamed(2))) as URLSearchParams).getAll("a")[0]).toHaveLength(32 * 1024);
  });

  it("refuses broken percent-encoding and invalid UTF-8 with 400, and accepts valid text", async () => {
    const urlencoded = { "Content-Type": "application/x-www-form-urlencoded" };
    for (const body of ["a=%", "a=%zz", "a=x%4", "a=%FF", "a=%C3%28", "a=%ED%A0%80", "%E2%82=1"]) {
      const read = await readForm(post(urlencoded, body));
      expect(read, body).toBeInstanceOf(Rejection);
      expect((read as Rejection).status, body).toBe(400);
    }
    const raw = await readForm(post(urlencoded, new Uint8Array([0x61, 0x3d, 0xff])));
    expect((raw as Rejection).status).toBe(400);
    // A body cut inside a character, then one that starts with the rest of it: each is refused
    // on its own (the decoder carries nothing from one event to the next).
    const cut = await readForm(post(urlencoded, new Uint8Array([0x61, 0x3d, 0xe2, 0x82])));
    expect((cut as Rejection).status).toBe(400);
    const rest = await readForm(post(urlencoded, new Uint8Array([0xac, 0x3d, 0x31])));
    expect((rest as Rejection).status).toBe(400);
    const valid = await readForm(post(urlencoded, "a=%C3%A9+%F0%9F%98%80&b=100%25"));
    expect((valid as URLSearchParams).getAll("a")).toEqual(["é 😀"]);
    expect((valid as URLSearchParams).getAll("b")).toEqual(["100%"]);
  });

  it("parses urlencoded and multipart bodies to the same fields, repeats and order kept", async () => {
    const fields: [string, string][] = [["_w", "w1"], ["w1", "a b"], ["w1", "c&d=e"], ["_t", "w2"], ["empty", ""]];
    const urlencoded = await readForm(post({ "Content-Type": "application/x-www-form-urlencoded" }, new URLSearchParams(fields).toString()));
    const multipart = new FormData();
    for (const [name, value] of fields) multipart.append(name, value);
    const request = new Request("https://app.example/p", { method: "POST", body: multipart });
    const parsed = await readForm(request);
    for (const name of ["_w", "w1", "_t", "empty", "missing"]) {
      expect((urlencoded as URLSearchParams).getAll(name), name).toEqual((parsed as FormData).getAll(name));
    }
    expect((urlencoded as URLSearchParams).getAll("w1")).toEqual(["a b", "c&d=e"]);
  });
});
