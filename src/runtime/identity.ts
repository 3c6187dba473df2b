/**
 * Widget identity (SEMANTICS D9): a key is the identity; a keyless widget's identity is its type,
 * identity parameters, form, page and root, serialised deterministically and hashed.
 */

/** JSON with sorted object keys, so equal values always serialise alike. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
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
  });
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
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
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
  return `w${hashString(stableStringify(parts))}`;
}
