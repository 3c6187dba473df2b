import { attrs, html } from "../../render/html";
import type { Dg } from "../../runtime/dg";
import { defineElement } from "../types";
import { optionsAndBody, runBody, type Body } from "./common";

export interface ExpanderOptions {
  /** Open when first drawn; afterwards open/closed is the browser's state (R112). */
  expanded?: boolean;
  /** An emoji shown before the label. */
  icon?: string;
}

export const expander = defineElement({
  name: "expander",
  /**
   * A collapsible container; its body always runs (R112).
   * `st.expander("Details", () => st.markdown("…"))` or `st.expander("Details", { expanded: true })`
   */
  api: (dg: Dg, label: string, optionsOrBody?: ExpanderOptions | Body, body?: Body): Dg => {
    const [options, fn] = optionsAndBody<ExpanderOptions>(optionsOrBody, body);
    const props = { label: String(label), expanded: options.expanded ?? false, icon: options.icon };
    return runBody(dg.addBlock("expander", props), fn, "expander");
  },
  // A native <details>: it opens and closes without JavaScript or a request. A server re-render
  // of the expander resets it to `expanded`; the diff normally leaves it alone.
  renderBlock: (node, children) => {
    const { label, expanded, icon } = node.props as { label: string; expanded: boolean; icon?: string };
    return html`<details${attrs({ class: "el-expander-inner", open: expanded })}><summary class="el-expander-summary">${
      icon ? html`<span class="el-icon" aria-hidden="true">${icon}</span> ` : ""
    }<span class="el-expander-label">${label}</span></summary><div class="el-expander-body">${children}</div></details>`;
  },
});
