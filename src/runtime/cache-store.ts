/**
 * In-memory cache storage (SEMANTICS R146, R148, R149, D11): one store per cached function, with
 * a TTL measured from the write, LRU eviction past `maxEntries`, and the in-flight computations
 * that concurrent misses share. The clock is injected so tests can move time without fake timers.
 */
import { type CacheKind, cacheMessages } from "./cache-errors";
import type { RecordedOp } from "./cache-replay";
import { StreamlitAPIException } from "./errors";

export interface Entry {
  value: unknown;
  /** Elements drawn on the miss, replayed on every hit (R147). */
  ops: readonly RecordedOp[];
  /** Clock time of the write: the TTL counts from here, reads do not extend it (R148). */
  written: number;
  /** The function returned a promise: hits return one too. */
  async: boolean;
}

export interface CacheLimits {
  ttlMs?: number;
  maxEntries?: number;
}

export class FunctionCache {
  /** Insertion order is recency: a hit moves its entry to the end, eviction takes the first. */
  private readonly entries = new Map<string, Entry>();
  /** Misses being computed, by argument key: a second caller waits for the first (R146). */
  readonly inflight = new Map<string, Promise<Entry>>();

  constructor(
    private readonly now: () => number,
    public limits: CacheLimits,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** A live entry (and marks it recently used), or undefined when missing or expired. */
  read(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (this.expired(entry)) return undefined;
    this.entries.set(key, entry);
    return entry;
  }

  write(key: string, entry: Entry): void {
    for (const [k, e] of this.entries) if (this.expired(e)) this.entries.delete(k);
    this.entries.delete(key);
    this.entries.set(key, entry);
    const max = this.limits.maxEntries;
    if (max === undefined) return;
    for (const k of this.entries.keys()) {
      if (this.entries.size <= max) break;
      this.entries.delete(k);
    }
  }

  /** Forgets one key; a computation in flight for it will not be written (R149). */
  delete(key: string): void {
    this.entries.delete(key);
    this.inflight.delete(key);
  }

  clear(): void {
    this.entries.clear();
    this.inflight.clear();
  }

  stamp(): number {
    return this.now();
  }

  private expired(entry: Entry): boolean {
    return this.limits.ttlMs !== undefined && this.now() - entry.written >= this.limits.ttlMs;
  }
}

/**
 * All caches of one isolate (or of one test), by kind and function key. `cacheData` and
 * `cacheResource` never share stores, and each clears only its own kind (R149).
 */
export class CacheRegistry {
  private readonly stores: Record<CacheKind, Map<string, FunctionCache>> = { data: new Map(), resource: new Map() };

  constructor(readonly now: () => number = Date.now) {}

  /** The store of one function; the limits of its latest definition apply. */
  storeFor(kind: CacheKind, functionKey: string, limits: CacheLimits): FunctionCache {
    const stores = this.stores[kind];
    let store = stores.get(functionKey);
    if (!store) stores.set(functionKey, (store = new FunctionCache(this.now, limits)));
    store.limits = limits;
    return store;
  }

  clear(kind: CacheKind): void {
    for (const store of this.stores[kind].values()) store.clear();
  }
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const UNIT_NAMES: Record<string, string> = {
  ms: "ms", millisecond: "ms", milliseconds: "ms",
  s: "s", sec: "s", secs: "s", second: "s", seconds: "s",
  m: "m", min: "m", mins: "m", minute: "m", minutes: "m",
  h: "h", hr: "h", hrs: "h", hour: "h", hours: "h",
  d: "d", day: "d", days: "d", w: "w", week: "w", weeks: "w",
};

/** `ttl` (R148): seconds, or a duration string ("10s", "30m", "1h", "1d", "1h30m"), in ms. */
export function parseTtl(ttl: number | string | null | undefined): number | undefined {
  if (ttl === undefined || ttl === null || ttl === Infinity) return undefined;
  if (typeof ttl === "number") {
    if (!Number.isFinite(ttl) || ttl < 0) throw new StreamlitAPIException(cacheMessages.ttl(String(ttl)));
    return ttl * 1000;
  }
  if (typeof ttl !== "string") throw new StreamlitAPIException(cacheMessages.ttl(typeName(ttl)));
  const text = ttl.trim().toLowerCase();
  const pattern = /(\d+(?:\.\d+)?)\s*([a-z]+)\s*/gy;
  let total = 0;
  let consumed = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const unit = UNIT_NAMES[match[2]];
    if (!unit) break;
    total += Number(match[1]) * UNITS[unit];
    consumed = pattern.lastIndex;
  }
  if (text === "" || consumed !== text.length) throw new StreamlitAPIException(cacheMessages.ttl(JSON.stringify(ttl)));
  return total;
}

export function parseMaxEntries(value: number | null | undefined): number | undefined {
  if (value === undefined || value === null || value === Infinity) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    throw new StreamlitAPIException(cacheMessages.maxEntries(String(value)));
  }
  return value;
}

function typeName(value: unknown): string {
  return value === null ? "null" : typeof value;
}
