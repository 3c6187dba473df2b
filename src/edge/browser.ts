/**
 * Who is asking: the browser, named by a signed cookie `<browserId>.<hmac>`, and the tab, named by
 * the `_s` token in the page URL. A session is reachable only with both, so a tab token that leaks
 * (a shared URL, a log) opens a different, empty session in another browser.
 */
import type { Context } from "hono";
import { generateCookie, getCookie } from "hono/cookie";
import { BROWSER_COOKIE, SESSION_PARAM } from "../wire";
import { isRandomId, randomId, sign, verify } from "./signing";

/** A year: sessions expire on their own (EDGELIT_SESSION_TTL_SECONDS); the name may stay. */
const COOKIE_MAX_AGE_SECONDS = 365 * 24 * 3600;

/** The browser id from a valid cookie, or null when it is missing or forged. */
export async function readBrowserId(c: Context, secret: string): Promise<string | null> {
  const cookie = getCookie(c, BROWSER_COOKIE);
  if (!cookie) return null;
  const [id, mac, extra] = cookie.split(".");
  if (extra !== undefined || !isRandomId(id) || !mac) return null;
  return (await verify(secret, id, mac)) ? id : null;
}

/** A new browser id and the Set-Cookie header value that names it. */
export async function issueBrowserId(url: URL, secret: string): Promise<{ id: string; setCookie: string }> {
  const id = randomId();
  const setCookie = generateCookie(BROWSER_COOKIE, `${id}.${await sign(secret, id)}`, {
    path: "/",
    httpOnly: true,
    sameSite: "Lax",
    secure: url.protocol === "https:",
    maxAge: COOKIE_MAX_AGE_SECONDS,
  });
  return { id, setCookie };
}

/** The tab's session token from the URL, if well-formed. */
export function readTabToken(url: URL): string | null {
  const token = url.searchParams.get(SESSION_PARAM);
  return isRandomId(token) ? token : null;
}

/** Every event post carries this: it binds the form to this browser and tab. */
export function csrfToken(secret: string, browserId: string, tabToken: string): Promise<string> {
  return sign(secret, `${browserId}:${tabToken}`);
}

export function checkCsrfToken(secret: string, browserId: string, tabToken: string, posted: string): Promise<boolean> {
  return verify(secret, `${browserId}:${tabToken}`, posted);
}

/** The Durable Object name of a session: one per browser, tab and app. */
export function sessionName(browserId: string, tabToken: string, appPath: string): string {
  return `${browserId}:${tabToken}:${appPath}`;
}
