/**
 * One tab's session of one app. This object only translates: it loads the snapshot, builds the
 * app session, runs the event, renders, diffs, saves and answers. Rendering and state decisions
 * belong to the engine (src/runtime, src/render).
 *
 * Events run one at a time in arrival order through a promise chain: app code may await, and an
 * input gate only holds while storage is being read or written, so gates alone would let a second
 * event interleave with a run. Every write of an event happens before its reply leaves.
 */
import { DurableObject } from "cloudflare:workers";
import { apps } from "../apps";
import { WidgetValueError, type RenderContext } from "../src/elements/types";
import { UnknownWidgetError } from "../src/runtime/errors";
import { AppSession, type RequestOutcome, type RunOutcome, type SessionSnapshot } from "../src/runtime/session";
import { StalePageError } from "../src/runtime/request";
import type { WidgetEvent } from "../src/runtime/state";
import { metasOf, restoredSnapshot, sameMetas, storedState, type StoredMetas, type StoredState } from "../src/runtime/stored";
import { diffTrees, fingerprintTrees, isFingerprints, printPieces, printsFromPieces, type Fingerprints, type PrintPieces, type RenderedNode } from "../src/render/diff";
import { html } from "../src/render/html";
import { RenderMemo } from "../src/render/memo";
import { defaultTitle, renderPage, renderTree, renderUpdate } from "../src/render/page";
import { DOM, FIELD, HEADER } from "../src/wire";
import { addressHeaders, addressOf, showsRequest } from "../src/edge/address";
import { requestInfo, type EdgeRequest } from "../src/edge/pages";
import { isDevelopment, runDeadlineMs, sessionTtlMs, type Env } from "../src/edge/env";

/** Who the session belongs to, from the Worker: the app, the tab's event URL and its CSRF token. */
export interface SessionCall {
  /** The app (its path in apps/index.ts); its pages share this session. */
  appPath: string;
  /** URL the requested page's events post to (`<page>?_s=<token>`). */
  action: string;
  csrf: string;
  /** The tab token (default: the one in `action`), for addresses after a page switch. */
  token?: string;
  /** The page, URL query and st.context facts of this request (src/edge/pages.ts). */
  request?: EdgeRequest;
  /** A page load: how it carries its stylesheet (inline on a browser's first visit). */
  assets?: "inline" | "linked";
}

export interface EventCall extends SessionCall {
  event: WidgetEvent;
  /** The render sequence the client holds (null: unknown, e.g. a plain form post). */
  seq: number | null;
  htmx: boolean;
}

export type Reply =
  /** A page, or an htmx update of one; `headers` move the address bar (address.ts). */
  | { kind: "html"; html: string; headers?: Record<string, string> }
  /** A plain form post was applied: 303 to the page's address, with its current query. */
  | { kind: "redirect"; location?: string }
  /** Refused and nothing changed. `html` is the htmx body when the refusal carries a refresh. */
  | { kind: "refused"; status: 400 | 409; message: string; html?: string; headers?: Record<string, string> };

/** What the client was last sent, kept with the state so the diff survives eviction. */
interface View {
  seq: number;
  title: string;
  layout?: "centered" | "wide";
  theme?: "auto" | "light" | "dark";
  icon?: string;
  /**
   * HTML of each root as last rendered, for a refresh that must not run the app (`rootsOf`).
   * Stored only while a plain post's redirect is due (`shown` false): writing the whole page with
   * every event was the largest part of an event's cost (issue 7).
   */
  roots?: string[];
  /** In memory: the roots as last rendered, whose HTML is filled in only when read (page.ts). */
  drawn?: RenderedNode[];
  /**
   * In memory. Stored apart, in `printPieces` under `prints/<i>` (`printPieces` counts them), so an
   * event rewrites only the pieces it changed; a view stored by an older version holds them here.
   */
  prints?: Fingerprints;
  printPieces?: number;
  /** Set by a plain post: the GET after its redirect shows this render instead of running again. */
  shown: boolean;
  /** The page and query drawn, and the tab's address for them (address.ts). */
  page?: string;
  query?: string;
  url?: string;
  /** The time zone of the page load (st.context.timezone: events do not read it, pages.ts). */
  timezone?: string;
}

/**
 * Storage keys. The session's snapshot is split (src/runtime/stored.ts): `state` each event,
 * `metas` when a widget's meta changed. `snapshot` is the whole snapshot as older versions stored it.
 */
const KEY = { state: "state", metas: "metas", snapshot: "snapshot", view: "view", lastActive: "lastActive" } as const;
const printKey = (index: number) => `prints/${index}`;

export class Session extends DurableObject<Env> {
  private app: AppSession | null = null;
  /** The view as last saved, so an event needs no storage read (null: read it from storage). */
  private view: View | null = null;
  /** Element HTML of the last render, reused by the next for unchanged elements. */
  private renders = new RenderMemo();
  private tail: Promise<unknown> = Promise.resolve();
  /**
   * Whether this instance has set the expiry alarm. Once is enough: when it fires, expire()
   * re-arms it for the last activity plus the TTL, so events need not move it each time.
   */
  private alarmArmed = false;
  /**
   * What storage holds of the split parts, as last written or read (null: unknown, write them
   * all): the metas (compared by identity) and the fingerprint pieces.
   */
  private writtenMetas: StoredMetas | null = null;
  private writtenPieces: PrintPieces | null = null;
  /** The last render's context: the same object while the tab's address and token stay (memo.ts keys it once). */
  private rendering: { action: string; csrf: string; context: RenderContext } | null = null;

  /** GET of the page: a run without widget payload (a load or reload), rendered whole. */
  page(call: SessionCall): Promise<Reply> {
    return this.serialise(() => this.openPage(call));
  }

  event(call: EventCall): Promise<Reply> {
    return this.serialise(() => this.applyEvent(call));
  }

  /** Idle expiry: deletes everything once the session has been idle for the TTL. */
  override alarm(): Promise<void> {
    return this.serialise(() => this.expire());
  }

  private serialise<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async openPage(call: SessionCall): Promise<Reply> {
    const view = await this.savedView();
    // Only a view a plain post's redirect has yet to show is drawn again (rootsOf fills its HTML).
    const drawn = view && !view.shown ? rootsOf(view) : undefined;
    if (view && drawn && showsRequest(view, call)) {
      this.view = null; // until the write below lands
      view.shown = true;
      view.timezone = call.request?.timezone;
      await this.ctx.storage.put(KEY.view, stored(view, this.writtenPieces?.texts.length ?? 0));
      this.view = view;
      return { kind: "html", html: renderPage({ ...view, roots: drawn, assets: call.assets }) };
    }
    const outcome = await this.guarded(call.appPath, (session) => session.load(call.request && requestInfo(call.request)));
    const address = addressOf(call, outcome);
    const roots = renderTree(outcome.roots, this.renderContext(call, address.action), this.renders);
    const next = nextView(view, outcome, roots, fingerprintTrees(roots), address, true, call.request?.timezone);
    await this.save(next);
    return { kind: "html", html: renderPage({ ...next, roots: roots.map((root) => root.html), assets: call.assets }) };
  }

  private async applyEvent(call: EventCall): Promise<Reply> {
    const view = await this.savedView();
    let outcome: RequestOutcome;
    try {
      outcome = await this.guarded(call.appPath, (session) => session.handle(call.event, call.request && requestInfo({ ...call.request, timezone: view?.timezone })));
    } catch (error) {
      // The tab shows a page the session has left: reload it (its widgets are gone, R72).
      if (error instanceof StalePageError) return { kind: "refused", status: 409, message: error.message, headers: { [HEADER.refresh]: "true" } };
      // The engine validates before it mutates: after these two, state is exactly as it was.
      if (error instanceof UnknownWidgetError) return refuse(409, error.message, view, call.htmx);
      if (error instanceof WidgetValueError) return refuse(400, error.message, view, call.htmx);
      throw error;
    }
    const address = addressOf(call, outcome);
    const roots = renderTree(outcome.roots, this.renderContext(call, address.action), this.renders);
    // Fingerprints stored by an older version (a Map) count as unknown: the roots go whole.
    const known = view !== undefined && call.seq === view.seq && isFingerprints(view.prints) ? view.prints : null;
    const diff = diffTrees(known, roots);
    const headers = addressHeaders(view, outcome, address.url);
    // A page load follows a redirect: like a plain post's, it shows this render without a run.
    const next = nextView(view, outcome, roots, diff.fingerprints, address, call.htmx && !(HEADER.redirect in headers), view?.timezone);
    await this.save(next);
    if (!call.htmx) return { kind: "redirect", location: address.url };
    const title = next.title !== view?.title ? next.title : undefined;
    return { kind: "html", html: renderUpdate({ changed: diff.changed, seq: next.seq, title }), headers };
  }

  /** Runs the engine on the live session (built from storage after an eviction). */
  private async guarded<T extends RunOutcome>(appPath: string, run: (session: AppSession) => Promise<T>): Promise<T> {
    const session = this.app ?? (await this.restore(appPath));
    try {
      return await run(session);
    } catch (error) {
      // After a refusal the session is unchanged; after anything else it may not match storage.
      if (!(error instanceof UnknownWidgetError || error instanceof WidgetValueError)) this.app = null;
      throw error;
    }
  }

  private async restore(appPath: string): Promise<AppSession> {
    const app = apps[appPath];
    if (!app) throw new Error(`No app is registered at "${appPath}" (apps/index.ts).`);
    const stored = await this.ctx.storage.get([KEY.state, KEY.metas, KEY.snapshot]);
    const state = stored.get(KEY.state) as StoredState | undefined;
    const metas = stored.get(KEY.metas) as StoredMetas | undefined;
    const snapshot = state ? restoredSnapshot(state, metas ?? {}) : (stored.get(KEY.snapshot) as SessionSnapshot | undefined);
    this.writtenMetas = state && metas ? metas : null;
    const deadline = runDeadlineMs(this.env);
    const options = { page: appPath, showErrorDetails: isDevelopment(this.env), ...(deadline ? { runDeadlineMs: deadline } : {}) };
    this.app = new AppSession(app, snapshot, options);
    return this.app;
  }

  private async savedView(): Promise<View | undefined> {
    if (this.view) return this.view;
    const view = await this.ctx.storage.get<View>(KEY.view);
    if (view?.printPieces === undefined) {
      this.writtenPieces = { texts: [], nodes: [] }; // none stored, or an older version's view holding its prints itself
      return view;
    }
    const keys = Array.from({ length: view.printPieces }, (_, i) => printKey(i));
    const stored = keys.length ? await this.ctx.storage.get<string>(keys) : new Map<string, string>();
    const pieces = keys.map((key) => stored.get(key));
    this.writtenPieces = { texts: pieces.map((piece) => piece ?? ""), nodes: [] };
    // Missing or unreadable pieces leave the prints unknown: the next answer sends the roots whole.
    view.prints = (pieces.every((piece) => typeof piece === "string") && printsFromPieces(pieces as string[])) || undefined;
    return view;
  }

  private async save(view: View): Promise<void> {
    const now = Date.now();
    this.view = null;
    try {
      const snapshot = this.app!.snapshot();
      const fresh = metasOf(snapshot.data);
      const metasWritten = sameMetas(this.writtenMetas, fresh);
      const metas = metasWritten ? this.writtenMetas! : fresh; // the written record stays, not a copy of it
      const written = this.writtenPieces;
      const pieces = printPieces(view.prints ?? [], written ?? undefined);
      const texts = pieces.texts;
      const entries: Record<string, unknown> = { [KEY.state]: storedState(snapshot), [KEY.view]: stored(view, texts.length), [KEY.lastActive]: now };
      if (!metasWritten) entries[KEY.metas] = metas;
      for (let i = 0; i < texts.length; i++) if (written?.texts[i] !== texts[i]) entries[printKey(i)] = texts[i];
      // Pieces past the new count, and an older version's whole snapshot, go (written null: not known).
      const gone = written === null ? [] : written.texts.slice(texts.length).map((_, i) => printKey(texts.length + i));
      if (this.writtenMetas === null) gone.push(KEY.snapshot);
      this.writtenMetas = this.writtenPieces = null; // until the writes below land
      await this.ctx.storage.put(entries);
      if (gone.length) await this.ctx.storage.delete(gone);
      this.writtenMetas = metas;
      this.writtenPieces = pieces;
      if (!this.alarmArmed) {
        await this.ctx.storage.setAlarm(now + sessionTtlMs(this.env));
        this.alarmArmed = true;
      }
      this.view = view;
    } catch (error) {
      this.app = null; // memory is ahead of storage now; rebuild from storage next time
      this.writtenMetas = this.writtenPieces = null;
      throw error;
    }
  }

  private renderContext(call: SessionCall, action: string): RenderContext {
    const last = this.rendering;
    if (last && last.action === action && last.csrf === call.csrf) return last.context;
    const context = { action, hiddenFields: html`<input type="hidden" name="${FIELD.csrf}" value="${call.csrf}">`, showErrorDetails: isDevelopment(this.env) };
    this.rendering = { action, csrf: call.csrf, context };
    return context;
  }

  private async expire(): Promise<void> {
    const lastActive = (await this.ctx.storage.get<number>(KEY.lastActive)) ?? 0;
    const due = lastActive + sessionTtlMs(this.env);
    if (Date.now() < due) {
      await this.ctx.storage.setAlarm(due);
      return;
    }
    this.app = null;
    this.view = null;
    this.writtenMetas = this.writtenPieces = null;
    this.alarmArmed = false;
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
  }
}

/**
 * The view as persisted: root HTML only while a plain post's redirect still has to show it; the
 * fingerprints apart, in `pieces` pieces.
 */
function stored(view: View, pieces: number): View {
  return { ...view, roots: view.shown ? undefined : rootsOf(view), drawn: undefined, prints: undefined, printPieces: pieces };
}

/** The roots' HTML as last rendered: as stored, or filled from the roots kept in memory. */
function rootsOf(view: View): string[] | undefined {
  return view.roots ?? view.drawn?.map((root) => root.html);
}

function nextView(
  previous: View | undefined,
  outcome: RequestOutcome,
  roots: RenderedNode[],
  prints: Fingerprints,
  address: { page: string; query: string; url: string },
  shown: boolean,
  timezone: string | undefined,
): View {
  return {
    seq: (previous?.seq ?? 0) + 1,
    title: outcome.pageConfig.pageTitle ?? outcome.address.pageTitle ?? defaultTitle(address.page),
    layout: outcome.pageConfig.layout,
    theme: outcome.pageConfig.theme,
    icon: outcome.pageConfig.pageIcon,
    drawn: roots,
    prints,
    shown,
    page: address.page,
    query: address.query,
    url: address.url,
    timezone,
  };
}

/**
 * A refused event. Over htmx, an unknown widget means the client's page is out of date: the reply
 * re-sends both roots as last rendered (no run, so nothing changes) with the notice; when only
 * storage remembers the view (after an eviction), without its HTML, the tab reloads instead.
 */
function refuse(status: 400 | 409, message: string, view: View | undefined, htmx: boolean): Reply {
  if (!htmx || status !== 409 || !view) return { kind: "refused", status, message };
  const drawn = rootsOf(view);
  if (!drawn) return { kind: "refused", status, message, headers: { [HEADER.refresh]: "true" } };
  const changed = drawn.map((markup, index) => ({ id: DOM.root(index), html: markup }));
  return { kind: "refused", status, message, html: renderUpdate({ changed, seq: view.seq, notice: message }) };
}
