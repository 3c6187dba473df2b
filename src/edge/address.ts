/**
 * The page's address in a session's answers: where events post to, the URL the tab shows, and
 * the htmx headers that move the address bar after an event (SEMANTICS R134, R139).
 *
 * - A query write replaces the address (HX-Replace-Url): the URL stays shareable and reloadable,
 *   and Back leaves the page instead of stepping through every value a widget had. Back and
 *   Forward reload (htmx `history:reload`), so each page shown runs with its own URL's query.
 * - A page switch pushes the new page's address (HX-Push-Url), as following a link would, so
 *   Back returns to the page before. When the new page's layout or theme differs (drawn on
 *   <body> and <html>, outside the parts an update swaps), it is loaded instead (HX-Redirect).
 */
import { formatQuery, type QueryPairs } from "../runtime/request";
import type { RequestOutcome } from "../runtime/session";
import { pageUrl } from "./pages";
import { eventAction, HEADER, SESSION_PARAM } from "../wire";

export interface AddressCall {
  appPath: string;
  action: string;
  token?: string;
  /** The page and query the request asked for. */
  request?: { page?: string; query?: QueryPairs };
}

/** What a saved view remembers of the address it was drawn for. */
export interface ViewAddress {
  page?: string;
  query?: string;
  url?: string;
  layout?: "centered" | "wide";
  theme?: "auto" | "light" | "dark";
}

/** The tab token of a call (the Worker passes it; older callers only had the event URL). */
function tokenOf(call: AddressCall): string {
  return call.token ?? new URL(call.action, "http://edgelit.invalid").searchParams.get(SESSION_PARAM) ?? "";
}

/** Where the shown page's events post to, and the address the tab should show. */
export function addressOf(call: AddressCall, outcome: RequestOutcome): { action: string; url: string; page: string; query: string } {
  const token = tokenOf(call);
  const { page, query } = outcome.address;
  return { action: eventAction(page, token), url: pageUrl(page, query, token), page, query: formatQuery(query) };
}

/** Whether a saved view was drawn for the page and query this GET asks for. */
export function showsRequest(view: ViewAddress, call: AddressCall): boolean {
  const page = call.request?.page ?? call.appPath;
  const query = formatQuery(call.request?.query ?? []);
  return (view.page === undefined || view.page === page) && (view.query === undefined || view.query === query);
}

/** The htmx headers that bring the address bar in line with an event's outcome. */
export function addressHeaders(previous: ViewAddress | undefined, outcome: RequestOutcome, url: string): Record<string, string> {
  const { pageChanged, queryChanged } = outcome.address;
  if (pageChanged) {
    const samePage = previous?.layout === outcome.pageConfig.layout && previous?.theme === outcome.pageConfig.theme;
    return { [samePage ? HEADER.pushUrl : HEADER.redirect]: url };
  }
  return queryChanged ? { [HEADER.replaceUrl]: url } : {};
}
