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
  return plainStable(value) ?? JSON.stringify(value, stableReplacer);
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
 * the replacer's path must decide (writePlain).
 */
function plainStable(value: unknown): string | null {
  const text = new TextSink();
  return writePlain(value, 0, text) ? text.out : null;
}

/** Where writePlain's text goes: `quoted` takes a string JSON.stringify would quote and escape. */
interface PlainSink {
  raw(text: string): void;
  quoted(text: string): void;
}

class TextSink implements PlainSink {
  out = "";

  raw(text: string): void {
    this.out += text;
  }

  quoted(text: string): void {
    this.out += JSON.stringify(text);
  }
}

/**
 * Writes stableStringify's text of plain data to `sink`; false, with the sink's text spoilt, where
 * the replacer's path must decide: other objects, toJSON, symbols, bigints, functions, keys that
 * may be array indices (which JSON orders first) or "__proto__", and deep data (cycles throw there).
 */
function writePlain(value: unknown, depth: number, sink: PlainSink): boolean {
  switch (typeof value) {
    case "string":
      sink.quoted(value);
      return true;
    case "number":
      if (Number.isFinite(value)) sink.raw(String(value));
      else sink.quoted(`__num:${value}`);
      return true;
    case "boolean":
      sink.raw(value ? "true" : "false");
      return true;
    case "undefined":
      sink.raw('"__undefined"');
      return true;
    case "object": {
      if (value === null) {
        sink.raw("null");
        return true;
      }
      if (depth === PLAIN_DEPTH || typeof (value as { toJSON?: unknown }).toJSON === "function") return false;
      if (Array.isArray(value)) {
        sink.raw("[");
        for (let i = 0; i < value.length; i++) {
          if (i > 0) sink.raw(",");
          if (!writePlain(value[i], depth + 1, sink)) return false;
        }
        sink.raw("]");
        return true;
      }
      if (!isPlainObject(value)) return false;
      const keys = Object.keys(value).sort();
      sink.raw("{");
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        if (key === "__proto__" || isArrayIndex(key)) return false;
        if (i > 0) sink.raw(",");
        sink.quoted(key);
        sink.raw(":");
        if (!writePlain((value as Record<string, unknown>)[key], depth + 1, sink)) return false;
      }
      sink.raw("}");
      return true;
    }
    default:
      return false;
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
  const hash = new HashSink();
  return writePlain(value, 0, hash) ? digest(hash.h1, hash.h2) : hashString(JSON.stringify(value, stableReplacer));
}

/** cyrb53's state over writePlain's text, fed in parts. */
class HashSink implements PlainSink {
  h1 = 0xdeadbeef;
  h2 = 0x41c6ce57;

  raw(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      this.h1 = Math.imul(this.h1 ^ ch, 2654435761);
      this.h2 = Math.imul(this.h2 ^ ch, 1597334677);
    }
  }

  /** JSON.stringify(text)'s characters: the text in quotes when none needs escaping, else its output. */
  quoted(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch < 0x20 || ch === 0x22 || ch === 0x5c || (ch >= 0xd800 && ch <= 0xdfff)) return this.raw(JSON.stringify(text));
    }
    this.raw('"');
    this.raw(text);
    this.raw('"');
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
