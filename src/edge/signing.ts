/**
 * Random ids and HMAC-SHA256 signatures (Web Crypto), base64url-encoded. Verification recomputes
 * the expected signature (remembered per message: every event of a tab checks the same two) and
 * compares it in constant time.
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
  // Only the canonical spelling matches: base64's last character carries unused low bits, so a
  // decoding comparison would let several strings (…A, …B, …C, …D) verify as one signature.
  return equalInConstantTime(await expectedSignature(secret, message), signature);
}

/**
 * The signature of a message, remembered for the next request of the same tab (a signature is a
 * pure function of secret and message). Bounded: past the limit the oldest entries go first.
 */
const signatures = new Map<string, Map<string, Promise<string>>>();
const MAX_REMEMBERED = 10_000;

function expectedSignature(secret: string, message: string): Promise<string> {
  let bySecret = signatures.get(secret);
  if (!bySecret) signatures.set(secret, (bySecret = new Map()));
  let signature = bySecret.get(message);
  if (!signature) {
    signature = sign(secret, message);
    bySecret.set(message, signature);
    signature.catch(() => bySecret.delete(message));
    if (bySecret.size > MAX_REMEMBERED) bySecret.delete(bySecret.keys().next().value!);
  }
  return signature;
}

/** Compares every character whatever the first difference, so timing tells nothing about it. */
function equalInConstantTime(expected: string, given: string): boolean {
  let difference = expected.length ^ given.length;
  for (let i = 0; i < expected.length; i++) difference |= expected.charCodeAt(i) ^ (given.charCodeAt(i) | 0);
  return difference === 0;
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
