/**
 * Links to pages: `st.pageLink` and the menu `st.navigation` draws (node type "navigation"). Both
 * are plain `<a href>`s, so they work without JavaScript; a link to a page of this app carries
 * the tab's token (from the render context's event URL), so the tab keeps its session.
 */
import { attrs, html, type Html } from "../../render/html";
import type { Dg } from "../../runtime/dg";
import { StreamlitAPIException } from "../../runtime/errors";
import { pageRoutes, resolvePage, type StPage } from "../../runtime/navigation";
import { SESSION_PARAM } from "../../wire";
import { defineElement, type ElementNode, type RenderContext } from "../types";
import { renderHelp } from "../text/help";

export interface PageLinkOptions {
  /** The link text; default: the page's title. Required for an external URL. */
  label?: string;
  icon?: string;
  help?: string;
  disabled?: boolean;
}

interface Link {
  label: string;
  icon: string | null;
  /** A page's URL path (the token is added when drawn), or an external http(s) URL. */
  path: string;
  current: boolean;
}

interface MenuProps {
  position: "sidebar" | "top";
  sections: { title: string | null; links: Link[] }[];
}

const EXTERNAL = /^https?:\/\//i;

/** A page's link keeps the tab's session: the token of the event URL rides along. */
function hrefOf(link: Link, ctx: RenderContext): string {
  if (EXTERNAL.test(link.path)) return link.path;
  const token = new URL(ctx.action, "http://edgelit.invalid").searchParams.get(SESSION_PARAM);
  return token ? `${link.path}?${SESSION_PARAM}=${encodeURIComponent(token)}` : link.path;
}

function renderLink(link: Link, ctx: RenderContext, extra: Record<string, string | boolean | undefined> = {}): Html {
  const external = EXTERNAL.test(link.path);
  const label = link.icon ? html`<span aria-hidden="true">${link.icon}</span> ${link.label}` : link.label;
  const target = external ? { target: "_blank", rel: "noopener noreferrer" } : {};
  return html`<a${attrs({ href: hrefOf(link, ctx), "aria-current": link.current ? "page" : undefined, ...target, ...extra })}>${label}</a>`;
}

function renderMenu(node: ElementNode, ctx: RenderContext): Html {
  const { position, sections } = node.props as unknown as MenuProps;
  const parts = sections.map((section) => [
    section.title ? html`<p>${section.title}</p>` : "",
    section.links.map((link) => renderLink(link, ctx)),
  ]);
  return html`<nav class="${position === "top" ? "el-nav el-nav-top" : "el-nav"}" aria-label="Pages">${parts}</nav>`;
}

export const pageLink = defineElement({
  name: "pageLink",
  types: ["pageLink", "navigation"],
  /**
   * A link to a page of this app (a page object or its URL path) or to an external URL.
   * `st.pageLink("reports/daily", { label: "Daily report", icon: "📊" })`
   */
  api: (dg: Dg, page: StPage | string, options: PageLinkOptions = {}): Dg => {
    dg.run.checkpoint();
    const scope = dg.ref.scope;
    let link: Link;
    if (typeof page === "string" && EXTERNAL.test(page.trim())) {
      if (!options.label) throw new StreamlitAPIException("The `label` option is required for external links used with st.pageLink.");
      link = { label: options.label, icon: options.icon ?? null, path: page.trim(), current: false };
    } else {
      if (!scope) throw new StreamlitAPIException("st.pageLink needs a session: call it from an app.");
      const path = resolvePage(scope, page);
      const target = pageRoutes(scope.appPath, scope.app.pages ?? []).get(path)!;
      link = { label: options.label ?? target.title, icon: options.icon ?? target.icon ?? null, path, current: path === scope.page };
    }
    return dg.emit("pageLink", { ...link, help: options.help, disabled: options.disabled ?? false });
  },
  render: (node, ctx) => {
    if (node.type === "navigation") return renderMenu(node, ctx);
    const props = node.props as unknown as Link & { help?: string; disabled: boolean };
    const link = props.disabled
      ? html`<a${attrs({ "aria-disabled": "true", role: "link" })}>${props.icon ? `${props.icon} ` : ""}${props.label}</a>`
      : renderLink(props, ctx);
    return html`<div class="el-page-link">${link}${renderHelp(props.help)}</div>`;
  },
});
