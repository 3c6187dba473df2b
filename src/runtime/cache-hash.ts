/**
 * Cache keys (SEMANTICS R142–R144): a function key from the function's name and source text, and
 * an argument key from a type-tagged, order-independent serialisation of the arguments, hashed.
 *
 * JavaScript has no `_param` convention that survives bundling (minifiers rename parameters), so
 * arguments are excluded by position (`excludeArgs`); Edgelit containers (`st`, a column…) passed
 * as arguments are excluded automatically, because a replay draws into them (R147).
 */
import { type CacheKind, cacheMessages, UnhashableParamError } from "./cache-errors";
import { Dg } from "./dg";
import { hashString, isPlainObject } from "./identity";

/** Hashers by class name (`Connection`, `Function`…), matched along the prototype chain. */
export type HashFuncs = Record<string, (value: any) => unknown>;

export interface HashOptions {
  /** Argument positions (from 0) left out of the key, like Streamlit's `_param` (R143). */
  excludeArgs?: readonly number[];
  /** Overrides hashing per type, like Streamlit's `hash_funcs` (R144). */
  hashFuncs?: HashFuncs;
}

/** A long hash: two 53-bit hashes of the same text with different seeds. */
function longHash(text: string): string {
  return `${hashString(text, 1)}.${hashString(text, 2)}`;
}

/** Function identity (R142): its name and source text, so editing the body starts a new cache. */
export function functionKey(fn: Function): string {
  return `${fn.name}:${longHash(Function.prototype.toString.call(fn))}`;
}

/** Why a value inside an argument cannot be hashed. */
class Unhashable {
  constructor(
    readonly path: string,
    readonly value: unknown,
  ) {}
}

/** The argument key (R142). Trailing `undefined`s are dropped: JavaScript treats them as absent. */
export function argumentsKey(args: readonly unknown[], options: HashOptions, kind: CacheKind, fn: Function): string {
  let end = args.length;
  while (end > 0 && args[end - 1] === undefined) end--;
  const excluded = new Set(options.excludeArgs ?? []);
  const parts: string[] = [];
  for (let i = 0; i < end; i++) {
    if (excluded.has(i) || args[i] instanceof Dg) continue;
    try {
      parts.push(`${i}=${encode(args[i], options.hashFuncs ?? {}, "", [])}`);
    } catch (error) {
      if (!(error instanceof Unhashable)) throw error;
      const names = parameterNames(fn);
      throw new UnhashableParamError(
        cacheMessages.unhashable({
          kind,
          func: fn.name || "(anonymous function)",
          arg: names[i] ?? `arguments[${i}]`,
          position: i,
          argType: typeName(args[i]),
          path: error.path,
          valueType: typeName(error.value),
        }),
      );
    }
  }
  return longHash(parts.join("|"));
}

const SIMPLE_TAGS: Record<string, string> = { undefined: "U", boolean: "b", bigint: "I" };

/** A type-tagged serialisation: `1` and `"1"` differ; object keys, Map and Set order do not matter. */
function encode(value: unknown, hashFuncs: HashFuncs, path: string, stack: object[], skipHashFunc = false): string {
  if (value === null) return "N";
  const type = typeof value;
  if (type === "string") return `s${JSON.stringify(value)}`;
  if (type === "number") return `n${String(value)}`; // -0 and 0 share a key
  if (type in SIMPLE_TAGS) return `${SIMPLE_TAGS[type]}${String(value)}`;
  if (type === "symbol") {
    const key = Symbol.keyFor(value as symbol);
    if (key === undefined) throw new Unhashable(path, value);
    return `y${JSON.stringify(key)}`;
  }
  const object = value as object;
  const custom = skipHashFunc ? undefined : hashFuncFor(object, hashFuncs);
  if (custom) return `H${custom.name}(${encode(custom.fn(object), hashFuncs, path, stack, true)})`;
  if (type === "function") throw new Unhashable(path, value);
  const depth = stack.indexOf(object);
  if (depth !== -1) return `^${stack.length - depth}`; // a cycle, by distance
  stack.push(object);
  try {
    return encodeObject(object, hashFuncs, path, stack);
  } finally {
    stack.pop();
  }
}

function encodeObject(object: object, hashFuncs: HashFuncs, path: string, stack: object[]): string {
  const at = (child: unknown, step: string) => encode(child, hashFuncs, path + step, stack);
  if (Array.isArray(object)) return `[${Array.from(object, (v, i) => at(v, `[${i}]`)).join(",")}]`;
  if (object instanceof Date) return `D${object.getTime()}`;
  if (object instanceof RegExp) return `R${String(object)}`;
  if (object instanceof URL) return `L${object.href}`;
  if (object instanceof URLSearchParams) return `Q${object.toString()}`;
  if (object instanceof Map) {
    const entries = [...object].map(([k, v], i) => `${at(k, `.keys()[${i}]`)}=>${at(v, `.get(…)`)}`);
    return `M{${entries.sort().join(",")}}`;
  }
  if (object instanceof Set) return `S{${[...object].map((v, i) => at(v, `.values()[${i}]`)).sort().join(",")}}`;
  if (object instanceof ArrayBuffer) return `B${bytes(new Uint8Array(object))}`;
  if (ArrayBuffer.isView(object)) {
    const view = new Uint8Array(object.buffer, object.byteOffset, object.byteLength);
    return `V${object.constructor.name}:${bytes(view)}`;
  }
  if (!isPlainObject(object)) throw new Unhashable(path, object);
  const record = object as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${at(record[k], propertyStep(k))}`).join(",")}}`;
}

function bytes(view: Uint8Array): string {
  let text = "";
  for (let i = 0; i < view.length; i += 8192) text += String.fromCharCode(...view.subarray(i, i + 8192));
  return `${view.length}:${text}`;
}

function propertyStep(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

function hashFuncFor(value: object, hashFuncs: HashFuncs): { name: string; fn: (value: any) => unknown } | undefined {
  for (let proto = Object.getPrototypeOf(value); proto; proto = Object.getPrototypeOf(proto)) {
    const name = Object.hasOwn(proto, "constructor") ? (proto.constructor as Function | undefined)?.name : undefined;
    if (name && Object.hasOwn(hashFuncs, name)) return { name, fn: hashFuncs[name] };
  }
  return undefined;
}

/** `Connection`, `Array`, `function`, `string`: the name a user recognises for a value's type. */
export function typeName(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "function") return "Function";
  if (typeof value !== "object") return typeof value;
  const name = (Object.getPrototypeOf(value) as { constructor?: Function } | null)?.constructor?.name;
  return name || "Object";
}

/**
 * Best-effort parameter names from a function's source, for error messages only: `(a, { b }, c = 1)`
 * gives `["a", undefined, "c"]`. Never used for keys (bundlers may rename parameters).
 */
export function parameterNames(fn: Function): (string | undefined)[] {
  const source = Function.prototype.toString.call(fn);
  const single = /^(?:async\s+)?([A-Za-z_$][\w$]*)\s*=>/.exec(source);
  if (single) return [single[1]];
  const open = source.indexOf("(");
  if (open === -1) return [];
  const params: string[] = [];
  let depth = 0;
  let current = "";
  for (let i = open + 1; i < source.length; i++) {
    const ch = source[i];
    if (ch === '"' || ch === "'" || ch === "`") {
      const close = source.indexOf(ch, i + 1);
      if (close === -1) break;
      current += source.slice(i, close + 1);
      i = close;
      continue;
    }
    if (depth === 0 && (ch === ")" || ch === ",")) {
      params.push(current.trim());
      current = "";
      if (ch === ")") break;
      continue;
    }
    if ("([{".includes(ch)) depth++;
    if (")]}".includes(ch)) depth--;
    current += ch;
  }
  return params.map((p) => /^(?:\.\.\.)?([A-Za-z_$][\w$]*)/.exec(p)?.[1]);
}
