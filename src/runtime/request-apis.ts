/**
 * The members of `st` that speak of the page and the request: `queryParams`, `context`,
 * `navigation`, `Page` and `switchPage` (st.ts spreads them into `st`). `st.pageLink` is an
 * element (src/elements/navigation/page-link.ts), so containers have it too.
 */
import { createContext, type StContext } from "./context";
import { navigate, Page, switchPage, type NavigationOptions, type NavigationPages, type PageOptions, type StPage } from "./navigation";
import { createQueryParams, type QueryInput, type QueryParams } from "./query-params";
import type { SessionScope } from "./request";
import type { App, AppFunction } from "./session";
import type { RunRef } from "./session-state";
import type { St } from "./st";

export interface RequestApis {
  /** The page URL's query: `st.queryParams.tab ??`… reads, assignments update the URL (SEMANTICS 1.15). */
  readonly queryParams: QueryParams;
  /** Read-only facts of the request that started this run: headers, cookies, url, locale… */
  readonly context: StContext;
  /** Picks the page the URL names (or the default), draws the menu and returns the page to run (R138). */
  navigation(pages: NavigationPages, options?: NavigationOptions): StPage;
  /** A page of a multipage app: a function (or app) with a title, an icon and a URL path. */
  Page(source: AppFunction | App, options?: PageOptions): StPage;
  /** Stops this run and runs another page instead (R139). Throws a control signal. */
  switchPage(page: StPage | string, options?: { queryParams?: QueryInput }): never;
}

export function requestApis(st: St, ref: RunRef): RequestApis {
  const scope = (): SessionScope => {
    if (!ref.scope) throw new Error("st.queryParams, st.context and st.navigation need a session (AppSession).");
    return ref.scope;
  };
  return {
    queryParams: createQueryParams(ref, scope),
    context: createContext(scope),
    navigation: (pages, options) => navigate(st, ref, pages, options),
    Page,
    switchPage: (page, options) => switchPage(ref, page, options),
  };
}
