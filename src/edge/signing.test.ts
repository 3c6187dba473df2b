import { describe, expect, it } from "vitest";
import { isRandomId, randomId, sign, verify } from "./signing";

const secret = "a-test-secret-that-is-long-enough-0123456789";

describe("signing", () => {
  it("verifies its own signatures, also once the expected one is remembered", async () => {
    const signature = await sign(secret, "browser:tab");
    expect(await verify(secret, "browser:tab", signature)).toBe(true);
    expect(await verify(secret, "browser:tab", signature)).toBe(true);
  });

  it("refuses another message, another secret and a tampered signature, warm or cold", async () => {
    const signature = await sign(secret, "message");
    expect(await verify(secret, "message", signature)).toBe(true);
    expect(await verify(secret, "massage", signature)).toBe(false);
    expect(await verify(`${secret}!`, "message", signature)).toBe(false);
    const flipped = (signature[5] === "A" ? "B" : "A");
    expect(await verify(secret, "message", signature.slice(0, 5) + flipped + signature.slice(6))).toBe(false);
    expect(await verify(secret, "message", signature.slice(0, -1))).toBe(false);
    expect(await verify(secret, "message", "")).toBe(false);
  });

  it("accepts only the canonical base64url spelling", async () => {
    const signature = await sign(secret, "canonical");
    const last = signature.at(-1)!;
    // 32 bytes → 43 characters: the last one carries 2 unused bits, so 4 spellings decode alike.
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const index = alphabet.indexOf(last);
    const twin = alphabet[(index & ~3) | ((index + 1) & 3)];
    expect(await verify(secret, "canonical", signature.slice(0, -1) + twin)).toBe(false);
    expect(await verify(secret, "canonical", `${signature}=`)).toBe(false);
  });

  it("makes 128-bit random ids", () => {
    const ids = new Set(Array.from({ length: 100 }, randomId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(isRandomId(id)).toBe(true);
    expect(isRandomId("short")).toBe(false);
  });
});
