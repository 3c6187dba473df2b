/**
 * Random ids and HMAC-SHA256 signatures (Web Crypto), base64url-encoded. Verification goes through
 * `crypto.subtle.verify`, which compares in constant time.
 */

const encoder = new TextEncoder();

/** A 128-bit random id: 22 base64url characters. */
export function randomId(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
}

/** Whether `text` looks like an id from `randomId`. */
export function isRandomId(text: string | undefined | null): text is string {
  return typeof text === "string" && /^[A-Za-z0-9_-]{22}$/.test(text);
}

export async function sign(secret: string, message: string): Promise<string> {
  const signature = await crypto.subtle.sign("HMAC", await hmacKey(secret), encoder.encode(message));
  return toBase64Url(new Uint8Array(signature));
}

export async function verify(secret: string, message: string, signature: string): Promise<boolean> {
  const bytes = fromBase64Url(signature);
  if (!bytes || bytes.length !== 32) return false;
  return crypto.subtle.verify("HMAC", await hmacKey(secret), bytes, encoder.encode(message));
}

/**
 * Imported once per isolate and secret, not twice per request: a CryptoKey is immutable, so
 * sharing it between requests and objects is safe. A failed import is not kept.
 */
const keys = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
    keys.set(secret, key);
    key.catch(() => keys.delete(secret));
  }
  return key;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * Only the canonical spelling decodes: base64's last character carries unused low bits, so without
 * this check several strings (…A, …B, …C, …D) would verify as the same signature.
 */
function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return toBase64Url(bytes) === text ? bytes : null;
  } catch {
    return null;
  }
}
