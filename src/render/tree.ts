/**
 * The element tree of a run → HTML. Every node gets one wrapper `<div class="el el-node-<type>">` whose
 * id is derived from its delta path, so the diff can address any node; what is inside the wrapper
 * is the element definition's business.
 */
import { definitionFor } from "../elements/lookup";
import type { BlockNode, RenderContext, TreeNode } from "../elements/types";
import { messages } from "../runtime/errors";
import { MAIN_ROOT, SIDEBAR_ROOT } from "../runtime/run";
import { DOM } from "../wire";
import { html, type Html } from "./html";

/**
 * Renders one node inside its addressable wrapper. Never throws: failures become an error box.
 * `rendered`: a block's children, already rendered (page.ts renders each node once, bottom-up).
 */
export function renderNode(node: TreeNode, ctx: RenderContext, rendered?: Html[]): Html {
  return html`<div class="el el-node-${node.type}" id="${DOM.element(node.path)}">${renderInside(node, ctx, rendered)}</div>`;
}

/** Renders a root: `<main>` for the main area, `<aside>` for the sidebar (omitted when empty). */
export function renderRoot(root: BlockNode, ctx: RenderContext, rendered?: Html[]): Html {
  const index = root.path[0];
  const children = rendered ?? renderChildren(root, ctx);
  const id = DOM.root(index);
  if (index === MAIN_ROOT) return html`<main id="${id}" class="el-root el-main">${children}</main>`;
  if (index === SIDEBAR_ROOT) return children.length === 0 ? html`` : html`<aside id="${id}" class="el-root el-sidebar">${children}</aside>`;
  return html`<div id="${id}" class="el-root">${children}</div>`;
}

function renderInside(node: TreeNode, ctx: RenderContext, rendered?: Html[]): Html {
  const def = definitionFor(node.type);
  try {
    if (node.kind === "element") return def?.render ? def.render(node, ctx) : unknownType(node);
    const inner = formContext(node, ctx);
    const children = rendered ?? renderChildren(node, inner);
    if (def?.renderBlock) return def.renderBlock(node, children, inner);
    return html`${def ? "" : unknownType(node)}<div class="el-block">${children}</div>`;
  } catch (error) {
    return renderFailed(node, error, ctx);
  }
}

/** Children in order; holes of a sparse children array are skipped. */
function renderChildren(node: BlockNode, ctx: RenderContext): Html[] {
  return node.children.filter((child) => child !== undefined).map((child) => renderNode(child, ctx));
}

/** Inside an st.form, widgets render as plain controls of the form's one `<form>`. */
export function formContext(node: BlockNode, ctx: RenderContext): RenderContext {
  if (node.type !== "form" || !node.formId) return ctx;
  return { ...ctx, form: { id: node.formId, enterToSubmit: node.props.enterToSubmit !== false } };
}

function unknownType(node: TreeNode): Html {
  return errorBox(
    "Unknown element",
    `This page contains an element of type "${node.type}" that this server cannot draw. ` +
      "Its definition may be missing from the element registry (src/elements/registry).",
  );
}

function renderFailed(node: TreeNode, error: unknown, ctx: RenderContext): Html {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return errorBox(`Could not draw "${node.type}"`, ctx.showErrorDetails ? detail : messages.redacted());
}

function errorBox(title: string, message: string): Html {
  return html`<div class="el-alert el-exception" role="alert"><strong>${title}</strong>: <span class="el-message">${message}</span></div>`;
}
