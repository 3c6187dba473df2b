/**
 * What a session knows of the browser's address and of the request that started a run: the page
 * shown, the URL query (SEMANTICS 1.15, without our tab token) and the request facts behind
 * `st.context`. One `SessionScope` per session (AppSession owns it; `RunRef.scope` reaches it), so
 * `st.queryParams`, `st.context` and `st.navigation` read the same, live values.
 *
 * The query is the session's model of the address bar: every request brings the URL's query (a
 * page GET always; an event when it can tell), writes change it at once, and a rerun reads it
 * again (R132, R134). What a request does not bring, the session keeps from the last one.
 */
import { SESSION_PARAM } from "../wire";
import type { App } from "./session";
import type { Run } from "./run";
import type { SessionData } from "./state";
import { UnknownWidgetError } from "./errors";

/** A URL query as ordered key/value pairs; a key may repeat. */
export type QueryPairs = [string, string][];

/** The request facts `st.context` shows (read-only, SEMANTICS 2.9). */
export interface RequestContext {
  /** Request headers by lower-case name, without Cookie. */
  headers: Record<string, string>;
  /** Cookies by name, without Edgelit's own browser cookie. */
  cookies: Record<string, string>;
  /** The page's URL as the browser shows it, without the tab token. */
  url: string;
  /** The first language of Accept-Language, e.g. "en-US". */
  locale?: string;
  /** IANA time zone where the platform knows it (Cloudflare: from the client's IP). */
  timezone?: string;
  /** The client's IP address where the platform tells it (Cloudflare: CF-Connecting-IP). */
  ipAddress?: string;
}

/** What the edge (or AppTest) tells a session about one request. */
export interface RequestInfo {
  /** URL path of the page requested; default: the page the session shows (or the app's path). */
  page?: string;
  /** The URL's query without the tab token; absent: the query the session last served. */
  query?: QueryPairs;
  context?: RequestContext;
}

/** Kept with the session's state, so an eviction loses none of it. */
export interface ScopeSnapshot {
  page: string | null;
  query: QueryPairs;
  /** Widgets registered while the current page ran: dropped when the page changes (R72). */
  pageWidgets: string[];
}

/** What a request's runs changed of the address: the edge turns it into a URL update. */
export interface AddressOutcome {
  /** URL path of the page shown after the runs. */
  page: string;
  /** The query after the runs. */
  query: QueryPairs;
  /** The title of the page st.navigation selected, if any. */
  pageTitle?: string;
  /** st.switchPage (or a navigation without the requested page) changed the page. */
  pageChanged: boolean;
  /** st.queryParams was written and the query differs from the one the request brought. */
  queryChanged: boolean;
}

/** An event for a page the session no longer shows (a tab restored from the back/forward cache). */
export class StalePageError extends UnknownWidgetError {
  override name = "StalePageError";
}

export const NO_CONTEXT: RequestContext = Object.freeze({ headers: {}, cookies: {}, url: "http://localhost/" });

export class SessionScope {
  /** URL path of the page shown (null before the first request). */
  page: string | null;
  query: QueryPairs;
  context: RequestContext = NO_CONTEXT;
  pageTitle: string | undefined;
  /** The run that called st.navigation (one call per run, R138). */
  navigatedRun: Run | null = null;
  /** The page function running now: its widgets are the page's. */
  pageRun: { run: Run; start: number; page: string } | null = null;
  private pageWidgets: Set<string>;
  private requested = { page: "", query: "" };

  constructor(
    /** The app's own URL path: its default page, and the page of a single-page app. */
    readonly appPath: string,
    readonly app: App,
    /** The session's live data: a run on other data (a replay after eviction) changes nothing here. */
    private readonly data: SessionData,
    snapshot?: ScopeSnapshot,
  ) {
    this.page = snapshot?.page ?? null;
    this.query = snapshot?.query ?? [];
    this.pageWidgets = new Set(snapshot?.pageWidgets ?? []);
  }

  snapshot(): ScopeSnapshot {
    return { page: this.page, query: this.query.map(([k, v]) => [k, v]), pageWidgets: [...this.pageWidgets] };
  }

  /** Whether `run` is a run of this session's live state (not a replay on a copy). */
  isLive(run: Run): boolean {
    return run.data === this.data;
  }

  /** Refuses an event for another page than the one shown: its widgets are gone (R72). */
  checkEvent(request: RequestInfo): void {
    if (request.page === undefined || this.page === null || request.page === this.page) return;
    throw new StalePageError(`This page (${request.page}) is out of date: the tab has since moved to ${this.page}. Reload it to continue.`);
  }

  /** Takes in a request before its first run: its query, context and page. */
  begin(request: RequestInfo): void {
    if (request.context) this.context = request.context;
    if (request.query) this.query = request.query.filter(([key]) => key !== SESSION_PARAM).map(([k, v]) => [k, v]);
    this.enterPage(request.page ?? this.page ?? this.appPath);
    this.pageTitle = undefined;
    this.requested = { page: this.page!, query: formatQuery(this.query) };
  }

  /**
   * The request is over: its context goes (the next request brings its own). Kept, an edge
   * request's context held its headers, from the RPC call, alive until the session's next event.
   */
  end(): void {
    this.context = NO_CONTEXT;
  }

  /** What the runs of this request did to the address. */
  finish(): AddressOutcome {
    const page = this.page ?? this.appPath;
    const query = this.query.map(([k, v]): [string, string] => [k, v]);
    return {
      page,
      query,
      pageTitle: this.pageTitle,
      pageChanged: page !== this.requested.page,
      queryChanged: formatQuery(query) !== this.requested.query,
    };
  }

  /**
   * Makes `page` the page shown. Leaving a page drops its widgets before the new page runs (R72,
   * ≥1.46), keys included, except those kept with `persistState: "session"`.
   */
  enterPage(page: string, run?: Run): void {
    if (run && !this.isLive(run)) return;
    if (this.page !== null && page !== this.page) {
      this.collectPageWidgets();
      for (const id of this.pageWidgets) dropWidget(this.data, id);
      this.pageWidgets.clear();
      this.pageRun = null;
    }
    this.page = page;
  }

  /** Notes the widgets the running page registered so far as the page's (pruning dropped ones). */
  collectPageWidgets(): void {
    const active = this.pageRun;
    if (!active || !this.isLive(active.run) || active.page !== this.page) return;
    for (const id of active.run.order.slice(active.start)) this.pageWidgets.add(id);
    active.start = active.run.order.length;
    for (const id of this.pageWidgets) if (!Object.hasOwn(this.data.widgets, id)) this.pageWidgets.delete(id);
  }
}

function dropWidget(data: SessionData, id: string): void {
  const record = Object.hasOwn(data.widgets, id) ? data.widgets[id] : undefined;
  if (!record || record.meta.persist === "session") return;
  delete data.widgets[id];
  const key = record.meta.key;
  if (key !== undefined && data.keyToWidget[key] === id) delete data.keyToWidget[key];
}

/** `a=1&b=2` (no leading "?"), the tab token left out; spaces as "+", as browsers send forms. */
export function formatQuery(query: QueryPairs): string {
  if (query.length === 0) return ""; // most pages have none: no URLSearchParams each event
  return new URLSearchParams(query.filter(([key]) => key !== SESSION_PARAM)).toString();
}

/** The pairs of a query string or URLSearchParams, the tab token left out; blank values kept (R132). */
export function parseQuery(search: string | URLSearchParams): QueryPairs {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  return [...params].filter(([key]) => key !== SESSION_PARAM);
}
