/** Shared by the display elements' tests: run an app through the real engine, render its nodes. */
import { html } from "../../render/html";
import { AppSession, defineApp, type RunOutcome } from "../../runtime/session";
import type { St } from "../../runtime/st";
import { definitionFor } from "../lookup";
import type { ElementNode, RenderContext, TreeNode } from "../types";

export const ctx: RenderContext = { action: "/x", hiddenFields: html``, showErrorDetails: true };

/** Strings that must never reach the page unescaped. */
export const HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>'];

export async function runApp(main: (st: St) => void | Promise<void>): Promise<RunOutcome> {
  return new AppSession(defineApp(main)).load();
}

/** The main area's nodes after one run. */
export async function nodesOf(main: (st: St) => void | Promise<void>): Promise<TreeNode[]> {
  return (await runApp(main)).roots[0].children;
}

/** Renders a leaf node with its registered definition (so registration is tested too). */
export function renderNode(node: TreeNode): string {
  const def = definitionFor(node.type);
  if (!def?.render) throw new Error(`no render for ${node.type}`);
  return def.render(node as ElementNode, ctx).value;
}

/** Renders the first node an app draws. */
export async function renderFirst(main: (st: St) => void | Promise<void>): Promise<string> {
  const [node] = await nodesOf(main);
  return renderNode(node);
}

/** True when no tag from HOSTILE survived as markup (as escaped text it is harmless) and no link runs script. */
export function isInert(out: string): boolean {
  return !/<script|<img|href\s*=\s*["']?\s*javascript:/i.test(out);
}
