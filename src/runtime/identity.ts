/**
 * Widget identity (SEMANTICS D9): a key is the identity; a keyless widget's identity is its type,
 * identity parameters, form, page and root, serialised deterministically and hashed.
 */

/** An object literal's kind of object (its prototype Object.prototype or null), not a class instance. */
export function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** JSON with sorted object keys, so equal values always serialise alike. */
export function stableStringify(value: unknown): string {
  return plainStable(value, 0) ?? JSON.stringify(value, stableReplacer);
}

/** The replacer stableStringify defines its text by (exported for the equivalence test). */
export function stableReplacer(_key: string, v: unknown): unknown {
  if (v === undefined) return "__undefined";
  if (typeof v === "number" && !Number.isFinite(v)) return `__num:${v}`;
  if (typeof v === "bigint") return `__bigint:${v}`;
  if (typeof v === "function") return "__function";
  if (v instanceof Date) return `__date:${v.toISOString()}`;
  if (v instanceof Map) return { __map: [...v.entries()] };
  if (v instanceof Set) return { __set: [...v.values()] };
  if (v && typeof v === "object" && !Array.isArray(v)) {
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  }
  return v;
}

/**
 * stableStringify's text for plain data (strings, numbers, booleans, null, undefined, arrays and
 * plain objects), written directly: the replacer allocates a sorted copy of every object and runs
 * for every value, and every widget of every run is identified this way (issue 7). Null where
 * the replacer's path must decide: other objects, toJSON, symbols, bigints, functions, keys that
 * that may be array indices (which JSON orders first) or "__proto__", and deep data (cycles throw there).
 */
function plainStable(value: unknown, depth: number): string | null {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Number.isFinite(value) ? String(value) : JSON.stringify(`__num:${value}`);
    case "boolean":
      return value ? "true" : "false";
    case "undefined":
      return '"__undefined"';
    case "object": {
      if (value === null) return "null";
      if (depth === PLAIN_DEPTH || typeof (value as { toJSON?: unknown }).toJSON === "function") return null;
      if (Array.isArray(value)) {
        let text = "[";
        for (let i = 0; i < value.length; i++) {
          const item = plainStable(value[i], depth + 1);
          if (item === null) return null;
          text += i === 0 ? item : "," + item;
        }
        return text + "]";
      }
      if (!isPlainObject(value)) return null;
      const keys = Object.keys(value).sort();
      let text = "{";
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        if (key === "__proto__" || isArrayIndex(key)) return null;
        const field = plainStable((value as Record<string, unknown>)[key], depth + 1);
        if (field === null) return null;
        text += (i === 0 ? "" : ",") + JSON.stringify(key) + ":" + field;
      }
      return text + "}";
    }
    default:
      return null;
  }
}

const PLAIN_DEPTH = 64;

/** Keys JSON may order as array indices, before the others: any key led by a digit is left to it. */
function isArrayIndex(key: string): boolean {
  const code = key.charCodeAt(0);
  return code >= 48 && code <= 57;
}

/** cyrb53: a fast 53-bit string hash; collisions are negligible at a page's widget count. */
export function hashString(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return digest(h1, h2);
}

function digest(h1: number, h2: number): string {
  const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  const b = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  return base36(4294967296 * (2097151 & b) + (a >>> 0));
}

/**
 * `hashString(stableStringify(value))`, with plain data's text fed to the hash as it is walked
 * rather than built: every widget of every run is identified this way, and building the text was
 * most of what identifying a widget allocated (issue 7).
 */
export function hashStable(value: unknown): string {
  const hash = new StableHash();
  return hash.plain(value, 0) ? digest(hash.h1, hash.h2) : hashString(JSON.stringify(value, stableReplacer));
}

/** cyrb53's state over plainStable's text, fed in parts. */
class StableHash {
  h1 = 0xdeadbeef;
  h2 = 0x41c6ce57;

  private char(ch: number): void {
    this.h1 = Math.imul(this.h1 ^ ch, 2654435761);
    this.h2 = Math.imul(this.h2 ^ ch, 1597334677);
  }

  private text(text: string): void {
    for (let i = 0; i < text.length; i++) this.char(text.charCodeAt(i));
  }

  /** JSON.stringify(text)'s characters: as they are when none needs escaping, else its output. */
  private quoted(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch < 0x20 || ch === 0x22 || ch === 0x5c || (ch >= 0xd800 && ch <= 0xdfff)) return this.text(JSON.stringify(text));
    }
    this.char(0x22);
    this.text(text);
    this.char(0x22);
  }

  /** Feeds plainStable(value)'s text; false where plainStable returns null (the state is then spoilt). */
  plain(value: unknown, depth: number): boolean {
    switch (typeof value) {
      case "string":
        this.quoted(value);
        return true;
      case "number":
        if (Number.isFinite(value)) this.text(String(value));
        else this.quoted(`__num:${value}`);
        return true;
      case "boolean":
        this.text(value ? "true" : "false");
        return true;
      case "undefined":
        this.text('"__undefined"');
        return true;
      case "object": {
        if (value === null) {
          this.text("null");
          return true;
        }
        if (depth === PLAIN_DEPTH || typeof (value as { toJSON?: unknown }).toJSON === "function") return false;
        if (Array.isArray(value)) {
          this.char(0x5b); // [
          for (let i = 0; i < value.length; i++) {
            if (i > 0) this.char(0x2c); // ,
            if (!this.plain(value[i], depth + 1)) return false;
          }
          this.char(0x5d); // ]
          return true;
        }
        if (!isPlainObject(value)) return false;
        const keys = Object.keys(value).sort();
        this.char(0x7b); // {
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i];
          if (key === "__proto__" || isArrayIndex(key)) return false;
          if (i > 0) this.char(0x2c);
          this.quoted(key);
          this.char(0x3a); // :
          if (!this.plain((value as Record<string, unknown>)[key], depth + 1)) return false;
        }
        this.char(0x7d); // }
        return true;
      }
      default:
        return false;
    }
  }
}

const DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * `n.toString(36)` for an integer below 2^53, which V8 writes by its general fraction-aware path
 * at ~1 µs a call (a 1,000-element event hashes a few hundred times); division stays exact here.
 */
export function base36(n: number): string {
  let text = "";
  do {
    const quotient = Math.floor(n / 36);
    text = DIGITS[n - quotient * 36] + text;
    n = quotient;
  } while (n > 0);
  return text;
}

export interface IdentityInput {
  type: string;
  key?: string;
  /** Keyless identity parameters (R18). */
  params: unknown[];
  /** Parameters that stay in identity even with a key (R19 exceptions). */
  keyedParams?: unknown[];
  formId?: string;
  page: string;
  root: number;
}

/** Widget ids are `w` + base36: safe as form field names and DOM ids. */
export function computeWidgetId(input: IdentityInput): string {
  const parts =
    input.key !== undefined
      ? ["key", input.type, input.key, input.keyedParams ?? [], input.page]
      : ["auto", input.type, input.params, input.formId ?? null, input.page, input.root];
  return `w${hashStable(parts)}`;
}
