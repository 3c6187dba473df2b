/** Responses of the Worker: security headers on everything, and refusals in the caller's terms. */
import { renderErrorPage, renderNotice } from "../render/page";
import { INLINE_CSP } from "../wire/inline-assets";
import type { Rejection } from "./event";

/**
 * Scripts and styles come from this origin only, or are Edgelit's own inline texts (the handler
 * every page's body carries to load the boot module on its first use, allowed as an event handler
 * attribute by 'unsafe-hashes'; the stylesheet of a first visit), allowed by the hash of their
 * exact text (INLINE_CSP). `style-src-attr 'unsafe-inline'` lets
 * elements use style attributes (column widths, container heights) while any other `<style>`
 * element stays blocked; htmx's injected indicator CSS is off (includeIndicatorCSS:false) and
 * lives in our stylesheet.
 */
const CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  `script-src 'self' ${INLINE_CSP.script}`,
  `style-src 'self' ${INLINE_CSP.style}`,
  "style-src-attr 'unsafe-inline'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");

const SECURITY_HEADERS: [string, string][] = [
  ["Content-Security-Policy", CSP],
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "same-origin"],
];

export function withSecurityHeaders(headers: Headers): Headers {
  for (const [name, value] of SECURITY_HEADERS) headers.set(name, value);
  return headers;
}

/** HTML that depends on the session: never cached (it carries the CSRF token and live state). */
const HTML_HEADERS: [string, string][] = [["Content-Type", "text/html; charset=utf-8"], ["Cache-Control", "no-store"], ...SECURITY_HEADERS];
/** The same, made once per isolate: a Response copies a `Headers` without checking each name and value again. */
const PLAIN_HTML_HEADERS = new Headers(HTML_HEADERS);

/**
 * An HTML response with `extra` headers (an event's htmx headers, a Set-Cookie). Without any, the
 * headers are copied from one prebuilt set, as most event answers are (issue 7).
 */
export function htmlResponse(html: string, status = 200, extra: Headers | Record<string, string> = {}): Response {
  if (!(extra instanceof Headers) && Object.keys(extra).length === 0) return new Response(html, { status, headers: PLAIN_HTML_HEADERS });
  const headers = new Headers(extra);
  for (const [name, value] of HTML_HEADERS) headers.set(name, value);
  return new Response(html, { status, headers });
}

export function redirect(location: string, headers = new Headers()): Response {
  headers.set("Location", location);
  headers.set("Cache-Control", "no-store");
  return new Response(null, { status: 303, headers: withSecurityHeaders(headers) });
}

/**
 * A refusal. htmx requests get a notice above the app (htmx swaps every status but 204/304, and
 * widget forms swap nothing themselves); plain requests get an error page linking back.
 */
export function refusal(rejection: Rejection, htmx: boolean, back?: string, extra: Headers | Record<string, string> = {}): Response {
  const body = htmx ? renderNotice(rejection.message).value : renderErrorPage(titleOf(rejection.status), rejection.message, back);
  return htmlResponse(body, rejection.status, extra);
}

function titleOf(status: number): string {
  const titles: Record<number, string> = {
    400: "Bad request",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    409: "Out of date",
    413: "Too large",
    415: "Unsupported content type",
    500: "Server error",
  };
  return titles[status] ?? "Error";
}
