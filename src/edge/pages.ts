/**
 * Pages at the edge: which URL path belongs to which app (a multipage app answers at every page
 * it declares), the address of a page in a tab, and what a request tells the session (its page,
 * URL query and `st.context` facts).
 */
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { routesOf } from "../runtime/navigation";
import type { QueryPairs, RequestContext, RequestInfo } from "../runtime/request";
import { parseQuery } from "../runtime/request";
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
  const params = new URLSearchParams(query.filter(([key]) => key !== SESSION_PARAM));
  params.append(SESSION_PARAM, token);
  return `${page}?${params}`;
}

/** A page GET: the URL is the whole truth (R132). */
export function pageRequest(c: Context, url: URL, route: Route): RequestInfo {
  return { page: route.page, query: parseQuery(url.searchParams), context: requestContext(c, url, route.page) };
}

/**
 * An event: its page is the URL it was posted to; its query is the address bar's when the post's
 * Referer names this page in this tab (Referrer-Policy: same-origin sends it whole; htmx's fetch
 * and a plain form post both send the document's URL as it is when the post leaves, so a queued
 * post sees the address an earlier answer wrote). Otherwise the session keeps the query it last
 * served, which every page load and every write updates.
 */
export function eventRequest(c: Context, url: URL, route: Route, token: string): RequestInfo {
  const referer = c.req.header("Referer");
  const candidate = referer ? parseUrl(referer) : undefined;
  const address =
    candidate && candidate.origin === url.origin && candidate.pathname === route.page && candidate.searchParams.get(SESSION_PARAM) === token
      ? candidate
      : undefined;
  const query = address ? parseQuery(address.searchParams) : undefined;
  return { page: route.page, query, context: requestContext(c, address ?? url, route.page) };
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

function requestContext(c: Context, address: URL, page: string): RequestContext {
  // Headers iterate with lower-case names (Fetch). Built by one pass each, without `delete`,
  // which would leave the objects slow to copy into the session object's call (issue 7).
  const headers: Record<string, string> = {};
  for (const [name, value] of c.req.raw.headers) if (name !== "cookie") headers[name] = value;
  const cookies: Record<string, string> = {};
  for (const [name, value] of Object.entries(getCookie(c))) if (name !== BROWSER_COOKIE) cookies[name] = value;
  const shown = new URL(address);
  shown.pathname = page;
  shown.searchParams.delete(SESSION_PARAM);
  shown.hash = "";
  const cf = (c.req.raw as { cf?: { timezone?: unknown } }).cf;
  const language = c.req.header("Accept-Language")?.split(",")[0]?.split(";")[0]?.trim();
  return {
    headers,
    cookies,
    url: shown.href,
    locale: language && language !== "*" ? language : undefined,
    timezone: typeof cf?.timezone === "string" ? cf.timezone : undefined,
    ipAddress: c.req.header("CF-Connecting-IP") ?? undefined,
  };
}
