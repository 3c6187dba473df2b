/**
 * `st.context`: read-only facts about the request that started this run (a page load or an
 * event), as the edge saw it. Nothing of it is stored: a run after an eviction sees the request
 * that woke the session. Differences from Streamlit, whose values come from the browser over the
 * websocket: `timezone` comes from the platform (Cloudflare derives it from the client's IP) and
 * is undefined where it does not know; `locale` is Accept-Language's first language.
 *
 * ```ts
 * st.write(`Hello from ${st.context.locale ?? "somewhere"}`);
 * const agent = st.context.headers["User-Agent"]; // any case
 * ```
 */
import { StreamlitAPIException } from "./errors";
import { formatQuery, type SessionScope } from "./request";

export interface StContext {
  /** Request headers; names are case-insensitive. Cookie is left out (see `cookies`). */
  readonly headers: Readonly<Record<string, string>>;
  /** The request's cookies by name, without Edgelit's session cookie. */
  readonly cookies: Readonly<Record<string, string>>;
  /** The page's URL in the browser (its query as it is now), without the tab token. */
  readonly url: string;
  /** The browser's preferred language, e.g. "en-US" (undefined when it sent none). */
  readonly locale: string | undefined;
  /** The client's IANA time zone where the platform knows it, e.g. "Europe/Paris". */
  readonly timezone: string | undefined;
  /** The client's IP address where the platform tells it. */
  readonly ipAddress: string | undefined;
}

const READ_ONLY = "st.context is read-only: it describes the request that started this run. Keep your own values in st.sessionState.";

function readOnly<T extends object>(target: T, lookup?: (prop: string) => unknown): T {
  return new Proxy(target, {
    get: (t, prop) => (typeof prop === "string" && lookup && !(prop in t) ? lookup(prop) : Reflect.get(t, prop)),
    has: (t, prop) => (typeof prop === "string" && lookup ? lookup(prop) !== undefined : Reflect.has(t, prop)),
    set: () => {
      throw new StreamlitAPIException(READ_ONLY);
    },
    deleteProperty: () => {
      throw new StreamlitAPIException(READ_ONLY);
    },
    defineProperty: () => {
      throw new StreamlitAPIException(READ_ONLY);
    },
  });
}

/** The page URL now: the request's origin, the page shown and the current query. */
function currentUrl(scope: SessionScope): string {
  let url: URL;
  try {
    url = new URL(scope.context.url);
  } catch {
    url = new URL("http://localhost/");
  }
  url.pathname = scope.page ?? scope.appPath;
  url.search = formatQuery(scope.query);
  url.hash = "";
  return url.href;
}

export function createContext(scopeOf: () => SessionScope): StContext {
  const members = {
    get headers() {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(scopeOf().context.headers)) headers[name.toLowerCase()] = value;
      return readOnly(headers, (name) => headers[name.toLowerCase()]);
    },
    get cookies() {
      return readOnly({ ...scopeOf().context.cookies });
    },
    get url() {
      return currentUrl(scopeOf());
    },
    get locale() {
      return scopeOf().context.locale;
    },
    get timezone() {
      return scopeOf().context.timezone;
    },
    get ipAddress() {
      return scopeOf().context.ipAddress;
    },
    toJSON() {
      const { headers, cookies, url, locale, timezone, ipAddress } = this;
      return { headers: { ...headers }, cookies: { ...cookies }, url, locale, timezone, ipAddress };
    },
  };
  return readOnly(members as StContext);
}
