/**
 * The wire vocabulary: every route, form field, header, DOM-id rule and event name the browser and
 * the server share. Nothing else spells them.
 */
import { BUILT_ASSET } from "./assets";

/** Form fields of an event post. A widget's own value is posted under its widget id. */
export const FIELD = {
  /** CSRF token: an HMAC of the browser and tab ids. */
  csrf: "_csrf",
  /** Render sequence the client holds (htmx only; posted from #el-seq). */
  seq: "_seq",
  /** Repeated: the id of each widget whose value this post carries (a missing checkbox means false). */
  widget: "_w",
  /** The trigger widget (button, submit button) that was pressed. */
  trigger: "_t",
  /** The st.form being submitted. */
  form: "_f",
  /** A fragment to rerun: its runEvery timer posts this instead of widget values (R122). */
  fragment: "_fg",
} as const;

/** Query parameter carrying the tab's session token in page and event URLs. */
export const SESSION_PARAM = "_s";

/**
 * Cookie naming the browser: `<browserId>.<hmac>` (signed, HttpOnly, SameSite=Lax; Lax, not
 * Strict, so a link into an app from another site still finds the browser's sessions).
 */
export const BROWSER_COOKIE = "edgelit_browser";

export const HEADER = {
  htmxRequest: "HX-Request",
  /** Response: replace the address (st.queryParams writes) or push one (st.switchPage). */
  replaceUrl: "HX-Replace-Url",
  pushUrl: "HX-Push-Url",
  /** Response: reload the page (an event from a page the tab has left). */
  refresh: "HX-Refresh",
  /** Response: load this URL as a new page. */
  redirect: "HX-Redirect",
} as const;

/**
 * Attribute of <body> naming the page's own address (path, query, tab token): the extension puts
 * it in the address bar, so a first visit without `_s` (served directly) reloads into its session.
 */
export const PAGE_URL_ATTR = "data-el-url";

/**
 * Static assets, served by Workers static assets from public/ and cached forever: htmx under its
 * version, the rest (extension, stylesheet, and `icon`, the page icon when an app sets no
 * `pageIcon`) under names that carry a hash of their content (scripts/build-client.mjs).
 */
export const ASSET = {
  htmx: "/_edgelit/htmx-4.0.1.min.js",
  ...BUILT_ASSET,
} as const;

/** DOM ids. Elements are addressed by delta path, widgets by identity. */
export const DOM = {
  seq: "el-seq",
  root: (root: number) => `el-root-${root}`,
  element: (path: number[]) => `el-${path.join("-")}`,
  /** `element([...path, index])` from `element(path)`, without joining the path again. */
  child: (parent: string, index: number) => `${parent}-${index}`,
  control: (widgetId: string) => `${widgetId}-control`,
  help: (widgetId: string) => `${widgetId}-help`,
} as const;

/** Builds the URL events are posted to for a page and a tab session. */
export function eventAction(pagePath: string, sessionToken: string): string {
  return `${pagePath}?${SESSION_PARAM}=${encodeURIComponent(sessionToken)}`;
}

// --- Edge and page additions ---------------------------------------------------------------------

/** Routes besides the app pages (which are the keys of apps/index.ts). */
export const ROUTE = {
  gallery: "/",
} as const;

/** Page-level DOM ids outside the two roots. */
export const PAGE_DOM = {
  /** Where error notices of htmx events appear (outside the roots, so morphs keep it). */
  notice: "el-notice",
  title: "el-title",
} as const;

/** How an htmx response addresses what changed: one `<hx-partial>` per node, morphed in place. */
export const PARTIAL = {
  tag: "hx-partial",
  nodeSwap: "outerMorph",
  noticeSwap: "innerHTML",
  titleSwap: "textContent",
} as const;

/**
 * Every htmx post joins one queue on <body>, in trigger order, and none is dropped; each carries
 * the render sequence from #el-seq (the extension refreshes it when a queued post finally leaves).
 */
export const SYNC = {
  include: `#${DOM.seq}`,
  queue: "body:queue all",
} as const;

/** Largest event body the edge accepts (413 above). */
export const MAX_BODY_BYTES = 64 * 1024;

/** Content types an event post may use (415 otherwise). */
export const EVENT_CONTENT_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"] as const;
