/**
 * `st.cacheData` and `st.cacheResource` (SEMANTICS 1.17, D11): memoised functions shared by every
 * session of the isolate. Also importable from `src/api` for module-level use:
 *
 * ```ts
 * export const load = cacheData(async (url: string) => (await fetch(url)).json(), { ttl: "1h" });
 * ```
 *
 * Flow of a call: hash the arguments (R142–R144); a live entry is a hit: replay its elements and
 * return a clone (data) or the object itself (resource) (R145, R147, R150); a computation in
 * flight for the key is shared (R146); else run the function, recording what it draws, and store
 * the result unless it threw or rejected.
 */
import { type CacheKind, cacheMessages } from "./cache-errors";
import { storedCopy } from "./cache-copy";
import { argumentsKey, functionKey, type HashOptions } from "./cache-hash";
import { contextFor, Recorder, replay, type ReplayContext } from "./cache-replay";
import { CacheRegistry, type Entry, type FunctionCache, parseMaxEntries, parseTtl } from "./cache-store";
import { StreamlitAPIException } from "./errors";
import type { RunRef } from "./session-state";

export interface CacheDataOptions extends HashOptions {
  /** Lifetime of an entry from its write: seconds, or "10s", "30m", "1h", "1d" (R148). */
  ttl?: number | string | null;
  /** Most entries kept for this function; the least recently used is evicted first (R148). */
  maxEntries?: number | null;
}

export interface CacheResourceOptions<T = any> extends CacheDataOptions {
  /** Called with the cached object on a hit; a falsy result drops it and recomputes (R150). */
  validate?: (value: T) => unknown;
}

type AnyFunction = (...args: any[]) => any;

/** A cached function: call it like the original; `clear()` forgets entries (R149). */
export type CachedFunction<F extends AnyFunction> = F & {
  /** Without arguments, clears every entry of this function; with arguments, the entry for them. */
  clear(...args: Parameters<F> | []): void;
};

export interface CacheDataApi {
  <F extends AnyFunction>(fn: F, options?: CacheDataOptions): CachedFunction<F>;
  /** Clears every function cached with `cacheData` in this isolate (R149). */
  clear(): void;
}

export interface CacheResourceApi {
  <F extends AnyFunction>(fn: F, options?: CacheResourceOptions<Awaited<ReturnType<F>>>): CachedFunction<F>;
  /** Clears every function cached with `cacheResource` in this isolate (R149). */
  clear(): void;
}

/**
 * The caches of this isolate (D11). Module-level on purpose: every session the isolate serves
 * shares them, as all sessions of a Streamlit process share its caches.
 */
const isolateCaches = new CacheRegistry();

/** Makes one cached function; `bound` is the session of `st.cacheData` (R147 recording). */
function makeCached<F extends AnyFunction>(
  kind: CacheKind,
  registry: CacheRegistry,
  bound: RunRef | undefined,
  fn: F,
  options: CacheResourceOptions = {},
): CachedFunction<F> {
  if (typeof fn !== "function") throw new StreamlitAPIException(cacheMessages.notAFunction(kind, describe(fn)));
  checkExcludeArgs(options.excludeArgs);
  const limits = { ttlMs: parseTtl(options.ttl), maxEntries: parseMaxEntries(options.maxEntries) };
  const fnKey = functionKey(fn);
  const func = fn.name || "(anonymous function)";
  const store = () => registry.storeFor(kind, fnKey, limits);
  const keyOf = (args: readonly unknown[]) => argumentsKey(args, options, kind, fn);
  const output = (value: unknown) => (kind === "data" ? structuredClone(value) : value);

  const newEntry = (cache: FunctionCache, value: unknown, recorder: Recorder | null, async: boolean): Entry => ({
    value: kind === "data" ? storedCopy(value, func) : value,
    ops: recorder?.ops ?? [],
    written: cache.stamp(),
    async,
  });

  const hit = (entry: Entry, context: ReplayContext | null): unknown => {
    if (context) replay(entry.ops, context);
    return output(entry.value);
  };

  const miss = (cache: FunctionCache, key: string, args: unknown[], context: ReplayContext | null): unknown => {
    const recorder = context ? new Recorder(context, kind, func) : null;
    let result: unknown;
    try {
      result = fn(...args);
    } catch (error) {
      recorder?.stop();
      throw error; // R146: nothing is cached
    }
    if (!isThenable(result)) {
      recorder?.stop();
      const entry = newEntry(cache, result, recorder, false);
      cache.write(key, entry);
      return output(entry.value);
    }
    // Only the computation still registered for the key may write: a clear() in between wins.
    const settle = () => {
      recorder?.stop();
      const current = cache.inflight.get(key) === pending;
      if (current) cache.inflight.delete(key);
      return current;
    };
    const pending: Promise<Entry> = Promise.resolve(result).then(
      (value) => {
        const current = settle();
        const entry = newEntry(cache, value, recorder, true);
        if (current) cache.write(key, entry);
        return entry;
      },
      (error: unknown) => {
        settle();
        throw error; // R146: a rejection is not cached
      },
    );
    cache.inflight.set(key, pending);
    return pending.then((entry) => output(entry.value));
  };

  const call = (args: unknown[], context: ReplayContext | null): unknown => {
    const cache = store();
    const key = keyOf(args);
    const entry = cache.read(key);
    if (entry && options.validate && kind === "resource" && !options.validate(entry.value)) cache.delete(key);
    else if (entry) return entry.async ? Promise.resolve(hit(entry, context)) : hit(entry, context);
    const flying = cache.inflight.get(key);
    // A waiter whose computation failed tries once more itself, as after Streamlit's per-key lock.
    if (flying) return flying.then((done) => hit(done, context), () => call(args, context));
    return miss(cache, key, args, context);
  };

  const cached = function (...args: unknown[]): unknown {
    return call(args, contextFor(bound, args));
  };
  Object.defineProperty(cached, "name", { value: fn.name });
  Object.defineProperty(cached, "clear", {
    value: (...args: unknown[]) => (args.length === 0 ? store().clear() : store().delete(keyOf(args))),
  });
  return cached as unknown as CachedFunction<F>;
}

/** `st.cacheData` / `st.cacheResource` for one registry, bound to a session or not. */
function cacheApis(registry: CacheRegistry, bound?: RunRef): { cacheData: CacheDataApi; cacheResource: CacheResourceApi } {
  const cacheData = ((fn: AnyFunction, options?: CacheDataOptions) => makeCached("data", registry, bound, fn, options)) as CacheDataApi;
  cacheData.clear = () => registry.clear("data");
  const cacheResource = ((fn: AnyFunction, options?: CacheResourceOptions) =>
    makeCached("resource", registry, bound, fn, options)) as CacheResourceApi;
  cacheResource.clear = () => registry.clear("resource");
  return { cacheData, cacheResource };
}

/** The session's `st.cacheData` and `st.cacheResource`: the isolate's caches, recording into `ref`. */
export function sessionCacheApis(ref: RunRef): { cacheData: CacheDataApi; cacheResource: CacheResourceApi } {
  return cacheApis(isolateCaches, ref);
}

/**
 * Caches separate from the isolate's, with their own clock: for tests (TTL without waiting) or
 * for an app that wants to clear its own caches only.
 *
 * ```ts
 * let now = 0;
 * const { cacheData } = createCaches({ now: () => now });
 * ```
 */
export function createCaches(options: { now?: () => number } = {}): { cacheData: CacheDataApi; cacheResource: CacheResourceApi } {
  return cacheApis(new CacheRegistry(options.now));
}

/** Module-level `cacheData` and `cacheResource`, sharing the isolate's caches with `st.*`. */
export const { cacheData, cacheResource } = cacheApis(isolateCaches);

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

function checkExcludeArgs(value: unknown): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || !value.every((i) => Number.isInteger(i) && i >= 0)) {
    throw new StreamlitAPIException(cacheMessages.excludeArgs(JSON.stringify(value) ?? String(value)));
  }
}

function describe(value: unknown): string {
  return value === null ? "null" : typeof value === "object" ? "an object" : `a ${typeof value}`;
}
