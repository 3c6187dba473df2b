/**
 * The `st` object an app function receives: the active container (bare `st.*` writes to the
 * innermost `with` container, else the main area) plus session-wide members.
 */
import { ControlSignal, isControlSignal } from "./control";
import { Dg } from "./dg";
import "./methods";
import { SIDEBAR_ROOT, type PageConfig } from "./run";
import { createSessionState, type RunRef, type SessionState } from "./session-state";

export interface St extends Dg {
  /** Per-session state that survives reruns, reloads and restarts (SEMANTICS 1.5). */
  readonly sessionState: SessionState;
  /** The sidebar root: `st.sidebar.button(…)` or `st.sidebar.with(() => …)`. */
  readonly sidebar: Dg;
  /** Stops this run at once and starts a new full run (R90). Throws a control signal. */
  rerun(options?: { scope?: "app" | "fragment" }): never;
  /** Stops this run at once; what was drawn stays (R94). Throws a control signal. */
  stop(): never;
  /** Page title, icon, layout and theme; may be called anywhere, several times (D15). */
  setPageConfig(config: PageConfig): void;
  /** True for the signals of `st.rerun()`/`st.stop()`: rethrow them from catch blocks. */
  isControlSignal(value: unknown): boolean;
}

export function createSt(ref: RunRef): St {
  const st = new Dg(ref, { kind: "active" }) as St;
  const sidebar = new Dg(ref, { kind: "block", node: ref.current.roots[SIDEBAR_ROOT] });
  const members = {
    sessionState: createSessionState(ref),
    // The sidebar root belongs to the current run, so look it up on each access.
    get sidebar() {
      return ref.current.roots[SIDEBAR_ROOT] === sidebar.block ? sidebar : new Dg(ref, { kind: "block", node: ref.current.roots[SIDEBAR_ROOT] });
    },
    rerun(options: { scope?: "app" | "fragment" } = {}): never {
      ref.current.checkpoint();
      return ref.current.request(new ControlSignal("rerun", options.scope ?? "app"));
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
