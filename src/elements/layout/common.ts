/** What the layout elements share: optional body callbacks, key classes, call-site descriptions. */
import type { Dg } from "../../runtime/dg";
import { StreamlitAPIException } from "../../runtime/errors";

/** A `with` body: bare `st.*` calls inside it write into the new container. */
export type Body = () => unknown;

/**
 * Runs `body` inside `dg` and returns `dg`. Bodies passed to a layout call run synchronously, so
 * that the call can return the container at once; an async body would leave the container open
 * while the rest of the script runs. Async work goes through `with`, which awaits:
 * `await st.container().with(async () => { … })`.
 */
export function runBody(dg: Dg, body: Body | undefined, name: string): Dg {
  if (body === undefined) return dg;
  if (typeof body !== "function") throw new StreamlitAPIException(messages.notABody(name));
  if (isAsyncFunction(body)) throw new StreamlitAPIException(messages.asyncBody(name));
  const stack = dg.run.withStack;
  const depth = stack.length;
  const result = dg.with(body);
  if (result instanceof Promise) {
    // Leave the container now rather than when the promise settles, and keep a rejection of the
    // abandoned body from going unhandled: the error below is what the author needs to see.
    stack.length = depth;
    result.catch(() => undefined);
    throw new StreamlitAPIException(messages.asyncBody(name));
  }
  return dg;
}

function isAsyncFunction(fn: Function): boolean {
  return fn.constructor?.name === "AsyncFunction";
}

/** Splits `(options?, body?)` and `(body)` call forms. */
export function optionsAndBody<O extends object>(optionsOrBody: O | Body | undefined, body: Body | undefined): [O, Body | undefined] {
  if (typeof optionsOrBody === "function") return [{} as O, optionsOrBody];
  return [optionsOrBody ?? ({} as O), body];
}

/** Streamlit's CSS class for a keyed element: characters outside [A-Za-z0-9_-] become "-". */
export function keyClass(key: string): string {
  return `st-key-${key.trim().replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

/** Where a keyed element was created, for the duplicate-key error (R24). */
export function describeSite(type: string, key: string, dg: Dg): string {
  const block = dg.block;
  const where = block ? `${block.path.join(".")}.${block.children.length}` : "a placeholder";
  return `\`${type}\` with key "${key}" (position ${where})`;
}

export const messages = {
  asyncBody: (name: string) =>
    `\`st.${name}(…, body)\` runs \`body\` synchronously, but it was given an async function. ` +
    `Create the container first and await its \`with\` instead:\n\n` +
    `\`\`\`ts\nawait st.${name}(…).with(async () => {\n  const data = await load();\n  st.write(data);\n});\n\`\`\``,
  notABody: (name: string) => `The last argument of \`st.${name}()\` must be a function (the container's body).`,
};
