/**
 * A simulated browser for the workers tests: it keeps its cookie, opens app pages (following the
 * redirect that adds the tab token), reads what a page carries (CSRF token, render sequence,
 * buttons) and posts events the way the page's forms and htmx do.
 */
import { env, exports } from "cloudflare:workers";
import { sessionName } from "../../src/edge/browser";
import { BROWSER_COOKIE, FIELD, HEADER, SESSION_PARAM } from "../../src/wire";

export const ORIGIN = "https://edgelit.test";

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

  /** GET an app page: the first answer redirects to add `_s`, the second is the page. */
  async open(appPath: string): Promise<TestPage> {
    const first = await this.fetch(appPath);
    if (first.status !== 303) throw new Error(`expected 303, got ${first.status}`);
    return this.reopen(first.headers.get("Location")!);
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

  get appPath(): string {
    return new URL(this.url, ORIGIN).pathname;
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

/** Text of the page with tags removed and whitespace collapsed (for "Count = 3"-style checks). */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&(nbsp|quot|#39|lt|gt|amp);/g, (_, name: string) => ENTITIES[name])
    .replace(/\s+/g, " ")
    .trim();
}

const ENTITIES: Record<string, string> = { nbsp: " ", quot: '"', "#39": "'", lt: "<", gt: ">", amp: "&" };
