/**
 * HTML that is escaped by construction.
 *
 * `html\`<p>${text}</p>\`` escapes every interpolated string; only values that are already `Html`
 * (built by this module) pass through unchanged. Author HTML enters only through `trustedHtml`,
 * which the `st.html` element and `unsafeAllowHtml` use and nothing else should.
 */

const HTML_BRAND = Symbol("edgelit.html");

export interface Html {
  readonly [HTML_BRAND]: true;
  readonly value: string;
}

export type HtmlChild = Html | string | number | boolean | null | undefined | HtmlChild[];

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

export function isHtml(value: unknown): value is Html {
  return typeof value === "object" && value !== null && (value as Html)[HTML_BRAND] === true;
}

/** Wraps a string that is already safe HTML. Use only for markup this codebase produced. */
export function trustedHtml(value: string): Html {
  return { [HTML_BRAND]: true, value };
}

function childToString(child: HtmlChild): string {
  if (child === null || child === undefined || child === false || child === true) return "";
  if (Array.isArray(child)) return child.map(childToString).join("");
  if (isHtml(child)) return child.value;
  return escapeHtml(String(child));
}

export function html(strings: TemplateStringsArray, ...values: HtmlChild[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += childToString(values[i]) + strings[i + 1];
  return trustedHtml(out);
}

export function joinHtml(children: HtmlChild[]): Html {
  return trustedHtml(childToString(children));
}

export type AttrValue = string | number | boolean | null | undefined;

/** Renders attributes: `true` gives a bare attribute, `false`/null/undefined omit it. */
export function attrs(map: Record<string, AttrValue>): Html {
  let out = "";
  for (const [name, value] of Object.entries(map)) {
    if (value === false || value === null || value === undefined) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  return trustedHtml(out);
}
