/**
 * Element HTML kept from one render to the next. An element's HTML is a pure function of its node
 * (type, props, widget view; the path is the DOM id it is kept under) and the render context, so a
 * rerun that leaves an element's data alone reuses its HTML instead of drawing it again (Markdown
 * parsing is most of a render). A session object keeps one memo; it holds one page's HTML.
 */
import type { ElementNode, RenderContext } from "../elements/types";
import { hashString, isPlainObject } from "../runtime/identity";
import type { Frame } from "./page";

/**
 * An element as drawn: its DOM id, its HTML and that HTML's hash (so the diff need not hash it
 * again). A kept element is returned as the entry itself: callers only read it. It is also its own
 * fingerprint (diff.ts's NodePrint: an id and a hash), so a kept element's print is the same object
 * in every render, the diff's "unchanged" is one comparison, and a session holds no second object
 * per element for it (issue 7: a tenth of a session's objects, which a full collection marks).
 */
export interface Drawn {
  /** The DOM id it was drawn under (its path): the same place in the next render must have it. */
  readonly id: string;
  readonly html: string;
  readonly hash: string;
}

/** How an element is drawn: page.ts's drawElement. */
type Render = (node: ElementNode, ctx: RenderContext) => string;

/**
 * An element as the memo keeps it. A flat node's HTML is kept only until the next render begins
 * (`forget`): such a node cannot change once drawn, so `html` draws it again from the node, with the
 * context it was drawn with, when something reads it later (a block sent whole, a page shown again
 * from the session), which is rare. Every session used to keep every element's HTML between events,
 * a third of its heap, and the heap decides how long each full collection stops the isolate (issue
 * 7). Other nodes keep their HTML: their data may be objects that the app changes in place.
 */
class Entry implements Drawn {
  constructor(
    readonly id: string,
    /** The render context's part of the key, shared by every element drawn with that context. */
    readonly context: string,
    private markup: string | undefined,
    readonly hash: string,
    /**
     * The node's props and widget view hold only strings, booleans, finite numbers and null (the
     * common case): `node` itself is the data, since nothing can change such a node once drawn, and
     * the entry keeps no copy of it (issue 7: a copy per element was a tenth of a session's heap).
     */
    readonly flat: boolean,
    /** Otherwise the node's data when plain JSON: a copy, compared field by field. */
    readonly data: NodeData | undefined,
    /** Otherwise the data as exact text (exactKey). */
    readonly key: string | undefined,
    /**
     * The node drawn. A rerun that leaves an element alone passes the same node again (Run.unchanged),
     * and a node is never changed once drawn, so the same node is the same data without comparing it.
     */
    readonly node: ElementNode,
    private readonly ctx: RenderContext,
    private readonly render: Render,
  ) {}

  get html(): string {
    return this.markup ?? this.render(this.node, this.ctx);
  }

  /** Lets go of a flat node's HTML, which `html` draws again when asked. */
  forget(): void {
    if (this.flat) this.markup = undefined;
  }
}

/** What the render reads of a node, copied (plainCopy's form). */
interface NodeData {
  type: string;
  props: unknown;
  widget: unknown;
}

/** What one block's children were drawn as, by position: an element's entry, a block's own memo. */
type Slots = (Entry | BlockSlots | undefined)[];

interface BlockSlots {
  id: string;
  slots: Slots;
  /** The block's frame, for a block whose markup its child count decides (a root: page.ts). */
  frame?: Frame | null;
}

/**
 * The memo is shaped like the rendered tree and read by position as the render walks it, rather
 * than kept in a map of the page's ids: a lookup in a 10,000-entry map cost a cache miss per
 * element and made a large page's render slower per element than a small one's (issue 7).
 */
export class RenderMemo {
  /** The last committed render's roots. */
  private roots: Slots = [];
  /** The entries the last render drew: the next one lets go of their HTML (Entry.forget). */
  private readonly fresh: Entry[] = [];

  /**
   * Starts a render: the roots' scope, to hand to `commit` when the render is done. What the last
   * render drew has been sent by now; a later read of it draws it again.
   */
  begin(): MemoScope {
    for (const entry of this.fresh) entry.forget();
    this.fresh.length = 0;
    return new MemoScope(this.fresh, this.roots);
  }

  /** Ends a render: what it drew is what the next one can reuse (nothing else is kept). */
  commit(scope: MemoScope): void {
    this.roots = scope.drawn;
  }
}

/** One block's part of a render: its children by position, against the last render's. */
export class MemoScope {
  /** What this render drew here, for the next render. */
  readonly drawn: Slots;

  constructor(
    /** The memo's list of the entries this render draws. */
    private readonly fresh: Entry[],
    private readonly last: Slots | undefined,
    /** The last render's frame of this block, if it kept one. */
    readonly lastFrame?: Frame | null,
    /** This block's entry in its parent's scope, where the next render finds it. */
    private readonly own?: BlockSlots,
  ) {
    this.drawn = own?.slots ?? [];
  }

  /** Keeps this block's frame for the next render. */
  keepFrame(frame: Frame | null): void {
    if (this.own) this.own.frame = frame;
  }

  /**
   * The element at `index` as drawn: the last render's when it was drawn at the same place (`id`)
   * from the same data, else `render(node, ctx)`'s.
   */
  draw(index: number, id: string, node: ElementNode, ctx: RenderContext, render: Render): Drawn {
    const context = contextKey(ctx);
    const kept = this.last?.[index];
    if (kept instanceof Entry && kept.id === id && kept.context === context && (kept.node === node || sameData(kept, node))) {
      this.drawn[index] = kept;
      return kept;
    }
    const html = render(node, ctx);
    const hash = hashString(html);
    const flat = isFlat(node.props) && (node.widget === undefined || isFlat(node.widget));
    const data = flat ? undefined : nodeData(node);
    const key = flat || data !== undefined ? undefined : exactKey(node);
    if (key === null) return { id, html, hash }; // no exact key: drawn every time
    const entry = new Entry(id, context, html, hash, flat, data, key, node, ctx, render);
    this.drawn[index] = entry;
    this.fresh.push(entry);
    return entry;
  }

  /** The scope of the block at `index` (with DOM id `id`). */
  block(index: number, id: string): MemoScope {
    const kept = this.last?.[index];
    const same = kept && "slots" in kept && kept.id === id ? kept : undefined;
    const own: BlockSlots = { id, slots: [] };
    this.drawn[index] = own;
    return new MemoScope(this.fresh, same?.slots, same?.frame, own);
  }
}

/** The context a render reads (form posts' action and hidden fields…), once per context object. */
const contextKeys = new WeakMap<RenderContext, string>();

/** The last context asked about: a render asks for each of its elements, mostly with one context. */
let lastContext: RenderContext | undefined;
let lastContextKey = "";

function contextKey(ctx: RenderContext): string {
  if (ctx === lastContext) return lastContextKey;
  let key = contextKeys.get(ctx);
  if (key === undefined) {
    key = JSON.stringify([ctx.action, ctx.hiddenFields.value, ctx.form ?? null, ctx.showErrorDetails]);
    contextKeys.set(ctx, key);
  }
  lastContext = ctx;
  lastContextKey = key;
  return key;
}

/** Whether `node` carries the data `entry` was drawn from. */
function sameData(entry: Entry, node: ElementNode): boolean {
  if (entry.flat) {
    const kept = entry.node;
    return node.type === kept.type && sameFlat(node.props, kept.props) && (node.widget === kept.widget || (node.widget !== undefined && kept.widget !== undefined && sameFlat(node.widget, kept.widget)));
  }
  const data = entry.data;
  if (data === undefined) return exactKey(node) === entry.key;
  return node.type === data.type && matches(node.props, data.props) && matches(node.widget ?? null, data.widget);
}

/** Whether `value` is a plain object of strings, booleans, finite numbers, null and undefined. */
function isFlat(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value) || !isPlainObject(value)) return false;
  for (const key in value) {
    const field = (value as Record<string, unknown>)[key];
    const kind = typeof field;
    if (!(kind === "string" || kind === "boolean" || kind === "undefined" || field === null || (kind === "number" && Number.isFinite(field)))) return false;
  }
  return true;
}

/**
 * Whether flat `value` has `kept`'s fields (isFlat's kind of data), as `matches` compares a copy: in
 * the same order, a field holding undefined left out, -0 and 0 apart. Only an element whose node was
 * made again gets here (a rerun mostly passes the kept node itself), so the key lists are rare.
 */
function sameFlat(value: unknown, kept: unknown): boolean {
  if (!isFlat(value)) return false;
  const a = value as Record<string, unknown>;
  const b = kept as Record<string, unknown>;
  const keys = Object.keys(b).filter((key) => b[key] !== undefined);
  let i = 0;
  for (const key in a) {
    const field = a[key];
    if (field === undefined) continue;
    if (keys[i] !== key || !Object.is(field, b[key])) return false;
    i++;
  }
  return i === keys.length;
}

/** The node's data as plainCopy writes it; undefined when some value is not plain JSON. */
function nodeData(node: ElementNode): NodeData | undefined {
  const props = plainCopy(node.props, 0);
  const widget = props === NOT_PLAIN ? NOT_PLAIN : plainCopy(node.widget ?? null, 0);
  return widget === NOT_PLAIN ? undefined : { type: node.type, props, widget };
}

/**
 * Everything the render reads of the node, as exact text (for data plain JSON would write
 * inexactly: NaN, Maps…); null when some value cannot be written exactly.
 */
function exactKey(node: ElementNode): string | null {
  try {
    return JSON.stringify([node.type, node.props, node.widget ?? null], exact);
  } catch {
    return null;
  }
}

/*
 * Plain data is compared with a copy of itself rather than keyed by its JSON text: building that
 * text for every element of every render was a third of a 1,000-element event's CPU and most of
 * its allocation (issue 7). A comparison allocates nothing; a copy is made only for an element
 * that is drawn.
 */

/** A plain object's fields in order, [key, value, key, value…] (order shows in some HTML, st.json's). */
class Fields {
  constructor(readonly entries: unknown[]) {}
}

const NOT_PLAIN = Symbol("not plain");
/** Deeper data is keyed by exactKey, whose JSON.stringify also refuses cycles. */
const MAX_DEPTH = 32;

/**
 * A copy of `value` for `matches`, or NOT_PLAIN unless `value` is plain JSON data: finite numbers,
 * strings, booleans, null, arrays and plain objects. A field holding undefined is left out (a
 * render reads undefined either way); an array item keeps undefined apart from null.
 */
function plainCopy(value: unknown, depth: number): unknown {
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? value : NOT_PLAIN;
    case "string":
    case "boolean":
      return value;
    case "object": {
      if (value === null) return null;
      if (depth === MAX_DEPTH) return NOT_PLAIN;
      if (Array.isArray(value)) {
        const items: unknown[] = [];
        for (const item of value) {
          const copy = item === undefined ? undefined : plainCopy(item, depth + 1);
          if (copy === NOT_PLAIN) return NOT_PLAIN;
          items.push(copy);
        }
        return items.slice(); // exact length: a pushed array keeps room for 17 while the memo holds it
      }
      if (!isPlainObject(value)) return NOT_PLAIN;
      const entries: unknown[] = [];
      for (const key in value) {
        const field = (value as Record<string, unknown>)[key];
        if (field === undefined) continue;
        const copy = plainCopy(field, depth + 1);
        if (copy === NOT_PLAIN) return NOT_PLAIN;
        entries.push(key, copy);
      }
      // Exact length, as above: 84 bytes a field list in workerd otherwise, held for every drawn
      // element of every session (issue 7: 9 KB of a 100-element app's session).
      return new Fields(entries.slice());
    }
    default:
      return NOT_PLAIN; // undefined (outside an object or array), bigint, function, symbol
  }
}

/** Whether `value` equals `copy` (plainCopy's output) and is itself plain JSON data. -0 and 0 differ. */
function matches(value: unknown, copy: unknown): boolean {
  switch (typeof value) {
    case "number":
      return Object.is(value, copy) && Number.isFinite(value);
    case "string":
    case "boolean":
      return value === copy;
    case "object": {
      if (value === null) return copy === null;
      if (Array.isArray(value)) {
        if (!Array.isArray(copy) || copy.length !== value.length) return false;
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          if (item === undefined ? copy[i] !== undefined : !matches(item, copy[i])) return false;
        }
        return true;
      }
      if (!(copy instanceof Fields) || !isPlainObject(value)) return false;
      const entries = copy.entries;
      let i = 0;
      for (const key in value) {
        const field = (value as Record<string, unknown>)[key];
        if (field === undefined) continue;
        if (entries[i] !== key || !matches(field, entries[i + 1])) return false;
        i += 2;
      }
      return i === entries.length;
    }
    default:
      return false;
  }
}

/**
 * JSON, minus its collisions: NaN/±Infinity (JSON's null), Maps and Sets (JSON's {}), bigints (a
 * throw). Functions, symbols and other class instances have no exact text: those nodes are drawn
 * every time. (Dates arrive here already as their toJSON string.)
 */
function exact(_key: string, value: unknown): unknown {
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? value : `\u0000${value}`;
    case "string":
      return value.startsWith("\u0000") ? `\u0000${value}` : value;
    case "bigint":
      return `\u0000${value}n`;
    case "function":
    case "symbol":
      throw new TypeError("no exact key");
    case "object": {
      if (value === null || Array.isArray(value)) return value;
      if (value instanceof Map) return ["\u0000Map", [...value]];
      if (value instanceof Set) return ["\u0000Set", [...value]];
      if (!isPlainObject(value)) throw new TypeError("no exact key");
      return value;
    }
    default:
      return value;
  }
}
