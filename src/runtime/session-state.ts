/**
 * `st.sessionState`: item and property access, `in`, `delete`, iteration and a few mapping
 * methods (SEMANTICS 1.5, D19). It always speaks to the session's current run, so a callback
 * drawn in the previous run reads and writes the state of the run it fires in.
 */
import type { SessionScope } from "./request";
import type { Run } from "./run";

export interface RunRef {
  current: Run;
  /** The session's page, URL query and request (request.ts); absent outside a session. */
  scope?: SessionScope;
}

export interface SessionStateMethods {
  /** The value of `key`, or `fallback` when it is missing. */
  get<T = any>(key: string, fallback?: T): T;
  /** A plain copy of the visible contents (R38). */
  toDict(): Record<string, unknown>;
  /** Assigns every entry of `values`. */
  update(values: Record<string, unknown>): void;
  /** Returns the value of `key`, first assigning `value` when the key is missing. */
  setdefault<T = any>(key: string, value: T): T;
  /** Deletes every visible key. */
  clear(): void;
  [Symbol.iterator](): Iterator<[string, any]>;
}

/** Any key reads as `any`, as Streamlit's mapping does; methods above keep their types. */
export type SessionState = SessionStateMethods & { [key: string]: any };

const METHOD_NAMES = new Set(["get", "toDict", "update", "setdefault", "clear"]);

export function createSessionState(ref: RunRef): SessionState {
  const run = () => {
    ref.current.checkpoint();
    return ref.current;
  };
  const methods: SessionStateMethods = {
    get: (key, fallback) => (run().hasState(String(key)) ? run().getState(String(key)) : fallback) as any,
    toDict: () => Object.fromEntries(run().stateKeys().map((k) => [k, run().getState(k)])),
    update: (values) => {
      for (const [k, v] of Object.entries(values)) run().setState(k, v);
    },
    setdefault: (key, value) => {
      if (!run().hasState(key)) run().setState(key, value);
      return run().getState(key) as any;
    },
    clear: () => {
      for (const k of run().stateKeys()) run().deleteState(k);
    },
    [Symbol.iterator]: () => Object.entries(methods.toDict())[Symbol.iterator](),
  };
  return new Proxy(methods as SessionState, {
    get(target, prop) {
      if (typeof prop === "symbol" || METHOD_NAMES.has(prop)) return Reflect.get(target, prop);
      if (prop === "toJSON") return () => methods.toDict();
      return run().getState(prop);
    },
    set(_target, prop, value) {
      if (typeof prop === "symbol") return false;
      run().setState(prop, value);
      return true;
    },
    has(_target, prop) {
      return typeof prop === "string" && run().hasState(prop);
    },
    deleteProperty(_target, prop) {
      if (typeof prop === "string") run().deleteState(prop);
      return true;
    },
    ownKeys() {
      return run().stateKeys();
    },
    getOwnPropertyDescriptor(_target, prop) {
      if (typeof prop !== "string" || !run().hasState(prop)) return undefined;
      return { value: run().getState(prop), writable: true, enumerable: true, configurable: true };
    },
  });
}
