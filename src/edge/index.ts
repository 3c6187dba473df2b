/**
 * The Worker: routes, cookies and checks, then one call to the tab's session object.
 *
 * GET <page>       the page; without `_s` a new tab token is made and the page served at once
 *                  (the extension writes `_s` into the address bar); issues the browser cookie
 * POST <page>?_s=<token>   one event: 200 with htmx partials, or 303 to the page (plain form post)
 *
 * A page is an app's path, or one of the pages a multipage app declares; the session object is
 * one per browser, tab and app, so the pages of an app share it.
 */
import { Hono } from "hono/tiny";
import type { Context } from "hono";
import type { App } from "../runtime/session";
import { eventAction, FIELD, HEADER, ROUTE } from "../wire";
import { checkCsrfToken, csrfToken, issueBrowserId, readBrowserId, readTabToken, sessionName } from "./browser";
import { signingSecret, type Env } from "./env";
import { checkOrigin, decodeEvent, readForm, Rejection } from "./event";
import { eventRequest, pageRequest, routeTable, type Route } from "./pages";
import { htmlResponse, redirect, refusal } from "./respond";
import { randomId } from "./signing";

type Ctx = Context<{ Bindings: Env }>;

export function createEdge(apps: Record<string, App>): Hono<{ Bindings: Env }> {
  const edge = new Hono<{ Bindings: Env }>();
  const routes = routeTable(apps);
  for (const route of routes.values()) {
    edge.get(route.page, (c) => openPage(c, route));
    edge.post(route.page, (c) => postEvent(c, route));
  }
  edge.all("*", (c) => {
    if (!routes.has(c.req.path)) return refusal(new Rejection(404, `There is no page at ${c.req.path}.`), false, ROUTE.gallery);
    const allow = "GET, POST";
    return refusal(new Rejection(405, `${c.req.method} is not allowed here; use ${allow}.`), false, undefined, new Headers({ Allow: allow }));
  });
  edge.onError((error, c) => {
    console.error(error);
    const message = "The server failed while handling this request. Reload the page to continue.";
    return refusal(new Rejection(500, message), c.req.header(HEADER.htmxRequest) === "true");
  });
  return edge;
}

async function openPage(c: Ctx, route: Route): Promise<Response> {
  const secret = signingSecret(c.env);
  if ("problem" in secret) return refusal(new Rejection(500, secret.problem), false);
  const url = new URL(c.req.url);
  const headers = new Headers();
  let browserId = await readBrowserId(c, secret.secret);
  // No valid cookie: this browser's first visit, so its cache holds none of our files either.
  const assets = browserId ? "linked" : "inline";
  if (!browserId) {
    const issued = await issueBrowserId(url, secret.secret);
    browserId = issued.id;
    headers.append("Set-Cookie", issued.setCookie);
  }
  // A first visit is served at once with a new tab token (issue 7: no redirect round trip).
  const token = readTabToken(url) ?? randomId();
  const csrf = await csrfToken(secret.secret, browserId, token);
  const call = { appPath: route.appPath, action: eventAction(route.page, token), csrf, token, request: pageRequest(c, url, route), assets } as const;
  const reply = await c.env.SESSION.getByName(sessionName(browserId, token, route.appPath)).page(call);
  if (reply.kind !== "html") throw new Error(`A page load answered "${reply.kind}".`);
  return htmlResponse(reply.html, 200, headers);
}

async function postEvent(c: Ctx, route: Route): Promise<Response> {
  const htmx = c.req.header(HEADER.htmxRequest) === "true";
  const url = new URL(c.req.url);
  const token = readTabToken(url);
  const back = token ? eventAction(route.page, token) : route.page;
  const refuse = (status: Rejection["status"], message: string) => refusal(new Rejection(status, message), htmx, back);
  const secret = signingSecret(c.env);
  if ("problem" in secret) return refuse(500, secret.problem);
  const foreign = checkOrigin(c.req.raw, url);
  if (foreign) return refusal(foreign, htmx, back);
  const browserId = await readBrowserId(c, secret.secret);
  if (!browserId) {
    return refuse(403, "This browser has no valid session cookie (it was cleared, blocked or forged). Reload the page to start a new session.");
  }
  if (!token) return refuse(400, "This event names no session: its URL lacks a valid _s parameter. Reload the page.");
  const form = await readForm(c.req.raw);
  if (form instanceof Rejection) return refusal(form, htmx, back);
  const postedAll = form.getAll(FIELD.csrf);
  const posted = postedAll.length === 1 ? postedAll[0] : null;
  if (typeof posted !== "string" || !(await checkCsrfToken(secret.secret, browserId, token, posted))) {
    return refuse(403, "This event's CSRF token is missing or does not match this page. Reload the page and try again.");
  }
  const decoded = decodeEvent(form);
  if (decoded instanceof Rejection) return refusal(decoded, htmx, back);
  const stub = c.env.SESSION.getByName(sessionName(browserId, token, route.appPath));
  const request = eventRequest(c, url, route, token);
  const reply = await stub.event({ appPath: route.appPath, action: back, csrf: posted, token, request, event: decoded.event, seq: decoded.seq, htmx });
  switch (reply.kind) {
    case "html":
      return htmlResponse(reply.html, 200, reply.headers);
    case "redirect":
      return redirect(reply.location ?? back);
    case "refused":
      if (reply.html !== undefined) return htmlResponse(reply.html, reply.status, reply.headers);
      return refusal(new Rejection(reply.status, reply.message), htmx, back, reply.headers);
  }
}
