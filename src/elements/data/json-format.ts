/**
 * JSON text for any JavaScript value, where `JSON.stringify` would throw or lose information:
 * cycles print as "[Circular]", BigInts as their exact digits, Maps as objects (or entry lists
 * when keys are not strings/numbers), Sets as arrays, and `toDict()`/`toJSON()` are honoured
 * (st.sessionState has both); Errors show their name and message. Otherwise JSON's rules hold: undefined, functions and symbols are
 * left out of objects and become null in arrays; NaN and ±Infinity become null.
 */

/** What a value stands for in JSON, before printing. */
function unwrap(value: unknown, key: string): unknown {
  if (typeof value !== "object" || value === null) return value;
  const v = value as { toDict?: unknown; toJSON?: unknown };
  if (typeof v.toDict === "function") return (v.toDict as () => unknown)();
  if (typeof v.toJSON === "function") return (v.toJSON as (key: string) => unknown)(key);
  if (value instanceof Map) {
    const entries = [...value.entries()];
    const plainKeys = entries.every(([k]) => typeof k === "string" || typeof k === "number");
    return plainKeys ? Object.fromEntries(entries) : entries;
  }
  if (value instanceof Set) return [...value];
  if (value instanceof Error) return { name: value.name, message: value.message };
  return value;
}

/** Prints `value` as JSON; `space` indents nested levels (empty for one compact line). */
export function formatJson(value: unknown, space = "  "): string {
  const ancestors = new Set<object>();
  const newline = space ? "\n" : "";
  const colon = space ? ": " : ":";

  const print = (raw: unknown, key: string, indent: string): string | undefined => {
    const value = unwrap(raw, key);
    switch (typeof value) {
      case "string":
        return JSON.stringify(value);
      case "number":
        return Number.isFinite(value) ? String(value) : "null";
      case "boolean":
        return String(value);
      case "bigint":
        return value.toString();
      case "undefined":
      case "function":
      case "symbol":
        return undefined;
    }
    if (value === null) return "null";
    const obj = value as object;
    if (ancestors.has(obj)) return JSON.stringify("[Circular]");
    ancestors.add(obj);
    try {
      const inner = indent + space;
      const open = `${newline}${inner}`;
      if (Array.isArray(obj)) {
        const items = Array.from(obj, (item, i) => print(item, String(i), inner) ?? "null");
        return items.length ? `[${open}${items.join(`,${open}`)}${newline}${indent}]` : "[]";
      }
      const members: string[] = [];
      for (const [k, item] of Object.entries(obj)) {
        const text = print(item, k, inner);
        if (text !== undefined) members.push(JSON.stringify(k) + colon + text);
      }
      return members.length ? `{${open}${members.join(`,${open}`)}${newline}${indent}}` : "{}";
    } finally {
      ancestors.delete(obj);
    }
  };

  return print(value, "", "") ?? "null";
}
