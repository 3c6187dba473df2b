/**
 * st.title, st.header, st.subheader: h1/h2/h3 with inline Markdown and an anchor id, so
 * `page#my-section` links work. The anchor is the slug of the heading's text unless given;
 * `anchor: false` leaves it out. Ids starting with `el-` are Edgelit's (delta-path ids), so a
 * generated slug gets an `h-` prefix there and an explicit one is refused.
 */
import { attrs, html } from "../../render/html";
import type { Dg } from "../../runtime/dg";
import { displayMessages, StreamlitAPIException } from "../../runtime/errors";
import { defineElement, type ElementNode } from "../types";
import { renderHelp } from "./help";
import { markdownText, renderMarkdownInline } from "./markdown";

export interface TitleOptions {
  /** The id to link to; false for none. Defaults to the slug of the text. */
  anchor?: string | false;
  help?: string;
}

export interface HeaderOptions extends TitleOptions {
  /** A coloured rule below: true picks Streamlit's automatic colour. */
  divider?: boolean | "blue" | "green" | "orange" | "red" | "violet" | "gray" | "grey" | "rainbow";
}

const DIVIDER_COLORS = new Set(["blue", "green", "orange", "red", "violet", "gray", "grey", "rainbow"]);
const LEVELS = { title: 1, header: 2, subheader: 3 } as const;

/** Lower-case letters and digits of the text joined by single hyphens (`Hello, World!` → `hello-world`). */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

function resolveAnchor(body: string, anchor: string | false | undefined): string | undefined {
  if (anchor === false) return undefined;
  if (anchor !== undefined) {
    if (String(anchor).startsWith("el-")) throw new StreamlitAPIException(displayMessages.reservedAnchor(String(anchor)));
    return String(anchor);
  }
  let generated = anchors.get(body);
  if (generated === undefined) {
    const slug = slugify(markdownText(body));
    generated = slug === "" ? "" : slug.startsWith("el-") ? `h-${slug}` : slug;
    if (anchors.size >= ANCHORS_KEPT) anchors.clear();
    if (body.length <= KEPT_TEXT_LENGTH) anchors.set(body, generated);
  }
  return generated === "" ? undefined : generated;
}

/**
 * Generated anchors by heading text, for the isolate's life: a heading is drawn again by every
 * rerun, and its slug takes a Markdown parse (a title's was 2% of an event's CPU, issue 7).
 */
const anchors = new Map<string, string>();
const ANCHORS_KEPT = 1000;
/** Longer texts are slugged each time, so the map stays small (half a megabyte at most). */
const KEPT_TEXT_LENGTH = 500;

function resolveDivider(divider: HeaderOptions["divider"]): string | undefined {
  if (divider === undefined || divider === false) return undefined;
  if (divider === true) return "auto";
  if (!DIVIDER_COLORS.has(divider)) throw new StreamlitAPIException(displayMessages.dividerColor(String(divider)));
  return divider === "grey" ? "gray" : divider;
}

function heading(name: keyof typeof LEVELS) {
  return (dg: Dg, body: unknown, options: HeaderOptions = {}): Dg => {
    const text = String(body);
    return dg.emit(name, {
      body: text,
      anchor: resolveAnchor(text, options.anchor),
      help: options.help,
      divider: name === "title" ? undefined : resolveDivider(options.divider),
    });
  };
}

function render(node: ElementNode) {
  const { body, anchor, help, divider } = node.props as { body: string; anchor?: string; help?: string; divider?: string };
  const level = LEVELS[node.type as keyof typeof LEVELS];
  const content = html`${renderMarkdownInline(body)}${
    anchor ? html`<a class="el-anchor" href="#${anchor}" aria-hidden="true" tabindex="-1">#</a>` : ""
  }`;
  const attributes = attrs({ id: anchor });
  const tag =
    level === 1 ? html`<h1${attributes}>${content}</h1>` : level === 2 ? html`<h2${attributes}>${content}</h2>` : html`<h3${attributes}>${content}</h3>`;
  return html`<div class="el-heading el-${node.type}">${tag}${renderHelp(help)}${
    divider ? html`<hr class="el-heading-divider el-divider-${divider}">` : ""
  }</div>`;
}

export const title = defineElement({
  name: "title",
  /** The page title (h1). `st.title("Sales dashboard")` */
  api: heading("title") as (dg: Dg, body: unknown, options?: TitleOptions) => Dg,
  render,
});

export const header = defineElement({
  name: "header",
  /** A section header (h2). `st.header("Results", { divider: "blue" })` */
  api: heading("header"),
  render,
});

export const subheader = defineElement({
  name: "subheader",
  /** A subsection header (h3). `st.subheader("Details", { anchor: "details" })` */
  api: heading("subheader"),
  render,
});
