/**
 * st.write (R115), after Streamlit 1.39's `write.py`: strings are buffered and consecutive ones
 * joined with a single space into one Markdown element; other values flush the buffer and get their
 * own element. Decisions where JavaScript differs from Python:
 * - Numbers, booleans, BigInts, null, undefined, symbols, functions, Dates and RegExps join the
 *   text as Markdown inline code, as Streamlit does for any value it falls back to `str()` on:
 *   `st.write("Count =", 3)` shows "Count = `3`" in one element.
 * - Every other object (arrays, plain objects, class instances, Maps, Sets, and values with
 *   `toDict()`/`toJSON()` such as st.sessionState) is shown with st.json; Errors with st.exception.
 * - A Promise is refused with a hint: it is almost always a missing `await`.
 * - On a locked position (R107) Streamlit refuses any call with more than one argument; Edgelit
 *   refuses only calls that would produce more than one element, so
 *   `placeholder.write("Count =", n)` works. The check runs before anything is drawn.
 * - A last argument of exactly `{ unsafeAllowHtml: boolean }` is the options object (Python's
 *   keyword argument); to show such an object as data, wrap it: `st.json(value)`.
 */
import type { Dg } from "../../runtime/dg";
import { displayMessages, messages, StreamlitAPIException } from "../../runtime/errors";
import { json } from "../data/json";
import { exception } from "../status/exception";
import { defineElement } from "../types";
import { markdown } from "./markdown";

export interface WriteOptions {
  /** Let raw HTML in the Markdown through. Never pass user input with this on. */
  unsafeAllowHtml?: boolean;
}

type Part = { kind: "markdown"; body: string } | { kind: "json"; value: unknown } | { kind: "exception"; error: unknown };

function isOptions(value: unknown): value is WriteOptions {
  if (typeof value !== "object" || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === "unsafeAllowHtml" && typeof (value as WriteOptions).unsafeAllowHtml === "boolean";
}

/** Markdown inline code showing `text` verbatim, whatever backticks it holds (CommonMark §6.1). */
export function inlineCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(text) && text.trim() !== "" ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** How a value that is not shown as its own element reads as text. */
function formatScalar(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (typeof value === "function") return `[Function: ${value.name || "anonymous"}]`;
  return String(value);
}

/** Splits the arguments into the elements they become: a string is text to buffer. */
function classify(arg: unknown): Part | string {
  if (arg instanceof Error) return { kind: "exception", error: arg };
  if (typeof arg !== "object" || arg === null || arg instanceof Date || arg instanceof RegExp) {
    return typeof arg === "string" ? arg : inlineCode(formatScalar(arg));
  }
  if (arg instanceof Promise || typeof (arg as { then?: unknown }).then === "function") {
    throw new StreamlitAPIException(displayMessages.writePromise());
  }
  return { kind: "json", value: arg };
}

function plan(args: unknown[]): Part[] {
  const parts: Part[] = [];
  let buffer: string[] = [];
  const flush = () => {
    if (buffer.length > 0) parts.push({ kind: "markdown", body: buffer.join(" ") });
    buffer = [];
  };
  for (const arg of args) {
    const part = classify(arg);
    if (typeof part === "string") buffer.push(part);
    else {
      flush();
      parts.push(part);
    }
  }
  flush();
  return parts;
}

export const write = defineElement({
  name: "write",
  /** Writes text, data or errors, each in the element that suits it. `st.write("Count =", n)` */
  api: (dg: Dg, ...args: unknown[]): Dg => {
    const options = args.length > 1 && isOptions(args[args.length - 1]) ? (args.pop() as WriteOptions) : {};
    const parts = plan(args);
    if (parts.length > 1 && dg.isLocked) throw new StreamlitAPIException(messages.placeholderMultiWrite());
    let last = dg;
    for (const part of parts) {
      if (part.kind === "markdown") last = markdown.api(dg, part.body, { unsafeAllowHtml: options.unsafeAllowHtml });
      else if (part.kind === "json") last = json.api(dg, part.value);
      else last = exception.api(dg, part.error);
    }
    return last;
  },
});
