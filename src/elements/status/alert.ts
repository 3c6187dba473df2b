/**
 * st.success, st.info, st.warning, st.error: a Markdown message in a coloured box. Success and
 * info are polite live regions (role="status"); warning and error interrupt (role="alert").
 * An icon is shown as given (an emoji); a Material shortcode (`:material/thumb_up:`) becomes an
 * empty span carrying the icon name, for a stylesheet or icon font to draw.
 */
import { html } from "../../render/html";
import type { Dg } from "../../runtime/dg";
import { renderMarkdown } from "../text/markdown";
import { defineElement, type ElementNode } from "../types";

export interface AlertOptions {
  icon?: string;
}

type Kind = "success" | "info" | "warning" | "error";

const MATERIAL = /^:material\/([a-z0-9_]+):$/;

function renderIcon(icon: string | undefined) {
  if (!icon) return "";
  const material = MATERIAL.exec(icon);
  return material
    ? html`<span class="el-alert-icon el-icon-material" data-icon="${material[1]}" aria-hidden="true"></span>`
    : html`<span class="el-alert-icon" aria-hidden="true">${icon}</span>`;
}

function render(node: ElementNode) {
  const { body, icon } = node.props as { body: string; icon?: string };
  const role = node.type === "success" || node.type === "info" ? "status" : "alert";
  return html`<div class="el-alert el-${node.type}" role="${role}">${renderIcon(icon)}<div class="el-alert-body">${renderMarkdown(body)}</div></div>`;
}

function alert(kind: Kind) {
  return defineElement({
    name: kind,
    api: (dg: Dg, body: unknown, options: AlertOptions = {}): Dg =>
      dg.emit(kind, { body: String(body), icon: options.icon === undefined ? undefined : String(options.icon) }),
    render,
  });
}

/** A success message. `st.success("Saved!", { icon: "✅" })` */
export const success = alert("success");
/** An informational message. `st.info("Uploads are limited to 10 MB")` */
export const info = alert("info");
/** A warning. `st.warning("This cannot be undone")` */
export const warning = alert("warning");
/** An error message (for an exception object use st.exception). `st.error("Login failed")` */
export const error = alert("error");
