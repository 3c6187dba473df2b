/** Shared by the widget tests: drive an app through the real engine, find and render its widgets. */
import { expect } from "vitest";
import { html } from "../../render/html";
import { AppSession, defineApp, type RunOutcome } from "../../runtime/session";
import type { St } from "../../runtime/st";
import { definitionFor } from "../lookup";
import {
  WidgetValueError,
  type Codec,
  type ElementNode,
  type RawValue,
  type RenderContext,
  type TreeNode,
} from "../types";

export const ctx: RenderContext = { action: "/x", hiddenFields: html``, showErrorDetails: true };
export const formCtx: RenderContext = { ...ctx, form: { id: "f1", enterToSubmit: true } };

/** Strings that must never reach the page as markup. */
export const HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>'];

/** True when nothing from HOSTILE survived unescaped. */
export function isInert(out: string): boolean {
  return !/<script|<img/i.test(out);
}

/** The widget nodes of a run, depth first. */
export function widgetNodes(out: RunOutcome): ElementNode[] {
  const found: ElementNode[] = [];
  const walk = (node: TreeNode): void => {
    if (node.kind === "block") node.children.forEach(walk);
    else if (node.widget) found.push(node);
  };
  out.roots.forEach(walk);
  return found;
}

/** The error boxes of a run (exceptions the app raised), wherever they were drawn. */
export function errorsOf(out: RunOutcome): { name: string; message: string }[] {
  const found: { name: string; message: string }[] = [];
  const walk = (node: TreeNode): void => {
    if (node.kind === "block") return node.children.forEach(walk);
    if (node.type !== "exception") return;
    const { name, message } = node.props as { name: string; message: string };
    found.push({ name, message });
  };
  out.roots.forEach(walk);
  return found;
}

/**
 * A session of `main` after its first run. `value()` is what the widget call returned last,
 * `node()` the widget's node in the last outcome, `send()` posts raw values for it.
 */
export async function mount<V>(main: (st: St) => V) {
  let last: V | undefined;
  const session = new AppSession(defineApp((st) => void (last = main(st))));
  let out = await session.load();
  const probe = {
    session,
    get out() {
      return out;
    },
    value: () => last as V,
    node: (index = 0) => widgetNodes(out)[index],
    id: (index = 0) => widgetNodes(out)[index].widget!.id,
    render: (index = 0, context = ctx) => renderNode(widgetNodes(out)[index], context),
    async send(raw: RawValue, index = 0) {
      out = await session.handle({ values: { [probe.id(index)]: raw } });
      return last as V;
    },
    async rerun() {
      out = await session.load();
      return last as V;
    },
    /** Posts a raw value that must be rejected, leaving the session's data exactly as it was. */
    async reject(raw: RawValue, index = 0): Promise<string> {
      const before = structuredClone(session.snapshot().data);
      const error = await session.handle({ values: { [probe.id(index)]: raw } }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(WidgetValueError);
      expect(session.snapshot().data).toEqual(before);
      return (error as Error).message;
    },
  };
  return probe;
}

/** Renders a node with its registered definition (so registration is tested too). */
export function renderNode(node: TreeNode, context: RenderContext = ctx): string {
  const def = definitionFor(node.type);
  if (!def?.render) throw new Error(`no render for ${node.type}`);
  return def.render(node as ElementNode, context).value;
}

/** The props a widget stored for its codec, from a real call. */
export async function propsOf(main: (st: St) => unknown): Promise<Record<string, unknown>> {
  return (await mount(main)).node().props;
}

/** parse(format(v)) gives v back. */
export function expectRoundTrip<V>(codec: Codec<V, any>, props: unknown, value: V): void {
  expect(codec.parse(codec.format(value, props), props)).toEqual(value);
}

/** parse rejects `raw` with a WidgetValueError whose message matches. */
export function expectRejects(codec: Codec<any, any>, props: unknown, raw: RawValue, message?: RegExp): void {
  let error: unknown;
  try {
    codec.parse(raw, props);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(WidgetValueError);
  if (message) expect((error as Error).message).toMatch(message);
}
