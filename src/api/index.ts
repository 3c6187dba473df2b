/**
 * The public surface for app authors: `defineApp` and the types `st` is made of.
 *
 * ```ts
 * import { defineApp } from "../src/api";
 * export default defineApp((st) => {
 *   st.sessionState.count ??= 0;
 *   if (st.button("Increment")) st.sessionState.count += 1;
 *   st.write("Count = ", st.sessionState.count);
 * });
 * ```
 */
export { defineApp, type App, type AppFunction } from "../runtime/session";
export type { St } from "../runtime/st";
export type { Dg as Container } from "../runtime/dg";
export type { SessionState } from "../runtime/session-state";
export type { PageConfig } from "../runtime/run";
export { isControlSignal } from "../runtime/control";
export { Page, type StPage, type PageOptions, type NavigationOptions } from "../runtime/navigation";
export type { QueryParams } from "../runtime/query-params";
export type { StContext } from "../runtime/context";
export { FragmentWidgetsNotAllowedOutsideError, type FragmentOptions } from "../runtime/fragment";
export type { DialogOptions } from "../runtime/dialog";
export {
  StreamlitAPIException,
  DuplicateElementId,
  DuplicateElementKey,
  ValueAssignmentNotAllowedError,
  InvalidFormCallbackError,
} from "../runtime/errors";
export {
  cacheData,
  cacheResource,
  createCaches,
  type CachedFunction,
  type CacheDataOptions,
  type CacheResourceOptions,
} from "../runtime/cache";
export {
  UnhashableParamError,
  UnserializableReturnValueError,
  CachedWidgetError,
  CacheReplayClosureError,
} from "../runtime/cache-errors";
