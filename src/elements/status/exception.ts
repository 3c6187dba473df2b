import { html } from "../../render/html";
import type { Dg } from "../../runtime/dg";
import { messages } from "../../runtime/errors";
import { defineElement } from "../types";

interface ExceptionProps {
  name: string;
  message: string;
  stack?: string;
}

function describe(error: unknown, showDetails: boolean): ExceptionProps {
  const name = error instanceof Error ? error.name : typeof error;
  if (!showDetails) return { name, message: messages.redacted() };
  if (error instanceof Error) {
    return { name, message: error.message, stack: error.stack };
  }
  return { name, message: String(error) };
}

export const exception = defineElement({
  name: "exception",
  /** Shows an exception box. Details are redacted when the app runs in production (R96). */
  api: (dg: Dg, error: unknown): Dg =>
    dg.emit("exception", { ...describe(error, dg.run.options.showErrorDetails) }),
  render: (node) => {
    const { name, message, stack } = node.props as unknown as ExceptionProps;
    return html`<div class="el-alert el-exception" role="alert"><strong>${name}</strong>: <span class="el-message">${message}</span>${
      stack ? html`<details><summary>Traceback</summary><pre>${stack}</pre></details>` : ""
    }</div>`;
  },
});
