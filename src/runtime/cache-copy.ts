/**
 * `st.cacheData` keeps a structured clone of the return value and hands out fresh clones (R145,
 * Streamlit's pickle round-trip). A structured clone silently turns a class instance into a plain
 * object without its methods, which would work on a miss and break on the next hit; so such
 * values are refused up front, like values the clone rejects outright.
 */
import { cacheMessages, UnserializableReturnValueError } from "./cache-errors";
import { typeName } from "./cache-hash";

const CLONABLE_PROTOTYPES = new Set<unknown>([
  Object.prototype,
  null,
  Array.prototype,
  Date.prototype,
  RegExp.prototype,
  Map.prototype,
  Set.prototype,
  ArrayBuffer.prototype,
  Boolean.prototype,
  Number.prototype,
  String.prototype,
  Error.prototype,
  EvalError.prototype,
  RangeError.prototype,
  ReferenceError.prototype,
  SyntaxError.prototype,
  TypeError.prototype,
  URIError.prototype,
]);

/** The copy the cache stores; throws UnserializableReturnValueError for a value it cannot keep. */
export function storedCopy(value: unknown, func: string): unknown {
  let copy: unknown;
  try {
    copy = structuredClone(value);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UnserializableReturnValueError(cacheMessages.unserializable(func, typeName(value), reason));
  }
  const lost = findClassInstance(value, "", new Set());
  if (lost) {
    const reason = `the value${lost.path ? ` at \`${lost.path}\`` : ""} is an instance of \`${lost.type}\`, which a clone would turn into a plain object without its methods`;
    throw new UnserializableReturnValueError(cacheMessages.unserializable(func, typeName(value), reason));
  }
  return copy;
}

function findClassInstance(value: unknown, path: string, seen: Set<object>): { path: string; type: string } | null {
  if (typeof value !== "object" || value === null || seen.has(value)) return null;
  seen.add(value);
  if (ArrayBuffer.isView(value)) return null;
  if (!CLONABLE_PROTOTYPES.has(Object.getPrototypeOf(value))) return { path, type: typeName(value) };
  const children: [string, unknown][] =
    value instanceof Map
      ? [...value].flatMap(([k, v], i): [string, unknown][] => [[`${path}.keys()[${i}]`, k], [`${path}.get(…)`, v]])
      : value instanceof Set
        ? [...value].map((v, i): [string, unknown] => [`${path}.values()[${i}]`, v])
        : Object.entries(value).map(([k, v]): [string, unknown] => [Array.isArray(value) ? `${path}[${k}]` : `${path}.${k}`, v]);
  for (const [childPath, child] of children) {
    const found = findClassInstance(child, childPath, seen);
    if (found) return found;
  }
  return null;
}
