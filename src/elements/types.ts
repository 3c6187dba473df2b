/**
 * The contract between the runtime, the element definitions and the renderer.
 *
 * An element is data (a node in the run's tree) plus one render function. A widget adds a codec
 * that turns the raw submitted form value into a typed value and back. Definitions know nothing of
 * sessions or storage: they get a `Dg` (the container being written to) and return what the app sees.
 */
import type { Html } from "../render/html";
import type { Dg } from "../runtime/dg";

/** What a browser form post carries for one field: absent, one value or repeated values. */
export type RawValue = string | string[] | undefined;

/** A plain-data description of a widget for the renderer. */
export interface WidgetView {
  /** Stable widget id (also the form field name and the control's DOM id stem). */
  id: string;
  key?: string;
  /** The value the server holds, formatted as the control shows it. */
  raw: RawValue;
  /** The typed value. */
  value: unknown;
  /** The st.form this widget belongs to, if any. */
  formId?: string;
}

/**
 * A leaf of the tree. Never changed once drawn: a rerun may reuse the last run's node (Run.unchanged)
 * and the render memo takes the same node for the same data, so a change makes a new node.
 */
export interface ElementNode {
  kind: "element";
  type: string;
  /** Delta path: [root, block indices…, index]. */
  path: number[];
  props: Record<string, unknown>;
  widget?: WidgetView;
}

export interface BlockNode {
  kind: "block";
  type: string;
  path: number[];
  props: Record<string, unknown>;
  children: TreeNode[];
  /** Set on form blocks: the form id whose widgets live inside. */
  formId?: string;
}

export type TreeNode = ElementNode | BlockNode;

/** Renderer-provided facts an element needs to draw itself. Pure data plus helpers. */
export interface RenderContext {
  /** URL that widget events are posted to (includes the session token). */
  action: string;
  /** Hidden fields every standalone widget form carries (CSRF token…). */
  hiddenFields: Html;
  /** Set while rendering the inside of an st.form. */
  form?: { id: string; enterToSubmit: boolean };
  /** Show exception details (development) or redact them (production). */
  showErrorDetails: boolean;
}

/** Thrown by a codec when a raw value is not acceptable; the message says what was expected. */
export class WidgetValueError extends Error {
  override name = "WidgetValueError";
}

export interface Codec<V, P = Record<string, unknown>> {
  /** Raw form value → typed value. Throws WidgetValueError with what was expected. */
  parse(raw: RawValue, props: P): V;
  /** Typed value → what the control shows / what a browser would send. */
  format(value: V, props: P): RawValue;
}

export interface ElementDef<Api extends (dg: Dg, ...args: any[]) => unknown> {
  /** The st method this definition provides, e.g. "textInput". */
  name: string;
  /** Node types this definition renders; defaults to `[name]`. */
  types?: string[];
  /** The st.* method. `dg` is the container being written to. */
  api: Api;
  render?(node: ElementNode, ctx: RenderContext): Html;
  renderBlock?(node: BlockNode, children: Html[], ctx: RenderContext): Html;
  /** Widgets only: how raw submitted values are parsed and formatted. */
  codec?: Codec<any, any>;
}

export function defineElement<Api extends (dg: Dg, ...args: any[]) => unknown>(
  def: ElementDef<Api>,
): ElementDef<Api> {
  return def;
}
