/**
 * Pages at the edge: which URL path belongs to which app (a multipage app answers at every page
 * it declares), the address of a page in a tab, and what a request tells the session (its page,
 * URL query and `st.context` facts).
 */
import type { Context } from "hono";
import { parse as parseCookies } from "hono/utils/cookie";
import { routesOf } from "../runtime/navigation";
import type { QueryPairs, RequestContext, RequestInfo } from "../runtime/request";
import { formatQuery, parseQuery } from "../runtime/request";
import type { App } from "../runtime/session";
import { BROWSER_COOKIE, SESSION_PARAM } from "../wire";

/** A URL path the Worker answers: the app (by its registry path) and the page asked for. */
export interface Route {
  appPath: string;
  page: string;
}

/** Every page URL of every registered app. Two apps claiming one URL is a mistake, named at start. */
export function routeTable(apps: Record<string, App>): Map<string, Route> {
  const table = new Map<string, Route>();
  for (const [appPath, app] of Object.entries(apps)) {
    for (const page of routesOf(appPath, app)) {
      const taken = table.get(page);
      if (taken) throw new Error(`Two apps answer at ${page}: "${taken.appPath}" and "${appPath}" (apps/index.ts). Give one of them another path.`);
      table.set(page, { appPath, page });
    }
  }
  return table;
}

/** A page's address in a tab: its path, its query, then the tab token. */
export function pageUrl(page: string, query: QueryPairs, token: string): string {
  const rest = formatQuery(query);
  // A tab token is base64url (randomId), which encodeURIComponent and a form encoding leave alike.
  const tab = `${SESSION_PARAM}=${encodeURIComponent(token)}`;
  return rest === "" ? `${page}?${tab}` : `${page}?${rest}&${tab}`;
}

/**
 * A request as the Worker hands it to the session. `st.context` is worked out from it only when an
 * app reads it (`requestInfo`): building its headers, cookies and URL for every event, and copying
 * them into the session object's call, was work most apps never use (issue 7). The headers go whole
 * (Workers RPC passes `Headers` natively), Cookie included; `st.context` leaves it out.
 */
export interface EdgeRequest {
  /** URL path of the page requested. */
  page: string;
  /** The address bar's query without the tab token; absent: the session keeps the one it has. */
  query?: QueryPairs;
  headers: Headers;
  /** The page's address as the browser shows it (tab token included). */
  address: string;
  /**
   * Cloudflare's `request.cf.timezone` (from the client's IP), read on page loads only: reading
   * `cf` costs a parse of all its fields (2% of an event's CPU), and the session keeps a page
   * load's time zone for the events after it, as Streamlit takes the browser's when it connects.
   */
  timezone?: string;
}

/** A page GET: the URL is the whole truth (R132). */
export function pageRequest(c: Context, url: URL, route: Route): EdgeRequest {
  return { page: route.page, query: parseQuery(url.searchParams), headers: c.req.raw.headers, address: url.href, timezone: timezoneOf(c) };
}

/**
 * An event: its page is the URL it was posted to; its query is the address bar's when the post's
 * Referer names this page in this tab (Referrer-Policy: same-origin sends it whole; htmx's fetch
 * and a plain form post both send the document's URL as it is when the post leaves, so a queued
 * post sees the address an earlier answer wrote). Otherwise the session keeps the query it last
 * served, which every page load and every write updates.
 */
export function eventRequest(c: Context, url: URL, route: Route, token: string): EdgeRequest {
  const referer = c.req.header("Referer");
  const candidate = referer ? parseUrl(referer) : undefined;
  const address =
    candidate && candidate.origin === url.origin && candidate.pathname === route.page && candidate.searchParams.get(SESSION_PARAM) === token
      ? candidate
      : undefined;
  const query = address ? parseQuery(address.searchParams) : undefined;
  return { page: route.page, query, headers: c.req.raw.headers, address: (address ?? url).href };
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

function timezoneOf(c: Context): string | undefined {
  const cf = (c.req.raw as { cf?: { timezone?: unknown } }).cf;
  return typeof cf?.timezone === "string" ? cf.timezone : undefined;
}

/** What the session's engine is told of an edge request; `st.context`'s facts wait for a read. */
export function requestInfo(request: EdgeRequest): RequestInfo {
  return { page: request.page, query: request.query, context: new EdgeRequestContext(request) };
}

/** `st.context`'s facts of one request, each worked out on its first read. */
class EdgeRequestContext implements RequestContext {
  #headers?: Record<string, string>;
  #cookies?: Record<string, string>;
  #url?: string;

  constructor(private readonly request: EdgeRequest) {}

  /** By lower-case name (as Headers iterate), without Cookie. */
  get headers(): Record<string, string> {
    if (!this.#headers) {
      const headers: Record<string, string> = {};
      for (const [name, value] of this.request.headers) if (name !== "cookie") headers[name] = value;
      this.#headers = headers;
    }
    return this.#headers;
  }

  /** Without Edgelit's own browser cookie. */
  get cookies(): Record<string, string> {
    if (!this.#cookies) {
      const header = this.request.headers.get("Cookie");
      const cookies: Record<string, string> = {};
      for (const [name, value] of Object.entries(header ? parseCookies(header) : {})) if (name !== BROWSER_COOKIE) cookies[name] = value;
      this.#cookies = cookies;
    }
    return this.#cookies;
  }

  /** The page's address without the tab token or a fragment. */
  get url(): string {
    if (this.#url === undefined) {
      const shown = new URL(this.request.address);
      shown.pathname = this.request.page;
      shown.searchParams.delete(SESSION_PARAM);
      shown.hash = "";
      this.#url = shown.href;
    }
    return this.#url;
  }

  get locale(): string | undefined {
    const language = this.request.headers.get("Accept-Language")?.split(",")[0]?.split(";")[0]?.trim();
    return language && language !== "*" ? language : undefined;
  }

  get timezone(): string | undefined {
    return this.request.timezone;
  }

  get ipAddress(): string | undefined {
    return this.request.headers.get("CF-Connecting-IP") ?? undefined;
  }
}
