/**
 * What the browser receives: the whole page (usable before any script runs), the htmx update of
 * it (one `<hx-partial>` per changed node), notices, error pages and the gallery. Pure strings.
 */
import type { BlockNode, ElementNode, RenderContext, TreeNode } from "../elements/types";
import type { PageConfig } from "../runtime/run";
import { ASSET, DOM, FIELD, PAGE_DOM, PAGE_URL_ATTR, PARTIAL, SYNC } from "../wire";
import { HANDLED, INLINE_ASSET } from "../wire/inline-assets";
import type { RenderedNode } from "./diff";
import { attrs, html, trustedHtml, type Html } from "./html";
import type { MemoScope, RenderMemo } from "./memo";
import { formContext, renderNode, renderRoot } from "./tree";

/**
 * htmx settings: our stylesheet carries the indicator CSS (the CSP forbids injected styles).
 * History is on for the HX-Replace-Url/HX-Push-Url answers (query writes, page switches); Back and
 * Forward then reload, so every page shown is a run with its own URL's query (R132). Written as
 * JSON, which htmx reads with JSON.parse: its `key:value` form goes through a regular expression
 * whose first use cost about 15 ms of a first load at 6x CPU throttling (issue 7).
 */
const HTMX_CONFIG = JSON.stringify({ includeIndicatorCSS: false, history: "reload" });

/**
 * Each root, and under it every node, rendered with its DOM id, for the page and the diff. Each
 * node is rendered once, bottom-up: a block is drawn around its children's finished HTML (filled
 * in when first read: FramedNode). With a memo (kept by the session), elements whose data did not
 * change reuse their last HTML.
 */
export function renderTree(roots: BlockNode[], ctx: RenderContext, memo?: RenderMemo): RenderedNode[] {
  const scope = memo?.begin();
  const rendered = roots.map((root, r) => {
    const index = root.path[0];
    const id = DOM.root(index);
    const rootMemo = scope?.block(r, id);
    const children = renderedChildren(root, DOM.element(root.path), ctx, rootMemo);
    // A root's markup is its index's tag around its children, so its frame is kept (drawBlock).
    const drawn = drawBlock(id, (inner) => renderRoot(root, ctx, inner), children, rootMemo);
    if (children.length > 0 || drawn.html !== "") return drawn;
    const hidden = emptyRoot(index);
    return { id, html: hidden, shell: hidden, children };
  });
  if (scope) memo!.commit(scope);
  return rendered;
}

/**
 * `node`, the child at `position` of its block (whose memo scope is `memo`), rendered. `id` is
 * `DOM.element(node.path)`, made from its parent's (a node's path extends its parent's by its index).
 */
function renderedNode(node: TreeNode, id: string, position: number, ctx: RenderContext, memo: MemoScope | undefined): RenderedNode {
  if (node.kind === "element") return memo ? memo.draw(position, id, node, ctx, drawElement) : { id, html: drawElement(node, ctx) };
  const inner = formContext(node, ctx);
  const scope = memo?.block(position, id);
  const children = renderedChildren(node, id, inner, scope);
  return drawBlock(id, (drawn) => renderNode(node, ctx, drawn), children);
}

const drawElement = (node: ElementNode, ctx: RenderContext): string => renderNode(node, ctx).value;
const asHtml = (node: RenderedNode): Html => trustedHtml(node.html);

/**
 * Marks child `i`'s place in a block's markup; diff.ts's shells put a bare NUL there. The first
 * markers are made once per isolate (bounded, so one huge block does not stay in memory for good).
 */
const slots: Html[] = [];
const CACHED_SLOTS = 10_000;
const makeSlot = (i: number): Html => trustedHtml(`\u0000${i}\u0000`);
const slot = (i: number): Html => (i < CACHED_SLOTS ? (slots[i] ??= makeSlot(i)) : makeSlot(i));

/**
 * A block's markup around its children, cut at their places: `before[i]` precedes child `i`,
 * `after` follows the last, and `shell` (what the diff fingerprints) has a NUL in each place.
 */
export interface Frame {
  count: number;
  before: string[];
  after: string;
  shell: string;
}

/**
 * Draws a block once with a marker in each child's place and cuts it there: the markup around the
 * children comes without searching the block's whole HTML for each child. Null when the markers
 * are not each child once, in order (a renderer that reorders or repeats its children), or the
 * block's own text holds a NUL.
 */
function frameOf(draw: (children: Html[]) => Html, count: number): Frame | null {
  const markers: Html[] = [];
  for (let i = 0; i < count; i++) markers.push(slot(i));
  const markup = draw(markers).value;
  const before: string[] = [];
  let shell = "";
  let position = 0;
  // Each child's marker must be the next NUL of the markup: the markup between two children then
  // holds no NUL of its own (one would make the shell ambiguous: a NUL moving across a child's
  // place would go unseen), nor does the markup after the last.
  for (let i = 0; i < count; i++) {
    const at = markup.indexOf("\u0000", position);
    const marker = markers[i].value;
    if (at < 0 || !markup.startsWith(marker, at)) return null;
    const between = markup.slice(position, at);
    before.push(between);
    shell += between + "\u0000";
    position = at + marker.length;
  }
  const after = markup.slice(position);
  if (after.includes("\u0000")) return null;
  return { count, before, after, shell: shell + after };
}

/** The block's HTML: its frame with the children's finished HTML in their places. */
function fill(frame: Frame, children: RenderedNode[]): string {
  let html = "";
  for (let i = 0; i < children.length; i++) html += frame.before[i] + children[i].html;
  return html + frame.after;
}

/**
 * Block `id` drawn around its children's finished HTML, with its shell (frameOf); without a frame,
 * drawn with its children, its whole HTML then standing for its shell. `kept`: the block's memo
 * scope when its markup depends on its child count alone (a root), whose last frame serves while
 * the count stays (drawing and cutting it was most of a root's cost).
 */
export function drawBlock(id: string, draw: (children: Html[]) => Html, children: RenderedNode[], kept?: MemoScope): RenderedNode {
  const last = kept?.lastFrame;
  const frame = last && last.count === children.length ? last : frameOf(draw, children.length);
  kept?.keepFrame(frame);
  if (frame) return new FramedNode(id, frame, children);
  const whole = draw(children.map(asHtml)).value;
  return { id, html: whole, shell: whole, children };
}

/**
 * A framed block's node, its HTML filled in when first read. An event that changes an element
 * sends that element alone, so most events never read their roots' HTML; filling it each time
 * allocated a string per child. A class, so its accessor is shared rather than made per node.
 */
class FramedNode implements RenderedNode {
  readonly shell: string;
  private filled: string | undefined;

  constructor(
    readonly id: string,
    private readonly frame: Frame,
    readonly children: RenderedNode[],
  ) {
    this.shell = frame.shell;
  }

  get html(): string {
    return (this.filled ??= fill(this.frame, this.children));
  }
}

/**
 * A block's children rendered in order, each at its position among those present (holes skipped).
 * `id` is `DOM.element(node.path)`, the prefix of its children's ids.
 */
function renderedChildren(node: BlockNode, id: string, ctx: RenderContext, memo: MemoScope | undefined): RenderedNode[] {
  const rendered: RenderedNode[] = [];
  const children = node.children;
  const ids = childIdsOf(id);
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child !== undefined) rendered.push(renderedNode(child, (ids[i] ??= DOM.child(id, i)), rendered.length, ctx, memo));
  }
  return rendered;
}

/**
 * Children's DOM ids by their block's: one string per id for every render and session of the
 * isolate, rather than a new one per element per render (issue 7: 3% of what an event allocated,
 * and a copy in every session's memo). Bounded: past MAX_BLOCK_IDS blocks it starts again.
 */
const childIds = new Map<string, string[]>();
const MAX_BLOCK_IDS = 4096;

function childIdsOf(id: string): string[] {
  let ids = childIds.get(id);
  if (ids === undefined) {
    if (childIds.size >= MAX_BLOCK_IDS) childIds.clear();
    childIds.set(id, (ids = []));
  }
  return ids;
}

/** tree.ts omits an empty sidebar; the page keeps a hidden one so a later update can fill it. */
function emptyRoot(index: number): string {
  return html`<aside id="${DOM.root(index)}" class="el-root el-sidebar" hidden></aside>`.value;
}

export interface PageView {
  title: string;
  /** The rendered roots, main first (renderTree's output, or stored root HTML). */
  roots: string[];
  seq: number;
  layout?: PageConfig["layout"];
  /** "light" or "dark" pins the theme; "auto" (the default) follows prefers-color-scheme. */
  theme?: PageConfig["theme"];
  /** The page's address (path, query, tab token), which the boot script puts in the address bar. */
  url?: string;
  /** `setPageConfig({ pageIcon })`: an emoji (or other short text), or an image URL. */
  icon?: string;
  /**
   * "inline": the stylesheet travels in the page, for a browser's first visit (its cache is empty:
   * a linked file would cost a second round trip after the HTML), which also prefetches it.
   * "linked" (default): it is referenced, cached for good after the first load. Either way the
   * page runs no script as it loads (BOOT_AT_USE) and ends with its prefetches (prefetches).
   */
  assets?: "inline" | "linked";
}

export function renderPage(view: PageView): string {
  const [main, ...others] = view.roots.map(trustedHtml);
  const body = html`<body${attrs({
    class: view.layout === "wide" ? "el-page el-wide" : "el-page",
    [PAGE_URL_ATTR]: view.url,
    "hx-include:inherited": SYNC.include,
    "hx-sync:inherited": SYNC.queue,
    ...(view.roots.some((root) => AT_ONCE.test(root)) ? BOOT_AT_LOAD : BOOT_AT_USE),
  })}>${seqInput(view.seq)}<div${attrs({ id: PAGE_DOM.notice, class: "el-notice", role: "status", "aria-live": "polite" })}></div><div class="el-app">${others}${main}</div>${prefetches(view.assets ?? "linked")}</body>`;
  return document(view.title, body, view.assets === "inline" ? "inline" : "linked", view.theme, view.icon);
}

/**
 * The body's handlers, which load the boot module (src/client/boot.js) on the page's first use:
 * the page runs no script as it loads, so its content is painted before any script runs (a script
 * in the page, even a module, runs when the parse ends, which races the first paint: Chromium won
 * it in about five loads of six here; issue 7). A page that polls (a fragment's runEvery) or shows
 * a dialog needs htmx at once: it also loads the module on its load event.
 */
const BOOT_AT_USE = Object.fromEntries(HANDLED.filter((name) => name !== "onload").map((name) => [name, INLINE_ASSET.handler]));
const BOOT_AT_LOAD = Object.fromEntries(HANDLED.map((name) => [name, INLINE_ASSET.handler]));
/**
 * Markup of a fragment that polls or of a dialog, whose page loads the boot module (and so htmx) on
 * its load event: in a class attribute, which text never reaches (its quotes are escaped).
 */
const AT_ONCE = / class="[^"]*\bel-(poll|dialog)\b/;

/**
 * The end of every app page: prefetches of the boot module, htmx and the extension, which load
 * when the page is first used (and, on a first visit, of the stylesheet, for the next page load).
 */
function prefetches(assets: "inline" | "linked"): Html[] {
  const files = assets === "inline" ? [ASSET.boot, ASSET.htmx, ASSET.extension, ASSET.stylesheet] : [ASSET.boot, ASSET.htmx, ASSET.extension];
  return files.map((href) => html`<link rel="prefetch" href="${href}">`);
}

/**
 * The favicon's href: a URL (a path, or http(s)) as given; text such as an emoji drawn in an SVG
 * data URL (the CSP allows data: images); nothing set, Edgelit's own icon.
 */
export function iconHref(icon: string | undefined): string {
  if (!icon) return ASSET.icon;
  if (/^(\/|https?:\/\/)/.test(icon)) return icon;
  const text = icon.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><text y=".9em" font-size="90">${text}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

export interface UpdateView {
  changed: RenderedNode[];
  seq: number;
  /** The page title when it changed. */
  title?: string;
  notice?: string;
}

/** An htmx response: only what changed, each node morphed into place by id. */
export function renderUpdate(view: UpdateView): string {
  const parts = view.changed.map((node) => partial(node.id, PARTIAL.nodeSwap, trustedHtml(node.html)));
  parts.push(partial(DOM.seq, PARTIAL.nodeSwap, seqInput(view.seq)));
  if (view.title !== undefined) parts.push(partial(PAGE_DOM.title, PARTIAL.titleSwap, view.title));
  if (view.notice !== undefined) parts.push(renderNotice(view.notice));
  return parts.map((part) => part.value).join("");
}

/** An error notice for an htmx request, shown above the app until the next event. */
export function renderNotice(message: string): Html {
  return partial(PAGE_DOM.notice, PARTIAL.noticeSwap, html`<p class="el-alert el-error" role="alert">${message}</p>`);
}

/** A full error page, for requests made without htmx (JavaScript off, or a direct request). */
export function renderErrorPage(title: string, message: string, back?: string): string {
  const link = back ? html`<p><a href="${back}">Back to the app</a></p>` : "";
  return document(title, html`<body class="el-page"><main class="el-root el-main"><h1>${title}</h1><p class="el-alert el-error" role="alert">${message}</p>${link}</main></body>`, "none");
}

/** A default title from the page path: "/seeds/counter" → "counter". */
export function defaultTitle(pagePath: string): string {
  return pagePath.split("/").filter(Boolean).pop() ?? "Edgelit";
}

function seqInput(seq: number): Html {
  return html`<input${attrs({ type: "hidden", id: DOM.seq, name: FIELD.seq, value: seq })}>`;
}

function partial(id: string, swap: string, content: Html | string): Html {
  return html`<${PARTIAL.tag}${attrs({ "hx-target": `#${id}`, "hx-swap": swap })}>${content}</${PARTIAL.tag}>`;
}

/**
 * `assets`: how the page carries its stylesheet ("inline" on a first visit, else "linked"), or
 * "none" for an error page, which has no script (and so no htmx config either).
 */
function document(title: string, body: Html, assets: "linked" | "inline" | "none", theme?: PageConfig["theme"], icon?: string): string {
  const style = assets === "inline" ? html`<style>${trustedHtml(INLINE_ASSET.stylesheet)}</style>` : html`<link rel="stylesheet" href="${ASSET.stylesheet}">`;
  const config = assets === "none" ? "" : html`<meta name="htmx-config" content="${HTMX_CONFIG}">`;
  const head = html`<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title id="${PAGE_DOM.title}">${title}</title><link rel="icon" href="${iconHref(icon)}">${style}${config}`;
  // The stylesheet reads data-theme; without it the page follows prefers-color-scheme.
  const pinned = theme === "light" || theme === "dark" ? ` data-theme="${theme}"` : "";
  return `<!doctype html><html lang="en"${pinned}><head>${head.value}</head>${body.value}</html>`;
}
