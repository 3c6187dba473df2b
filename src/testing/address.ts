/**
 * AppTest's model of the browser's address bar (SEMANTICS R156): the query it sends with every
 * request and takes back from the script's final query, the page it shows, and the request facts
 * `st.context` reads.
 */
import { joinPath, routesOf } from "../runtime/navigation";
import type { QueryPairs, RequestContext, RequestInfo } from "../runtime/request";
import type { App, RequestOutcome } from "../runtime/session";

/** `at.queryParams`: set values (a list for a repeated key) before `run()`; after it, each key holds a list. */
export type TestQueryParams = Record<string, string | number | boolean | readonly (string | number | boolean)[]>;

export class BrowserAddress {
  queryParams: TestQueryParams = {};
  /** What `st.context` shows besides the URL (which follows the page and query). */
  context: Partial<Omit<RequestContext, "url">> = {};
  /** URL path of the page shown (after the first run). */
  page: string | undefined;
  private nextPage: string | undefined;

  constructor(
    private readonly app: App,
    private readonly appPath: string,
  ) {}

  /** Makes the next run load `path` (a page's URL path, absolute or under the app), like a link. */
  switchPage(path: string): void {
    const route = path.startsWith("/") ? path.replace(/(.)\/+$/, "$1") : joinPath(this.appPath, path.replace(/^\/+|\/+$/g, ""));
    const routes = routesOf(this.appPath, this.app);
    if (!routes.includes(route)) throw new Error(`No page at ${route}: this app answers at ${routes.join(", ")}.`);
    this.nextPage = route;
  }

  /** Takes the page switch that `switchPage` asked for, if any (the run becomes a page load). */
  takePageSwitch(): string | undefined {
    const page = this.nextPage;
    this.nextPage = undefined;
    return page;
  }

  request(page?: string): RequestInfo {
    const query: QueryPairs = Object.entries(this.queryParams).flatMap(([key, value]) =>
      (Array.isArray(value) ? value : [value]).map((v): [string, string] => [key, String(v)]),
    );
    const shown = page ?? this.page ?? this.appPath;
    const search = new URLSearchParams(query).toString();
    const context: RequestContext = { headers: {}, cookies: {}, ...this.context, url: `http://localhost${shown}${search ? `?${search}` : ""}` };
    return { page, query, context };
  }

  /** The browser follows the answer: the address shows the final page and query. */
  absorb(outcome: RequestOutcome): void {
    this.page = outcome.address.page;
    const lists: Record<string, string[]> = {};
    for (const [key, value] of outcome.address.query) (lists[key] ??= []).push(value);
    this.queryParams = lists;
  }
}
