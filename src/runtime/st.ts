/**
 * The `st` object an app function receives: the active container (bare `st.*` writes to the
 * innermost `with` container, else the main area) plus session-wide members.
 */
import { sessionCacheApis, type CacheDataApi, type CacheResourceApi } from "./cache";
import { ControlSignal, isControlSignal } from "./control";
import { Dg } from "./dg";
import { rerunSignal } from "./fragment";
import { fragmentApis, type FragmentApis } from "./fragment-apis";
import "./methods";
import { requestApis, type RequestApis } from "./request-apis";
import { SIDEBAR_ROOT, type PageConfig } from "./run";
import { createSessionState, type RunRef, type SessionState } from "./session-state";

export interface St extends Dg, RequestApis, FragmentApis {
  /** Per-session state that survives reruns, reloads and restarts (SEMANTICS 1.5). */
  readonly sessionState: SessionState;
  /** The sidebar root: `st.sidebar.button(…)` or `st.sidebar.with(() => …)`. */
  readonly sidebar: Dg;
  /**
   * Stops this run at once and starts a new full run (R90), or with `{ scope: "fragment" }` reruns
   * only the fragment it is called in, during a fragment run (R91). Throws a control signal.
   */
  rerun(options?: { scope?: "app" | "fragment" }): never;
  /** Stops this run at once; what was drawn stays (R94). Throws a control signal. */
  stop(): never;
  /** Page title, icon, layout and theme; may be called anywhere, several times (D15). */
  setPageConfig(config: PageConfig): void;
  /** True for the signals of `st.rerun()`/`st.stop()`: rethrow them from catch blocks. */
  isControlSignal(value: unknown): boolean;
  /** Memoises a function for every session of this isolate, returning copies (SEMANTICS 1.17, D11). */
  readonly cacheData: CacheDataApi;
  /** Memoises a shared object (a client, a connection) for every session of this isolate (1.17). */
  readonly cacheResource: CacheResourceApi;
}

export function createSt(ref: RunRef): St {
  const st = new Dg(ref, { kind: "active" }) as St;
  const sidebar = new Dg(ref, { kind: "block", node: ref.current.roots[SIDEBAR_ROOT] });
  const members = {
    sessionState: createSessionState(ref),
    ...requestApis(st, ref),
    ...fragmentApis(st),
    ...sessionCacheApis(ref),
    // The sidebar root belongs to the current run, so look it up on each access.
    get sidebar() {
      return ref.current.roots[SIDEBAR_ROOT] === sidebar.block ? sidebar : new Dg(ref, { kind: "block", node: ref.current.roots[SIDEBAR_ROOT] });
    },
    rerun(options: { scope?: "app" | "fragment" } = {}): never {
      ref.current.checkpoint();
      return ref.current.request(rerunSignal(ref.current, options.scope ?? "app"));
    },
    stop(): never {
      ref.current.checkpoint();
      return ref.current.request(new ControlSignal("stop"));
    },
    setPageConfig(config: PageConfig): void {
      ref.current.checkpoint();
      ref.current.pageConfig = { ...ref.current.pageConfig, ...config };
    },
    isControlSignal,
  };
  Object.defineProperties(st, Object.getOwnPropertyDescriptors(members));
  return st;
}
