/**
 * A simulated browser for the workers tests: it keeps its cookie, opens app pages (a first visit
 * is served at once; the page's data-el-url is the address with the tab token, which the
 * extension puts in the address bar), reads what a page carries (CSRF token, render sequence,
 * buttons) and posts events the way the page's forms and htmx do.
 */
import { runInDurableObject } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { apps } from "../../apps";
import { sessionName } from "../../src/edge/browser";
import { routeTable } from "../../src/edge/pages";
import type { SessionSnapshot } from "../../src/runtime/session";
import { restoredSnapshot, type StoredMetas, type StoredState } from "../../src/runtime/stored";
import { BROWSER_COOKIE, FIELD, HEADER, SESSION_PARAM } from "../../src/wire";

export const ORIGIN = "https://edgelit.test";
const routes = routeTable(apps);

export class TestBrowser {
  cookie: string | null = null;

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie && !headers.has("Cookie")) headers.set("Cookie", `${BROWSER_COOKIE}=${this.cookie}`);
    const response = await exports.default.fetch(new Request(new URL(path, ORIGIN), { ...init, headers, redirect: "manual" }));
    const set = response.headers.get("Set-Cookie");
    const match = set?.match(new RegExp(`${BROWSER_COOKIE}=([^;]+)`));
    if (match) this.cookie = match[1];
    return response;
  }

  /** GET a page without a tab token: a new tab, served at once; its URL is the page's own address. */
  async open(path: string): Promise<TestPage> {
    const response = await this.fetch(path);
    const html = await response.text();
    if (response.status !== 200) throw new Error(`expected 200, got ${response.status}: ${html}`);
    return new TestPage(this, addressOf(html), html);
  }

  /** GET a page URL that already names its tab (a reload). */
  async reopen(url: string): Promise<TestPage> {
    const response = await this.fetch(url);
    if (response.status !== 200) throw new Error(`expected 200, got ${response.status}: ${await response.text()}`);
    return new TestPage(this, url, await response.text());
  }

  get id(): string {
    return this.cookie!.split(".")[0];
  }
}

export interface PostOptions {
  htmx?: boolean;
  seq?: number | null;
  csrf?: string;
  headers?: Record<string, string>;
}

export class TestPage {
  constructor(
    readonly browser: TestBrowser,
    readonly url: string,
    public html: string,
  ) {}

  /** The URL path of the page. */
  get pagePath(): string {
    return new URL(this.url, ORIGIN).pathname;
  }

  /** The app the page belongs to (its path in apps/index.ts): one session per tab and app. */
  get appPath(): string {
    const route = routes.get(this.pagePath);
    if (!route) throw new Error(`no app answers at ${this.pagePath}`);
    return route.appPath;
  }

  get token(): string {
    return new URL(this.url, ORIGIN).searchParams.get(SESSION_PARAM)!;
  }

  get csrf(): string {
    return this.html.match(/name="_csrf" value="([^"]+)"/)![1];
  }

  get seq(): number {
    return Number(this.html.match(/id="el-seq" name="_seq" value="(\d+)"/)![1]);
  }

  /** The widget id of the button with this label. */
  button(label: string): string {
    for (const match of this.html.matchAll(/<button[^>]*name="_t" value="([^"]+)"[^>]*>([\s\S]*?)<\/button>/g)) {
      if (match[2].replace(/<[^>]+>/g, "").trim() === label) return match[1];
    }
    throw new Error(`no button "${label}" in the page`);
  }

  /** The widget id of the control labelled `label` (its `<label for="<id>-control">`). */
  widget(label: string): string {
    for (const match of this.html.matchAll(/<label[^>]*for="([^"]+)-control"[^>]*>([^<]*)<\/label>/g)) {
      if (match[2].trim() === label) return match[1];
    }
    throw new Error(`no widget labelled "${label}" in the page`);
  }

  /** Posts raw form fields (the CSRF token and, over htmx, the sequence are added). */
  post(fields: [string, string][], options: PostOptions = {}): Promise<Response> {
    const body = new URLSearchParams();
    if (options.csrf !== "") body.append(FIELD.csrf, options.csrf ?? this.csrf);
    for (const [name, value] of fields) body.append(name, value);
    const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN, ...options.headers };
    if (options.htmx) {
      headers[HEADER.htmxRequest] = "true";
      const seq = options.seq === undefined ? this.seq : options.seq;
      if (seq !== null) body.append(FIELD.seq, String(seq));
    }
    return this.browser.fetch(this.url, { method: "POST", headers, body });
  }

  /** Clicks a button outside any form, as its widget form would post it. */
  click(label: string, options: PostOptions = {}): Promise<Response> {
    const id = this.button(label);
    return this.post([[FIELD.widget, id], [FIELD.trigger, id]], options);
  }

  /** Sets one widget outside any form to a raw value. */
  set(label: string, value: string, options: PostOptions = {}): Promise<Response> {
    const id = this.widget(label);
    return this.post([[FIELD.widget, id], [id, value]], options);
  }

  /** Reloads the page (a GET of the same URL) and keeps the new HTML. */
  async reload(): Promise<this> {
    this.html = (await this.browser.reopen(this.url)).html;
    return this;
  }

  /** The Durable Object of this page's session. */
  stub(): DurableObjectStub<import("../../durable-objects/session").Session> {
    return env.SESSION.getByName(sessionName(this.browser.id, this.token, this.appPath));
  }
}

/** The address a page names for itself (data-el-url): path, query and tab token. */
/** The session's snapshot as its object stored it (src/runtime/stored.ts). */
export function snapshotOf(page: TestPage): Promise<SessionSnapshot> {
  return runInDurableObject(page.stub(), async (_, state) => {
    const stored = await state.storage.get(["state", "metas"]);
    return restoredSnapshot(stored.get("state") as StoredState, stored.get("metas") as StoredMetas);
  });
}

export function addressOf(html: string): string {
  const match = html.match(/<body[^>]* data-el-url="([^"]+)"/);
  if (!match) throw new Error("the page names no address (data-el-url)");
  return match[1].replace(/&amp;/g, "&");
}

/** Text of the page with tags removed and whitespace collapsed (for "Count = 3"-style checks). */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&(nbsp|quot|#39|lt|gt|amp);/g, (_, name: string) => ENTITIES[name])
    .replace(/\s+/g, " ")
    .trim();
}

const ENTITIES: Record<string, string> = { nbsp: " ", quot: '"', "#39": "'", lt: "<", gt: ">", amp: "&" };
