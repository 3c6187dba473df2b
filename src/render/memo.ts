/**
 * Element HTML kept from one render to the next. An element's HTML is a pure function of its node
 * (type, props, widget view; the path is the DOM id it is kept under) and the render context, so a
 * rerun that leaves an element's data alone reuses its HTML instead of drawing it again (Markdown
 * parsing is most of a render). A session object keeps one memo; it holds one page's HTML.
 */
import type { ElementNode, RenderContext } from "../elements/types";
import { hashString } from "../runtime/identity";

/** An element as drawn: its HTML and that HTML's hash (so the diff need not hash it again). */
export interface Drawn {
  html: string;
  hash: string;
}

interface Entry extends Drawn {
  /** The render context's part of the key, shared by every element drawn with that context. */
  context: string;
  key: string;
  /** The render that last drew or reused it. */
  render: number;
}

export class RenderMemo {
  /**
   * One map, updated in place: a page's ids mostly stay, so reusing their entries costs a lookup
   * instead of filling a new map each render (which showed at 10,000 elements).
   */
  private entries = new Map<string, Entry>();
  private render = 1;
  /** Entries the current render drew or reused. */
  private drawn = 0;

  /**
   * The element as drawn: the last render's when its data is unchanged, else `render()`'s. Read
   * the result at once: the memo reuses its entry objects.
   */
  draw(id: string, node: ElementNode, ctx: RenderContext, render: () => string): Drawn {
    const key = memoKey(node);
    const kept = key === null ? undefined : this.entries.get(id);
    const context = key === null ? "" : contextKey(ctx);
    if (kept && kept.render === this.render - 1 && kept.key === key && kept.context === context) {
      kept.render = this.render;
      this.drawn++;
      return kept;
    }
    const html = render();
    const hash = hashString(html);
    if (key === null) return { html, hash };
    if (kept) Object.assign(kept, { html, hash, key, context, render: this.render });
    else this.entries.set(id, { html, hash, key, context, render: this.render });
    this.drawn++;
    return { html, hash };
  }

  /** Ends a render: what it drew is what the next one can reuse (nothing else is kept). */
  commit(): void {
    if (this.entries.size > this.drawn) {
      for (const [id, entry] of this.entries) if (entry.render !== this.render) this.entries.delete(id);
    }
    this.render++;
    this.drawn = 0;
  }
}

/** The context a render reads (form posts' action and hidden fields…), once per context object. */
const contextKeys = new WeakMap<RenderContext, string>();

function contextKey(ctx: RenderContext): string {
  let key = contextKeys.get(ctx);
  if (key === undefined) {
    key = JSON.stringify([ctx.action, ctx.hiddenFields.value, ctx.form ?? null, ctx.showErrorDetails]);
    contextKeys.set(ctx, key);
  }
  return key;
}

/** Everything the render reads of the node, as exact text; null when some value cannot be written exactly. */
function memoKey(node: ElementNode): string | null {
  const parts = [node.type, node.props, node.widget ?? null];
  // JSON.stringify with a replacer is several times slower than without: most nodes hold only
  // plain data, where the two agree, so check that first and keep the replacer for the rest.
  if (isPlainJson(parts)) return JSON.stringify(parts);
  try {
    return JSON.stringify(parts, exact);
  } catch {
    return null;
  }
}

/** Whether plain JSON writes `value` exactly: finite numbers, plain objects and arrays, no \u0000 prefixes. */
function isPlainJson(value: unknown): boolean {
  switch (typeof value) {
    case "number":
      return Number.isFinite(value);
    case "string":
      return !value.startsWith("\u0000");
    case "boolean":
    case "undefined": // dropped from objects by both paths alike
      return true;
    case "object": {
      if (value === null) return true;
      if (Array.isArray(value)) return value.every(isPlainJson);
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      for (const key in value) if (!isPlainJson((value as Record<string, unknown>)[key])) return false;
      return true;
    }
    default:
      return false; // bigint, function, symbol: no JSON
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
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) throw new TypeError("no exact key");
      return value;
    }
    default:
      return value;
  }
}
