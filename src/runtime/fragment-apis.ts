/** The `st` members of fragments and dialogs (SEMANTICS 1.13–1.14). */
import { createDialog, type DialogOptions } from "./dialog";
import type { Dg } from "./dg";
import { createFragment, type FragmentOptions } from "./fragment";

export interface FragmentApis {
  /**
   * Makes `fn` a fragment: called in a run, it draws into its own container at the call position
   * and returns what `fn` returns; a widget inside it reruns only `fn`, with the arguments of its
   * last call (R117–R128). Async functions must be awaited: `await clock()`.
   *
   * ```ts
   * const clock = st.fragment(() => st.write(new Date().toLocaleTimeString()), { runEvery: "1s" });
   * clock();
   * ```
   */
  fragment<A extends unknown[], R>(fn: (...args: A) => R, options?: FragmentOptions): (...args: A) => R;
  /**
   * Makes `fn` a modal dialog: calling the returned function opens it; its widgets rerun only the
   * dialog; a full rerun that does not call it again closes it (R129–R131).
   *
   * ```ts
   * const vote = st.dialog("Cast your vote", (item: string) => {
   *   const why = st.textInput("Because…");
   *   if (st.button("Submit")) { st.sessionState.vote = { item, why }; st.rerun(); }
   * });
   * if (st.button("Vote for A")) vote("A");
   * ```
   */
  dialog<A extends unknown[], R>(title: string, fn: (...args: A) => R, options?: DialogOptions): (...args: A) => R;
}

/** `st` writes into the innermost `with` container at the time the returned function is called. */
export function fragmentApis(st: Dg): FragmentApis {
  return {
    fragment: (fn, options) => createFragment(st, fn, options),
    dialog: (title, fn, options) => createDialog(st, title, fn, options),
  };
}
