/**
 * `st.queryParams` (SEMANTICS 1.15): the page URL's query as a mapping. Reads give a key's last
 * value (R132); writes change the session's query at once, so later reads and `st.rerun()` see
 * them, and the browser's address follows when the event's answer arrives (R134). `embed`,
 * `embed_options` and our tab token `_s` are hidden and cannot be set (R135).
 *
 * JavaScript has one syntax for items and properties, so `st.queryParams.page` and
 * `st.queryParams["page"]` are the same read; the methods below win over keys of the same name
 * (read such keys with `get`). A missing key read throws, as Streamlit's KeyError does (R133):
 * use `get(key, fallback)` or `key in st.queryParams` for optional keys.
 */
import { SESSION_PARAM } from "../wire";
import { StreamlitAPIException } from "./errors";
import { isPlainObject } from "./identity";
import type { QueryPairs, SessionScope } from "./request";
import type { RunRef } from "./session-state";

/** A missing key (R133). Named after Python's error, as Streamlit raises it. */
export class QueryParamsKeyError extends Error {
  override name = "KeyError";
}

export const queryParamsMessages = {
  missingKey: (key: string) => `st.queryParams has no key "${key}". Did you forget to initialize it?`,
  dictionary: (key: string) => `You cannot set a query params key \`${key}\` to a dictionary.`,
  embed: () => "Query param embed and embed_options (case-insensitive) cannot be set programmatically.",
  tabToken: () =>
    `Query param ${SESSION_PARAM} (case-sensitive) is Edgelit's tab token and cannot be set programmatically: ` +
    "it names this tab's session. Choose another key.",
};

/** What a value may be: a scalar (stringified) or an iterable of scalars (a repeated key). */
export type QueryValue = unknown;
/** Entries to write: an object, a Map, or [key, value] pairs. */
export type QueryInput = Record<string, QueryValue> | Map<string, QueryValue> | Iterable<readonly [string, QueryValue]>;

export interface QueryParamsMethods {
  /** The last value of `key`, or `fallback` when the key is missing. */
  get(key: string, fallback?: string): string | undefined;
  /** Every value of a repeated `key`, in URL order (`[]` when missing). */
  getAll(key: string): string[];
  /** Each key with its last value. */
  toDict(): Record<string, string>;
  /** Replaces the whole query at once (all or nothing; embed parameters stay). */
  fromDict(values: QueryInput): void;
  /** Sets several keys at once (all or nothing). */
  update(values: QueryInput): void;
  /** Removes `key`; throws when it is missing (R133). Same as `delete st.queryParams[key]`. */
  delete(key: string): void;
  /** Removes every key except the embed parameters (R135). */
  clear(): void;
  keys(): string[];
  [Symbol.iterator](): Iterator<[string, string]>;
}

/** Keys read as strings; assignments take strings, numbers, booleans or arrays of them. */
export type QueryParams = QueryParamsMethods & { [key: string]: any };

const METHODS = new Set(["get", "getAll", "toDict", "fromDict", "update", "delete", "clear", "keys"]);
const isEmbed = (key: string) => key.toLowerCase() === "embed" || key.toLowerCase() === "embed_options";
const isHidden = (key: string) => isEmbed(key) || key === SESSION_PARAM;

/** The values a write stores for `key` (R134): strings, an iterable as a repeated key. */
function valuesFor(key: string, value: QueryValue): string[] {
  if (value instanceof Map || (typeof value === "object" && value !== null && isPlainObject(value))) {
    throw new StreamlitAPIException(queryParamsMessages.dictionary(key));
  }
  if (key === SESSION_PARAM) throw new StreamlitAPIException(queryParamsMessages.tabToken());
  if (isEmbed(key)) throw new StreamlitAPIException(queryParamsMessages.embed());
  if (typeof value !== "string" && typeof value === "object" && value !== null && Symbol.iterator in value) {
    return [...(value as Iterable<unknown>)].map((item) => String(item));
  }
  return [String(value)];
}

function entriesOf(input: QueryInput): [string, QueryValue][] {
  if (input instanceof Map) return [...input.entries()].map(([k, v]) => [String(k), v]);
  if (Symbol.iterator in Object(input)) return [...(input as Iterable<readonly [string, QueryValue]>)].map(([k, v]) => [String(k), v]);
  return Object.entries(input as Record<string, QueryValue>);
}

/** The pairs `input` writes, checked as st.queryParams checks a write (st.switchPage's queryParams). */
export function toQueryPairs(input: QueryInput): QueryPairs {
  let pairs: QueryPairs = [];
  for (const [key, value] of entriesOf(input)) pairs = withKey(pairs, key, valuesFor(key, value));
  return pairs;
}

/** The embed parameters of `query`: they outlive clear(), fromDict() and page switches (R135). */
export function embedPairs(query: QueryPairs): QueryPairs {
  return query.filter(([key]) => isEmbed(key));
}

/** `query` with `key` set to `values`: in place of its first occurrence, else at the end. */
function withKey(query: QueryPairs, key: string, values: string[]): QueryPairs {
  const at = query.findIndex(([k]) => k === key);
  const rest = query.filter(([k]) => k !== key);
  const added = values.map((v): [string, string] => [key, v]);
  return at === -1 ? [...rest, ...added] : [...rest.slice(0, at), ...added, ...rest.slice(at)];
}

export function createQueryParams(ref: RunRef, scopeOf: () => SessionScope): QueryParams {
  const scope = () => {
    ref.current.checkpoint();
    return scopeOf();
  };
  const visible = () => scope().query.filter(([key]) => !isHidden(key));
  const has = (key: string) => visible().some(([k]) => k === key);
  const last = (key: string) => {
    const values = visible().filter(([k]) => k === key);
    return values.length === 0 ? undefined : values[values.length - 1][1];
  };
  const write = (entries: [string, QueryValue][], from: QueryPairs) => {
    // Every value is checked before anything changes, so a bad one leaves the query as it was.
    let next = from;
    for (const [key, value] of entries) next = withKey(next, key, valuesFor(key, value));
    scope().query = next;
  };
  const remove = (key: string) => {
    if (!has(key)) throw new QueryParamsKeyError(queryParamsMessages.missingKey(key));
    scope().query = scope().query.filter(([k]) => k !== key);
  };
  const methods: QueryParamsMethods = {
    get: (key, fallback) => last(String(key)) ?? fallback,
    getAll: (key) => visible().filter(([k]) => k === String(key)).map(([, v]) => v),
    toDict: () => Object.fromEntries(visible()),
    fromDict: (values) => write(entriesOf(values), embedPairs(scope().query)),
    update: (values) => write(entriesOf(values), scope().query),
    delete: (key) => remove(String(key)),
    clear: () => void (scope().query = embedPairs(scope().query)),
    keys: () => [...new Set(visible().map(([k]) => k))],
    [Symbol.iterator]: () => Object.entries(methods.toDict())[Symbol.iterator](),
  };
  return new Proxy(methods as QueryParams, {
    get(target, prop) {
      // Methods, and the names every object has (`toString`…), win over keys: read those with get().
      if (typeof prop === "symbol" || METHODS.has(prop) || prop in Object.prototype) return Reflect.get(target, prop);
      if (prop === "toJSON") return () => methods.toDict();
      // Promise resolution probes `then`: a query is never a thenable.
      if (prop === "then") return undefined;
      const value = last(prop);
      if (value === undefined) throw new QueryParamsKeyError(queryParamsMessages.missingKey(prop));
      return value;
    },
    set(_target, prop, value) {
      if (typeof prop === "symbol") return false;
      write([[prop, value]], scope().query);
      return true;
    },
    has(_target, prop) {
      return typeof prop === "string" && has(prop);
    },
    deleteProperty(_target, prop) {
      if (typeof prop === "string") remove(prop);
      return true;
    },
    ownKeys() {
      return methods.keys();
    },
    getOwnPropertyDescriptor(_target, prop) {
      if (typeof prop !== "string" || !has(prop)) return undefined;
      return { value: last(prop), writable: true, enumerable: true, configurable: true };
    },
  });
}
