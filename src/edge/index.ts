/**
 * The Worker: routes, cookies and checks, then one call to the tab's session object.
 *
 * GET /            the gallery of registered apps
 * GET <appPath>    the page (303 to add `_s=<tab token>` when missing; issues the browser cookie)
 * POST <appPath>?_s=<token>   one event: 200 with htmx partials, or 303 back (plain form post)
 */
import { Hono } from "hono/tiny";
import type { Context } from "hono";
import type { App } from "../runtime/session";
import { renderGallery } from "../render/page";
import { eventAction, FIELD, HEADER, ROUTE } from "../wire";
import { checkCsrfToken, csrfToken, issueBrowserId, readBrowserId, readTabToken, sessionName, withNewTabToken } from "./browser";
import { signingSecret, type Env } from "./env";
import { checkOrigin, decodeEvent, readForm, Rejection } from "./event";
import { htmlResponse, redirect, refusal } from "./respond";

type Ctx = Context<{ Bindings: Env }>;

export function createEdge(apps: Record<string, App>): Hono<{ Bindings: Env }> {
  const edge = new Hono<{ Bindings: Env }>();
  const paths = Object.keys(apps);
  edge.get(ROUTE.gallery, () => htmlResponse(renderGallery(paths)));
  for (const path of paths) {
    edge.get(path, (c) => openPage(c, path));
    edge.post(path, (c) => postEvent(c, path));
  }
  edge.all("*", (c) => {
    const known = c.req.path === ROUTE.gallery || paths.includes(c.req.path);
    if (!known) return refusal(new Rejection(404, `There is no page at ${c.req.path}.`), false, ROUTE.gallery);
    const allow = c.req.path === ROUTE.gallery ? "GET" : "GET, POST";
    return refusal(new Rejection(405, `${c.req.method} is not allowed here; use ${allow}.`), false, undefined, new Headers({ Allow: allow }));
  });
  edge.onError((error, c) => {
    console.error(error);
    const message = "The server failed while handling this request. Reload the page to continue.";
    return refusal(new Rejection(500, message), c.req.header(HEADER.htmxRequest) === "true");
  });
  return edge;
}

async function openPage(c: Ctx, appPath: string): Promise<Response> {
  const secret = signingSecret(c.env);
  if ("problem" in secret) return refusal(new Rejection(500, secret.problem), false);
  const url = new URL(c.req.url);
  const headers = new Headers();
  let browserId = await readBrowserId(c, secret.secret);
  if (!browserId) {
    const issued = await issueBrowserId(url, secret.secret);
    browserId = issued.id;
    headers.append("Set-Cookie", issued.setCookie);
  }
  const token = readTabToken(url);
  if (!token) return redirect(withNewTabToken(url), headers);
  const call = { appPath, action: eventAction(appPath, token), csrf: await csrfToken(secret.secret, browserId, token) };
  const reply = await c.env.SESSION.getByName(sessionName(browserId, token, appPath)).page(call);
  if (reply.kind !== "html") throw new Error(`A page load answered "${reply.kind}".`);
  return htmlResponse(reply.html, 200, headers);
}

async function postEvent(c: Ctx, appPath: string): Promise<Response> {
  const htmx = c.req.header(HEADER.htmxRequest) === "true";
  const url = new URL(c.req.url);
  const token = readTabToken(url);
  const back = token ? eventAction(appPath, token) : appPath;
  const refuse = (status: Rejection["status"], message: string) => refusal(new Rejection(status, message), htmx, back);
  const secret = signingSecret(c.env);
  if ("problem" in secret) return refuse(500, secret.problem);
  const foreign = checkOrigin(c.req.raw);
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
  const stub = c.env.SESSION.getByName(sessionName(browserId, token, appPath));
  const reply = await stub.event({ appPath, action: back, csrf: posted, event: decoded.event, seq: decoded.seq, htmx });
  switch (reply.kind) {
    case "html":
      return htmlResponse(reply.html);
    case "redirect":
      return redirect(back);
    case "refused":
      return reply.html !== undefined ? htmlResponse(reply.html, reply.status) : refuse(reply.status, reply.message);
  }
}
