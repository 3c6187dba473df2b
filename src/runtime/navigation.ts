/**
 * Multipage apps (SEMANTICS 1.16): `st.Page`, `st.navigation`, `st.switchPage`. A page is a
 * function (or an app) with a title and a URL path under the app's own path; `st.navigation`
 * picks the page the URL asks for (or the default), draws the menu, and returns that page, whose
 * `run()` executes it. Widgets drawn while a page runs carry the page in their identity (D9,
 * R20): the same widget on two pages is two widgets, and leaving a page drops its widgets (R72).
 * Widgets of the app's main function (the frame around the pages) keep their state across pages.
 *
 * Every page must also be declared with the app, `defineApp(main, { pages })`, so the Worker
 * knows which URLs belong to the app before running it (a URL that is no page answers 404).
 *
 * ```ts
 * const pages = [Page(home, { title: "Home", default: true }), Page(counter, { urlPath: "counter" })];
 * export default defineApp(async (st) => {
 *   const page = st.navigation(pages, { position: "sidebar" });
 *   await page.run();
 * }, { pages });
 * ```
 */
import { ControlSignal } from "./control";
import { Dg } from "./dg";
import { StreamlitAPIException } from "./errors";
import { embedPairs, toQueryPairs, type QueryInput } from "./query-params";
import type { SessionScope } from "./request";
import { MAIN_ROOT, SIDEBAR_ROOT } from "./run";
import type { App, AppFunction } from "./session";
import type { RunRef } from "./session-state";
import type { St } from "./st";

export interface PageOptions {
  /** Shown in the menu and as the browser tab's title; default: from the function's name. */
  title?: string;
  /** An emoji or short text shown before the title. */
  icon?: string;
  /** The page's path under the app's path, e.g. "reports/daily"; default: from the title. */
  urlPath?: string;
  /** The page at the app's own path (default: the first page). */
  default?: boolean;
}

export interface NavigationOptions {
  /** Where the menu goes: the sidebar, the top of the main area, or nowhere. */
  position?: "sidebar" | "top" | "hidden";
  /** Accepted for Streamlit compatibility; the menu always shows every page. */
  expanded?: boolean;
}

/** Pages, or pages grouped under section titles. */
export type NavigationPages = readonly StPage[] | Readonly<Record<string, readonly StPage[]>>;

export const navigationMessages = {
  notCallable: () => "This page cannot be called directly. Only the page returned from st.navigation can be called once.",
  notFound: (page: string) =>
    `Could not find page: \`${page}\`. Must be the URL path of one of this app's pages (for example \`seeds/counter\`) ` +
    "or a page made with `st.Page`.",
  noPages: () => "`st.navigation` must be called with at least one `st.Page`.",
  twice: () => "`st.navigation` was called more than once in this run. Call it once per run, in the app's main function.",
  defaults: () => "Multiple pages specified with `default: true`. At most one page can be set to default.",
  duplicate: (path: string) =>
    `Multiple pages specified with URL pathname \`${path}\`. URL pathnames must be unique. The URL pathname may be ` +
    "inferred from the title or the function's name: give one of the pages its own `urlPath`.",
  badPath: (path: string) =>
    `The URL path \`${path}\` is not valid: use letters, digits, \`-\`, \`_\`, \`.\` and \`~\`, in segments separated ` +
    "by `/`, for example `reports/daily`.",
  noName: () => 'Could not infer a URL path for a page: give it a `title` or a `urlPath`, for example `st.Page(home, { title: "Home" })`.',
  undeclared: (title: string, route: string) =>
    `Page "${title}" (URL ${route}) is not among the pages this app declares, so no request for its URL reaches the app. ` +
    "Declare every page st.navigation may show: `defineApp(main, { pages })`.",
};

const SEGMENT = /^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$/;

/** A page of a multipage app. Plain data: one page object may serve every session. */
export class StPage {
  readonly title: string;
  readonly icon: string | undefined;
  /** The path under the app's path (the default page is served at the app's path itself). */
  readonly urlPath: string;
  readonly default: boolean;

  constructor(
    readonly source: AppFunction | App,
    options: PageOptions = {},
  ) {
    const name = mainOf(source).name;
    const given = options.urlPath?.replace(/^\/+|\/+$/g, "");
    if (given !== undefined && given !== "" && !given.split("/").every((s) => SEGMENT.test(s) && s !== "..")) {
      throw new StreamlitAPIException(navigationMessages.badPath(options.urlPath!));
    }
    this.urlPath = given || slug(options.title ?? name);
    this.title = options.title ?? (humanize(name) || humanize(this.urlPath.split("/").pop() ?? ""));
    this.icon = options.icon;
    this.default = options.default ?? false;
    if (!this.urlPath && !this.default) throw new StreamlitAPIException(navigationMessages.noName());
  }

  /** Runs the page; only the page `st.navigation` returned may run, once per run. */
  async run(): Promise<void> {
    throw new StreamlitAPIException(navigationMessages.notCallable());
  }
}

/** `Page(fn, { title, icon, urlPath, default })`: a page for `st.navigation` (also `st.Page`). */
export function Page(source: AppFunction | App, options?: PageOptions): StPage {
  return new StPage(source, options);
}

function mainOf(source: AppFunction | App): AppFunction {
  return typeof source === "function" ? source : source.main;
}

function slug(text: string): string {
  return text.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

function humanize(text: string): string {
  const words = text.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The URL path of `urlPath` under an app at `appPath` ("" is the app's own path). */
export function joinPath(appPath: string, urlPath: string): string {
  const base = appPath.replace(/\/+$/, "");
  return urlPath ? `${base}/${urlPath}` : base || "/";
}

/** Each page by its URL path (the default page at the app's path), checked as Streamlit does. */
export function pageRoutes(appPath: string, pages: readonly StPage[]): Map<string, StPage> {
  const defaults = pages.filter((page) => page.default);
  if (defaults.length > 1) throw new StreamlitAPIException(navigationMessages.defaults());
  const home = defaults[0] ?? pages[0];
  const routes = new Map<string, StPage>();
  for (const page of pages) {
    const route = joinPath(appPath, page === home ? "" : page.urlPath);
    if (routes.has(route)) throw new StreamlitAPIException(navigationMessages.duplicate(route));
    routes.set(route, page);
  }
  return routes;
}

/** Every URL path an app answers at `appPath`: its declared pages, or the path itself. */
export function routesOf(appPath: string, app: App): string[] {
  return app.pages?.length ? [...pageRoutes(appPath, app.pages).keys()] : [appPath];
}

/** The URL path of a page given as a page object, a URL path under the app, or an absolute path. */
export function resolvePage(scope: SessionScope, target: StPage | string): string {
  const declared = pageRoutes(scope.appPath, scope.app.pages ?? []);
  const entries = [...declared];
  if (target instanceof StPage) {
    const found =
      entries.find(([, page]) => page === target) ??
      entries.find(([, page]) => page.urlPath === target.urlPath) ??
      (target.default ? entries.find(([route]) => route === joinPath(scope.appPath, "")) : undefined);
    if (found) return found[0];
    throw new StreamlitAPIException(navigationMessages.notFound(target.urlPath || target.title));
  }
  const text = String(target).trim();
  const path = text.replace(/^\/+|\/+$/g, "");
  const route = text.startsWith("/") ? `/${path}` : joinPath(scope.appPath, path);
  if (declared.has(route)) return route;
  const byPath = entries.find(([, page]) => page.urlPath === path);
  if (byPath) return byPath[0];
  throw new StreamlitAPIException(navigationMessages.notFound(text));
}

/** The page st.navigation selected: its `run()` executes it with the page's widget identity. */
class SelectedPage extends StPage {
  private used = false;

  constructor(
    page: StPage,
    readonly route: string,
    private readonly st: St,
    private readonly ref: RunRef,
  ) {
    super(page.source, { title: page.title, icon: page.icon, urlPath: page.urlPath, default: page.default });
  }

  override async run(): Promise<void> {
    const run = this.ref.current;
    run.checkpoint();
    if (this.used) throw new StreamlitAPIException(navigationMessages.notCallable());
    this.used = true;
    const scope = this.ref.scope!;
    const outer = run.options.page;
    // D9/R20: widgets drawn from here on belong to this page (run.options.page feeds identity).
    run.options.page = `page:${this.route}`;
    scope.pageRun = { run, start: run.order.length, page: this.route };
    try {
      await mainOf(this.source)(this.st);
    } finally {
      scope.collectPageWidgets();
      scope.pageRun = null;
      run.options.page = outer;
    }
  }
}

/** `st.navigation(pages, { position })`: the page the URL asks for, or the default one (R138). */
export function navigate(st: St, ref: RunRef, pages: NavigationPages, options: NavigationOptions = {}): StPage {
  const run = ref.current;
  run.checkpoint();
  const scope = ref.scope!;
  if (scope.navigatedRun === run) throw new StreamlitAPIException(navigationMessages.twice());
  scope.navigatedRun = run;
  const sections = Array.isArray(pages)
    ? [{ title: null, pages: pages as readonly StPage[] }]
    : Object.entries(pages as Record<string, readonly StPage[]>).map(([title, list]) => ({ title, pages: list }));
  const routes = pageRoutes(scope.appPath, sections.flatMap((section) => section.pages));
  if (routes.size === 0) throw new StreamlitAPIException(navigationMessages.noPages());
  const declared = pageRoutes(scope.appPath, scope.app.pages ?? []);
  for (const [route, page] of routes) {
    if (!declared.has(route)) throw new StreamlitAPIException(navigationMessages.undeclared(page.title, route));
  }
  const [route, page] = [...routes].find(([path]) => path === scope.page) ?? [...routes].find(([, p]) => p.default) ?? [...routes][0];
  if (scope.isLive(run)) {
    scope.enterPage(route, run);
    scope.pageTitle = page.title;
  }
  const position = options.position ?? "sidebar";
  if (position !== "hidden") {
    const root = new Dg(ref, { kind: "block", node: run.roots[position === "top" ? MAIN_ROOT : SIDEBAR_ROOT] });
    const routeOf = new Map([...routes].map(([path, p]) => [p, path]));
    const links = (list: readonly StPage[]) =>
      list.map((p) => ({ label: p.title, icon: p.icon ?? null, path: routeOf.get(p)!, current: p === page }));
    root.emit("navigation", { position, sections: sections.map((s) => ({ title: s.title, links: links(s.pages) })) });
  }
  return new SelectedPage(page, route, st, ref);
}

/**
 * `st.switchPage(page)`: stops this run and runs `page` instead (R139), like a rerun with a page
 * change; the page's URL replaces the address (pushed, so Back returns). The query is cleared
 * (embed parameters stay) and set to `queryParams` when given (≥1.52).
 */
export function switchPage(ref: RunRef, target: StPage | string, options: { queryParams?: QueryInput } = {}): never {
  const run = ref.current;
  run.checkpoint();
  const scope = ref.scope!;
  const route = resolvePage(scope, target);
  const query = options.queryParams === undefined ? [] : toQueryPairs(options.queryParams);
  if (scope.isLive(run)) {
    scope.query = [...embedPairs(scope.query), ...query];
    scope.enterPage(route, run);
  }
  return run.request(new ControlSignal("rerun"));
}
